// A report's tags and attachments read inside the report's own query (dialects/json-list.ts)
// give what their own queries give: same values, types and order, empty lists as [], on both
// databases (npm test runs this file again on PostgreSQL).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { attachMedia, insertMediaVariants, listItemAttachments, upsertMedia } from '../../src/store/media.js';
import { findReportById, findReportBySlug, listReports, listSummariesByIds, tagsByReport } from '../../src/store/reports.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { publishReport } from '../support/factories.js';

let site: TestSite;
let full: { id: number; slug: string };
let bare: { id: number; slug: string };
let newest: { id: number; slug: string };

const LABEL = '資料 "引用" \\ 改行\nタブ\t絵文字🗾';

before(async () => {
  site = await createTestSite();
  full = await publishReport(site, { activityDate: '2024-01-10', tags: ['防災', '外交', 'あいう'] });
  bare = await publishReport(site, { activityDate: '2024-02-10' });
  newest = await publishReport(site, { activityDate: '2024-03-10', tags: ['子育て'] });
  await site.db.transaction().execute(async (trx) => {
    const at = '2024-01-10T00:00:00.000Z';
    const pdf = await upsertMedia(
      trx,
      { sha256: 'a'.repeat(64), originalName: '議事録.pdf', mime: 'application/pdf', bytes: 123_456, width: null, height: null, pages: 3 },
      at,
    );
    const photo = await upsertMedia(
      trx,
      { sha256: 'b'.repeat(64), originalName: '写真.jpg', mime: 'image/jpeg', bytes: 98_765_432, width: 1600, height: 1200, pages: null, altText: '会場の写真' },
      at,
    );
    await insertMediaVariants(trx, [
      { sourceSha256: photo.sha256, width: 1200, height: 900, sha256: 'c'.repeat(64), mime: 'image/webp', bytes: 2000 },
      { sourceSha256: photo.sha256, width: 480, height: 360, sha256: 'd'.repeat(64), mime: 'image/webp', bytes: 1000 },
    ]);
    // The photo comes first although added last; the PDF keeps the file's (empty) alt text.
    await attachMedia(trx, { reportId: full.id, mediaId: pdf.id, label: LABEL, summary: '', position: 1 });
    await attachMedia(trx, { reportId: full.id, mediaId: photo.id, label: '写真', summary: '要約', position: 0, altText: 'この報告での説明' });
  });
});

after(async () => site.cleanup());

test('reads a report with its tags and attachments as their own queries give them', async () => {
  const report = await findReportBySlug(site.db, full.slug, 'published');
  assert.ok(report);
  assert.deepEqual(report.tags, ['防災', '外交', 'あいう']);
  assert.deepEqual(report.tags, (await tagsByReport(site.db, [full.id])).get(full.id));
  assert.deepEqual(report.attachments, await listItemAttachments(site.db, { kind: 'report', id: full.id }));
  assert.deepEqual(
    report.attachments.map((a) => [a.fileName, a.label, a.altText, a.useAltText, a.bytes, a.pages, a.width, a.variants]),
    [
      [
        '写真.jpg',
        '写真',
        'この報告での説明',
        'この報告での説明',
        98_765_432,
        null,
        1600,
        [
          { width: 480, height: 360 },
          { width: 1200, height: 900 },
        ],
      ],
      ['議事録.pdf', LABEL, '', null, 123_456, 3, null, []],
    ],
  );
  assert.deepEqual(await findReportById(site.db, full.id), report);
});

test('reads a report without tags or attachments with empty lists', async () => {
  const report = await findReportBySlug(site.db, bare.slug);
  assert.ok(report);
  assert.deepEqual(report.tags, []);
  assert.deepEqual(report.attachments, []);
});

test('reads a report with its tags and attachments, and summaries with their tags, in one query each', async () => {
  let queries = 0;
  const db = site.db.withPlugin({
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      queries += 1;
      return args.result;
    },
  });
  assert.ok(await findReportBySlug(db, newest.slug, 'published'));
  assert.equal(queries, 1);
  queries = 0;
  assert.equal((await listSummariesByIds(db, [newest.id, bare.id, full.id])).length, 3);
  assert.equal(queries, 1);
});

test('reads summaries by id and a list page with the tags their own query gives', async () => {
  const ids = [newest.id, bare.id, full.id];
  const byQuery = await tagsByReport(site.db, ids);
  const summaries = await listSummariesByIds(site.db, ids);
  assert.deepEqual(
    summaries.map((s) => [s.id, s.tags]),
    ids.map((id) => [id, byQuery.get(id) ?? []]),
  );
  const page = await listReports(site.db, { status: 'published' }, { offset: 0, limit: 10 });
  assert.deepEqual(page.items, summaries);
});
