// What every public page reads the same way is read once per content version: the frame's
// settings and menu, the archive counts and each list's order (site/content-memo.ts).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createReport } from '../../src/actions/reports/create-report.js';
import { loadSummaries } from '../../src/site/components/load-summaries.js';
import { atOneContentVersion, memoByContentVersion } from '../../src/site/content-memo.js';
import { loadHomePage } from '../../src/site/home/load-home-page.js';
import { loadSiteContext } from '../../src/site/layout/load-site-context.js';
import { loadReportPage } from '../../src/site/report/load-report-page.js';
import { loadNeighbourIds } from '../../src/site/report-list/load-list-order.js';
import { loadReportListPage } from '../../src/site/report-list/load-report-list-page.js';
import { reportListSpec } from '../../src/site/report-list/report-list-spec.js';
import type { SiteDeps } from '../../src/site/site-deps.js';
import { findNeighbourIds } from '../../src/store/reports.js';
import { loadAssets } from '../../src/web/assets.js';
import { TEST_BASE_URL } from '../support/app.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { draft, publishReport, setSettings, TEST_SETTINGS } from '../support/factories.js';

let site: TestSite;
let deps: SiteDeps;

before(async () => {
  site = await createTestSite();
  await setSettings(site);
  await publishReport(site, { title: '最初の報告', activityDate: '2024-05-01', tags: ['外交'] });
  deps = { ctx: site, baseUrl: TEST_BASE_URL, assets: loadAssets() };
});
after(async () => site.cleanup());

test('computes a value once while the content version stands, and again after a write', async () => {
  let computed = 0;
  const compute = async () => ++computed;
  assert.equal(await memoByContentVersion(site.db, 'probe', compute), 1);
  assert.equal(await memoByContentVersion(site.db, 'probe', compute), 1);
  await publishReport(site, { activityDate: '2024-05-02' });
  assert.equal(await memoByContentVersion(site.db, 'probe', compute), 2);
});

test('keeps memos at the version read when a chunk of pages began, and sees a write once the chunk is done', async () => {
  let computed = 0;
  const compute = async () => ++computed;
  const during = await atOneContentVersion(site.db, async () => {
    const first = await memoByContentVersion(site.db, 'pinned', compute);
    await publishReport(site, { activityDate: '2024-05-03' });
    return [first, await memoByContentVersion(site.db, 'pinned', compute)];
  });
  assert.deepEqual(during, [1, 1]);
  assert.equal(await memoByContentVersion(site.db, 'pinned', compute), 2);
});

test('computes values of one key once when pages ask at the same time', async () => {
  let computed = 0;
  const compute = async () => ++computed;
  const values = await Promise.all(Array.from({ length: 10 }, () => memoByContentVersion(site.db, 'at once', compute)));
  assert.deepEqual(new Set(values), new Set([1]));
});

test('keeps no failed computation: the next page tries again', async () => {
  await assert.rejects(memoByContentVersion(site.db, 'failing', async () => Promise.reject(new Error('読めません'))));
  assert.equal(await memoByContentVersion(site.db, 'failing', async () => 'ok'), 'ok');
});

test('reads the settings of the frame once per content version and anew after they change', async () => {
  const first = await loadSiteContext(deps);
  assert.equal((await loadSiteContext(deps)).settings, first.settings);
  await setSettings(site, { ...TEST_SETTINGS, legislatorName: '新しい名前' });
  const after = await loadSiteContext(deps);
  assert.notEqual(after.settings, first.settings);
  assert.equal(after.settings.legislatorName, '新しい名前');
});

test('a list page shows a report published after the list was read, and the new total', async () => {
  const before = await loadReportListPage(deps, reportListSpec.tag('外交'), 1);
  await publishReport(site, { title: '後の報告', activityDate: '2024-06-01', tags: ['外交'] });
  const after = await loadReportListPage(deps, reportListSpec.tag('外交'), 1);
  assert.equal(after.total, before.total + 1);
  assert.equal(after.reports[0]?.title, '後の報告');
});

