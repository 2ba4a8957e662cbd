// Removing the demo (issue 12 item 6): the owner confirms once in the admin and the demo's
// reports, pages, file, categories and settings go; the office's own content stays; the
// empty site still serves its public pages.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { saveReport } from '../../src/actions/reports/save-report.js';
import { seedDemoIfEmpty } from '../../src/actions/site/seed-demo.js';
import { DEMO_REPORTS, DEMO_SETTINGS } from '../../src/demo/demo-content.js';
import { getSettings } from '../../src/store/settings.js';
import { addTestUser, logIn, type AdminAgent } from '../support/admin.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { validateHtml } from '../support/vnu.js';

let t: TestApp;
let owner: AdminAgent;
let editor: AdminAgent;
let ownerId: number;

before(async () => {
  t = await createTestApp({ seed: async (site) => void (await seedDemoIfEmpty(site)) });
  ownerId = (await addTestUser(t.site, { login: 'owner', role: 'owner' })).id;
  await addTestUser(t.site, { login: 'editor', role: 'editor' });
  owner = await logIn(t.app, 'owner');
  editor = await logIn(t.app, 'editor');
});
after(() => t.close());

const count = async (table: 'reports' | 'pages' | 'media' | 'categories') => (await t.site.db.selectFrom(table).select('id').execute()).length;

test('only the owner may open or use the demo removal; the dashboard points the owner to it', async () => {
  assert.equal((await editor.get('/admin/demo')).statusCode, 403);
  assert.equal((await editor.post('/admin/demo', { confirm: 'yes' })).statusCode, 403);
  assert.equal((await owner.post('/admin/demo', { confirm: 'yes' }, { csrf: false })).statusCode, 403);
  assert.equal(await count('reports'), DEMO_REPORTS.length);
  const dashboard = await owner.get('/admin/');
  assert.match(dashboard.body, /デモの内容が残っています/);
  assert.match(dashboard.body, /href="\/admin\/demo"/);
  assert.doesNotMatch((await editor.get('/admin/')).body, /デモの内容が残っています/);
});

test('without the confirmation nothing is removed and the box says why', async () => {
  const page = await owner.get('/admin/demo');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(`活動報告 ${DEMO_REPORTS.length}件`));
  const refused = await owner.post('/admin/demo', {});
  assert.equal(refused.statusCode, 422);
  assert.match(refused.body, /確認のチェックを入れてください/);
  assert.equal(await count('reports'), DEMO_REPORTS.length);
});

test('the demo removal page, its refusal, the dashboard notice and a bulk result are valid HTML', async () => {
  const ids = (await t.site.db.selectFrom('reports').select('id').limit(2).execute()).map((r) => String(r.id));
  const pages = {
    demo: (await owner.get('/admin/demo')).body,
    refused: (await owner.post('/admin/demo', {})).body,
    dashboard: (await owner.get('/admin/')).body,
    // Publishing published reports: refused, so the result lists both with their reason.
    bulk: (await owner.post('/admin/reports/bulk', { ids, bulkAction: 'publish', returnTo: '/admin/reports' })).body,
  };
  assert.match(pages.bulk, /2件はできませんでした/);
  const problems = (await validateHtml(pages)).filter((m) => m.type !== 'info' || m.subType === 'warning');
  assert.deepEqual(
    problems.map((m) => `${m.document}: ${m.message} ${m.extract ?? ''}`),
    [],
  );
});

test('removes the demo in one step, keeps the office’s own and rewritten reports, and the public site still renders', async () => {
  const actor = { userId: ownerId, login: 'owner', role: 'owner' as const };
  const own = await saveReport(t.site, actor, {
    title: '事務所の報告',
    activityDate: '2026-11-01',
    categoryId: null,
    tags: [],
    slug: '',
    summary: '',
    bodySource: '1 概要\n\n事務所で書いた。',
  });
  const demo = await t.site.db.selectFrom('reports').selectAll().where('title', '=', DEMO_REPORTS[0]!.title).executeTakeFirstOrThrow();
  await saveReport(t.site, actor, {
    title: demo.title,
    activityDate: demo.activity_date,
    categoryId: demo.category_id,
    tags: [],
    slug: demo.slug,
    summary: demo.summary,
    bodySource: `${demo.body_source}\n\n事務所で追記した。`,
    reportId: demo.id,
    expectedVersion: demo.version,
  });

  const removed = await owner.post('/admin/demo', { confirm: 'yes' });
  assert.equal(removed.statusCode, 303);
  assert.equal(removed.headers.location, '/admin/?notice=demo-removed');
  const titles = (await t.site.db.selectFrom('reports').select('title').orderBy('id').execute()).map((r) => r.title);
  assert.deepEqual(titles.sort(), [DEMO_REPORTS[0]!.title, '事務所の報告'].sort());
  assert.equal(await count('pages'), 0);
  assert.equal(await count('media'), 0);
  const settings = await getSettings(t.site.db);
  assert.equal(settings.legislatorName, '');
  assert.equal(settings.profileSource, '');
  assert.ok(!settings.navigation.some((link) => link.pageId !== undefined), 'no menu entry points to a removed page');
  assert.notEqual(DEMO_SETTINGS.legislatorName, '');
  const audit = await t.site.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'demo.remove').execute();
  assert.equal(audit.length, 1);
  assert.match(audit[0]!.detail, new RegExp(`"reports":${DEMO_REPORTS.length - 1}`));
  assert.ok(own.id > 0);

  for (const path of ['/', '/activity/', '/profile/', '/search?q=%E5%A0%B1%E5%91%8A', '/feed.xml', '/sitemap.xml', '/api/v1/reports', '/api/v1/pages']) {
    const response = await t.app.inject({ url: path });
    assert.equal(response.statusCode, 200, path);
  }
  const again = await owner.get('/admin/demo');
  assert.match(again.body, /デモの内容は残っていません/);
  assert.doesNotMatch((await owner.get('/admin/')).body, /デモの内容が残っています/);
});

test('a site that held only the demo is empty afterwards and its public pages still render', async () => {
  const fresh = await createTestApp({ seed: async (site) => void (await seedDemoIfEmpty(site)) });
  try {
    await addTestUser(fresh.site, { login: 'owner', role: 'owner' });
    const agent = await logIn(fresh.app, 'owner');
    assert.equal((await agent.post('/admin/demo', { confirm: 'yes' })).statusCode, 303);
    for (const table of ['reports', 'pages', 'media', 'categories'] as const) {
      assert.equal((await fresh.site.db.selectFrom(table).select('id').execute()).length, 0, table);
    }
    for (const path of [
      '/',
      '/activity/',
      '/profile/',
      '/search?q=%E5%A0%B1%E5%91%8A',
      '/feed.xml',
      '/atom.xml',
      '/feed.json',
      '/sitemap.xml',
      '/api/v1/reports',
      '/api/v1/pages',
      '/events.ics',
    ]) {
      const response = await fresh.app.inject({ url: path });
      assert.ok(response.statusCode === 200 || (path === '/events.ics' && response.statusCode === 404), `${path}: ${response.statusCode}`);
      assert.doesNotMatch(response.body, new RegExp(DEMO_SETTINGS.legislatorName), path);
    }
  } finally {
    await fresh.close();
  }
});
