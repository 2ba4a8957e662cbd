import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_REPORTS } from '../../src/demo/demo-content.js';
import { seedDemoIfEmpty } from '../../src/actions/site/seed-demo.js';
import { findReportBySlug, listReports } from '../../src/store/reports.js';
import { listRevisions } from '../../src/store/revisions.js';
import { getSettings } from '../../src/store/settings.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { publishReport } from '../support/factories.js';

let site: TestSite;
before(async () => {
  site = await createTestSite();
});
after(async () => site.cleanup());

test('writes the demo profile, reports and fact sheet into an empty site', async () => {
  const written = await seedDemoIfEmpty(site);
  assert.equal(written, DEMO_REPORTS.length);
  assert.ok(written >= 12);
  const settings = await getSettings(site.db);
  assert.match(settings.chamber, /議員/);
  const page = await listReports(site.db, { status: 'published' }, { offset: 0, limit: 100 });
  assert.equal(page.total, DEMO_REPORTS.length);
  const years = new Set(page.items.map((r) => r.activityDate.slice(0, 4)));
  assert.ok(years.size >= 3);
  const withPdf = DEMO_REPORTS.find((r) => r.attachments.length > 0)!;
  const slug = page.items.find((r) => r.title === withPdf.title)!.slug;
  const report = (await findReportBySlug(site.db, slug))!;
  assert.equal(report.attachments.length, 1);
  assert.equal(report.attachments[0]!.pages, 4);
  assert.equal(report.attachments[0]!.mime, 'application/pdf');
  assert.match(report.bodyHtml, /<a class="attachment" href="\/media\/[0-9a-f]{64}\/[^"]+"[^>]*>[^<]+<span class="meta">\(PDF形式・\d+KB・4ページ\)<\/span><\/a>/);
});

test('gives every demo report its first revision and an audit entry by the demo', async () => {
  const reports = await site.db.selectFrom('reports').select(['id', 'title']).execute();
  assert.equal(reports.length, DEMO_REPORTS.length);
  for (const report of reports) {
    const revisions = await listRevisions(site.db, report.id);
    assert.deepEqual(
      revisions.map((r) => [r.version, r.title, r.authorId]),
      [[1, report.title, null]],
    );
    const entries = await site.db.selectFrom('audit_log').select(['action', 'login']).where('target', '=', `report:${report.id}`).execute();
    assert.deepEqual(entries, [{ action: 'report.create', login: 'demo' }]);
  }
});

test('writes nothing into a site that already has content', async () => {
  assert.equal(await seedDemoIfEmpty(site), 0);
  const other = await createTestSite();
  try {
    await publishReport(other);
    assert.equal(await seedDemoIfEmpty(other), 0);
    assert.equal((await listReports(other.db, {}, { offset: 0, limit: 10 })).total, 1);
  } finally {
    await other.cleanup();
  }
});