test('reads a report summary once per content version, and anew after a write', async () => {
  const report = await publishReport(site, { title: '要約の報告', activityDate: '2024-07-01' });
  const [first] = await loadSummaries(site.db, [report.id]);
  const [again] = await loadSummaries(site.db, [report.id]);
  assert.equal(again, first);
  await publishReport(site, { activityDate: '2024-07-02' });
  const [after] = await loadSummaries(site.db, [report.id]);
  assert.notEqual(after, first);
  assert.equal(after?.title, '要約の報告');
  assert.deepEqual(await loadSummaries(site.db, [report.id, 999_999]), [after]);
});

test('keeps at most the summaries a caller allows: past them the memo starts afresh', async () => {
  const [a, b, c] = [
    await publishReport(site, { activityDate: '2024-08-01' }),
    await publishReport(site, { activityDate: '2024-08-02' }),
    await publishReport(site, { activityDate: '2024-08-03' }),
  ];
  const [first] = await loadSummaries(site.db, [a!.id], 2);
  assert.equal((await loadSummaries(site.db, [a!.id], 2))[0], first);
  await loadSummaries(site.db, [b!.id, c!.id], 2);
  const [again] = await loadSummaries(site.db, [a!.id], 2);
  assert.notEqual(again, first);
  assert.deepEqual(again, first);
});

test('a report page keeps no more neighbours than its deps allow (SiteDeps.summariesKept, the server keeps few)', async () => {
  const reports = [];
  for (const day of ['2024-09-01', '2024-09-02', '2024-09-03', '2024-09-04']) reports.push(await publishReport(site, { activityDate: day }));
  const few = { ...deps, summariesKept: 2 };
  const first = await loadReportPage(few, reports[1]!.slug);
  await loadReportPage(few, reports[2]!.slug);
  assert.notEqual((await loadReportPage(few, reports[1]!.slug)).newer, first.newer);
  const kept = await loadReportPage(deps, reports[1]!.slug);
  await loadReportPage(deps, reports[2]!.slug);
  assert.equal((await loadReportPage(deps, reports[1]!.slug)).newer, kept.newer);
});

test("a report page's neighbours are those of the public order, read from the list's memo and anew after a write", async () => {
  // Two reports of one day: the id breaks the tie, as in the lists.
  const early = await publishReport(site, { title: '同じ日の一つ目', activityDate: '2024-10-01' });
  const late = await publishReport(site, { title: '同じ日の二つ目', activityDate: '2024-10-01' });
  const next = await publishReport(site, { title: '翌日', activityDate: '2024-10-02' });
  const ids = await site.db.selectFrom('reports').select(['id', 'activity_date']).where('status', '=', 'published').execute();
  for (const { id, activity_date } of ids) {
    assert.deepEqual(await loadNeighbourIds(site.db, { id, activityDate: activity_date }), await findNeighbourIds(site.db, { id, activityDate: activity_date }));
  }
  assert.deepEqual(await loadNeighbourIds(site.db, { id: late.id, activityDate: '2024-10-01' }), { olderId: early.id, newerId: next.id });
  const between = await publishReport(site, { title: '間に入る報告', activityDate: '2024-10-01' });
  assert.equal((await loadReportPage(deps, next.slug)).older?.title, '間に入る報告');
  assert.equal((await loadReportPage(deps, late.slug)).newer?.id, between.id);
  // A report missing from the list read (not published) asks the database.
  const unpublished = await createReport(site, draft({ activityDate: '2024-10-02' }), { status: 'draft' });
  assert.equal((await loadNeighbourIds(site.db, { id: unpublished.id, activityDate: '2024-10-02' })).olderId, next.id);
});

test("the home page's latest reports come from the main list's memo: a second home page reads no report summaries", async () => {
  let tagReads = 0;
  // Queries built through this handle that read tags (compiled-once reads never pass here, and read none).
  const db = site.db.withPlugin({
    transformQuery: (args) => {
      if (JSON.stringify(args.node).includes('"name":"report_tags"')) tagReads += 1;
      return args.node;
    },
    transformResult: async (args) => args.result,
  });
  const home = { ...deps, ctx: { ...site, db } };
  const first = await loadHomePage(home);
  tagReads = 0;
  const second = await loadHomePage(home);
  assert.deepEqual(second.latest, first.latest);
  const list = await loadReportListPage(deps, reportListSpec.activity(), 1);
  assert.deepEqual(first.latest, list.reports.slice(0, first.latest.length));
  assert.ok(first.latest.length > 0);
  assert.equal(tagReads, 0);
});
