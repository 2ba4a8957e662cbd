// NUL (U+0000) in what users send: removed by one rule (domain/without-nul.ts) where text
// enters, so a form, a query or an imported page with one is saved or answered the same on
// SQLite and PostgreSQL (whose text cannot hold NUL: before, a 500). Runs on the default test
// database; npm test's PostgreSQL pass runs it there.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { seedDemoIfEmpty } from '../../src/actions/site/seed-demo.js';
import { withoutNul } from '../../src/domain/without-nul.js';
import { findFiles } from '../../src/importers/find-files.js';
import { htmlPageItems } from '../../src/importers/html/html-page-items.js';
import { runImport } from '../../src/importers/import-run.js';
import { addTestUser, attemptLogIn, logIn, type AdminAgent } from '../support/admin.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { makeImage } from '../support/media-fixtures.js';
import { landmarkPage } from '../fixtures/html/site-page.js';

const NUL = '\u0000';
let t: TestApp;
let owner: AdminAgent;

before(async () => {
  t = await createTestApp({
    seed: async (site) => {
      await seedDemoIfEmpty(site);
    },
  });
  await addTestUser(t.site, { login: 'owner', role: 'owner' });
  owner = await logIn(t.app, 'owner');
});
after(async () => t.close());

const hasNul = (value: unknown) => JSON.stringify(value).includes('\\u0000');

test('the rule: NUL removed from strings, arrays and records; values without one returned as they are', () => {
  assert.equal(withoutNul(`前${NUL}後${NUL}`), '前後');
  assert.deepEqual(withoutNul({ a: [`x${NUL}`, 'y'], b: { c: NUL }, n: 1 }), { a: ['x', 'y'], b: { c: '' }, n: 1 });
  const clean = { a: ['x'], bytes: Buffer.from([0]) };
  assert.equal(withoutNul(clean), clean);
  assert.equal(withoutNul({ bytes: Buffer.from([0]) }).bytes[0], 0, 'bytes are no text');
});

test('the report and page editors save text with NUL, without it', async () => {
  const category = await t.site.db.selectFrom('categories').select('id').executeTakeFirstOrThrow();
  const report = await owner.post('/admin/reports/new', {
    title: `道路${NUL}整備`,
    activityDate: '2024-06-10',
    categoryId: String(category.id),
    tags: `地元${NUL}、道路`,
    slug: '',
    summary: `要望${NUL}を伺った。`,
    bodySource: `1 概要${NUL}\n\n(1)要望${NUL}を受けた。`,
    intent: 'save',
  });
  assert.equal(report.statusCode, 303, report.body.slice(0, 300));
  const saved = await t.site.db.selectFrom('reports').selectAll().where('title', '=', '道路整備').executeTakeFirstOrThrow();
  assert.equal(saved.summary, '要望を伺った。');
  assert.equal(hasNul(saved), false);
  const tags = await t.site.db.selectFrom('tags').select('name').where('name', '=', '地元').execute();
  assert.equal(tags.length, 1);
  const page = await owner.post('/admin/pages/new', {
    title: `政策${NUL}集`,
    slug: '',
    parentId: '',
    position: '0',
    summary: `方針${NUL}`,
    bodySource: `1 基本方針${NUL}\n暮らしを守ります。`,
    note: `メモ${NUL}`,
    expectedVersion: '',
    intent: 'save',
  });
  assert.equal(page.statusCode, 303, page.body.slice(0, 300));
  const savedPage = await t.site.db.selectFrom('pages').selectAll().where('title', '=', '政策集').executeTakeFirstOrThrow();
  assert.equal(hasNul(savedPage), false);
});

test('settings, the menu, a new user and the fields of an upload are saved without NUL', async () => {
  const settings = await owner.post('/admin/settings', {
    legislatorName: `朝霧${NUL} 湊`,
    legislatorNameKana: '',
    chamber: '',
    constituency: '',
    party: `緑風会${NUL}`,
    profileSource: '',
    contact: '',
    contactPhone: '',
    contactEmail: '',
    contactFormUrl: '',
    siteDescription: '',
    navLabel: [`活動${NUL}報告`],
    navUrl: [`/activity/${NUL}`],
    navPage: [''],
    navParent: [''],
  });
  assert.equal(settings.statusCode, 303, settings.body.slice(0, 300));
  const stored = await t.site.db.selectFrom('settings').selectAll().execute();
  assert.equal(hasNul(stored), false);
  assert.match(JSON.stringify(stored), /朝霧 湊/);
  assert.match(JSON.stringify(stored), /活動報告/);
  const user = await owner.post('/admin/users', {
    login: `sa${NUL}to`,
    displayName: `佐藤${NUL}`,
    role: 'writer',
    password: `静かな湖畔${NUL}の森の影からもう一度`,
    passwordConfirmation: `静かな湖畔${NUL}の森の影からもう一度`,
  });
  assert.equal(user.statusCode, 303, user.body.slice(0, 300));
  const added = await t.site.db.selectFrom('users').select(['login', 'display_name']).where('login', '=', 'sato').executeTakeFirstOrThrow();
  assert.equal(added.display_name, '佐藤');
  const upload = await owner.postMultipart(
    '/admin/media',
    { altText: `港の${NUL}写真` },
    { field: 'file', fileName: 'port.png', type: 'image/png', bytes: await makeImage('png', 40, 30) },
  );
  assert.equal(upload.statusCode, 303, upload.body.slice(0, 300));
  const media = await t.site.db.selectFrom('media').selectAll().where('original_name', '=', 'port.png').executeTakeFirstOrThrow();
  assert.equal(hasNul(media), false);
});

test('a login, the admin list and the searches answer a NUL in their input, never 500', async () => {
  const { response } = await attemptLogIn(t.app, `own${NUL}er`, 'しずかな湖畔の森の影から');
  assert.equal(response.statusCode, 303);
  const list = await owner.get('/admin/reports?q=%00%E6%B8%AF&tag=%00');
  assert.equal(list.statusCode, 200);
  for (const url of ['/search?q=%E6%B8%AF%00', '/api/v1/search?q=%00%E6%B8%AF', '/api/v1/reports?tag=%00']) {
    const answer = await t.app.inject({ url });
    assert.equal(answer.statusCode, 200, url);
  }
});

test('an imported page with NUL is refused as a binary file, on both databases, with nothing written', async () => {
  const root = mkdtempSync(join(tmpdir(), 'katsudo-nul-html-'));
  try {
    mkdirSync(join(root, 'activity'));
    const html = landmarkPage({ title: `港湾${NUL}視察`, dateLine: '2013年11月2日(土)', bodyHtml: '<p>岸壁の改修計画について説明を受けた。</p>', charset: 'utf-8' });
    writeFileSync(join(root, 'activity', 'port.html'), html);
    const { files } = findFiles([root], ['html']);
    const summary = await runImport(t.site, htmlPageItems(t.site, files, { isDryRun: false }), { kind: 'html' });
    assert.deepEqual(
      summary.failed.map((f) => f.reason),
      ['バイナリファイルです。保存したページではありません'],
    );
    assert.equal(summary.created, 0);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
