// Editing seen from the public site: a published report's changed slug keeps its old URL
// working with a 301, and unpublished reports disappear.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { publishReport } from '../../src/actions/reports/publish-report.js';
import { saveReport, type ReportFields } from '../../src/actions/reports/save-report.js';
import { unpublishReport } from '../../src/actions/reports/unpublish-report.js';
import { getEditableReport } from '../../src/store/reports.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { addTeam, type Team } from '../support/authors.js';
import { setSettings } from '../support/factories.js';

let t: TestApp;
let team: Team;

before(async () => {
  t = await createTestApp({ seed: (site) => setSettings(site) });
  team = await addTeam(t.site);
});
after(() => t.close());

function fields(overrides: Partial<ReportFields>): ReportFields {
  return {
    title: '港湾の視察',
    activityDate: '2024-09-01',
    categoryId: null,
    tags: [],
    slug: '',
    summary: '',
    bodySource: '1 概要\n\n(1)港湾を視察した。',
    ...overrides,
  };
}

async function edit(id: number, overrides: Partial<ReportFields>) {
  const current = await getEditableReport(t.site.db, id);
  return saveReport(t.site, team.editor, { ...fields({ slug: current.slug }), ...overrides, reportId: id, expectedVersion: current.version });
}

test('answers the old URL of a published report with a 301 to its new slug, after every rename', async () => {
  const saved = await saveReport(t.site, team.editor, fields({ slug: 'port-visit' }));
  await publishReport(t.site, team.editor, { reportId: saved.id });
  assert.equal((await t.app.inject('/activity/port-visit/')).statusCode, 200);

  await edit(saved.id, { slug: 'port-inspection' });
  const moved = await t.app.inject('/activity/port-visit/');
  assert.equal(moved.statusCode, 301);
  assert.equal(moved.headers.location, '/activity/port-inspection/');
  const page = await t.app.inject('/activity/port-inspection/');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /港湾の視察/);

  // A second rename sends both old addresses straight to the newest one.
  await edit(saved.id, { slug: 'harbour-2024' });
  for (const old of ['/activity/port-visit/', '/activity/port-inspection/']) {
    const res = await t.app.inject(old);
    assert.equal(res.statusCode, 301, old);
    assert.equal(res.headers.location, '/activity/harbour-2024/', old);
  }
});

test('adds no redirect when a never-published draft changes its slug', async () => {
  const saved = await saveReport(t.site, team.editor, fields({ slug: 'draft-slug' }));
  await edit(saved.id, { slug: 'draft-slug-renamed' });
  assert.equal((await t.app.inject('/activity/draft-slug/')).statusCode, 404);
  assert.equal(await t.site.db.selectFrom('redirects').select('to_path').where('from_path', '=', '/activity/draft-slug/').executeTakeFirst(), undefined);
});

test('shows an edit of a published report at once, and hides it when unpublished', async () => {
  const saved = await saveReport(t.site, team.editor, fields({ slug: 'live-edit', title: '初めの題名' }));
  await publishReport(t.site, team.editor, { reportId: saved.id });
  assert.match((await t.app.inject('/activity/live-edit/')).body, /初めの題名/);
  await edit(saved.id, { title: '直した題名' });
  const page = await t.app.inject('/activity/live-edit/');
  assert.match(page.body, /直した題名/, 'the page cache sees the new content version');
  assert.doesNotMatch(page.body, /初めの題名/);
  await unpublishReport(t.site, team.editor, { reportId: saved.id });
  assert.equal((await t.app.inject('/activity/live-edit/')).statusCode, 404);
});
