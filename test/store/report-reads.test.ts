// A report's tags and attachments read inside the report's own query (dialects/json-list.ts)
// give what their own queries give: same values, types and order, empty lists as [], on both
// databases (npm test runs this file again on PostgreSQL).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ActivityRecord } from '../../src/domain/activity-record/activity-record.js';
import { findActivityRecord, saveActivityRecord, withLists } from '../../src/store/activity-records.js';
import { attachMedia, insertMediaVariants, listItemAttachments, upsertMedia } from '../../src/store/media.js';
import { descriptionOf } from '../../src/domain/description.js';
import {
  findPublishedReportBySlug,
  findReportById,
  findReportBySlug,
  listPublishedIdsAfter,
  listReports,
  listSummariesByIds,
  tagsByReport,
} from '../../src/store/reports.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { publishReport } from '../support/factories.js';

let site: TestSite;
let full: { id: number; slug: string };
let bare: { id: number; slug: string };
let newest: { id: number; slug: string };

/** Every list with two entries or more, nulls, and text JSON must escape. */
const RECORD: ActivityRecord = {
  kind: '会議',
  date: '2024-01-10',
  spans: [
    { label: '午前', start: '09:00', end: '11:30' },
    { label: null, start: '13:00', end: null },
  ],
  place: '会議室 "A"',
  participants: [
    { name: '山田 太郎', title: '市長', side: 'other', organisation: '〇〇市', country: null, isLegislator: false },
    { name: '鈴木\\一郎', title: null, side: 'own', organisation: null, country: '日本', isLegislator: true },
  ],
  organisations: ['〇〇市', '△△協会'],
  countries: ['日本'],
  outcomes: ['合意した。', '次回は\n来月。'],
  documents: [{ title: '資料1', url: 'https://example.jp/a?b=1&c=2' }],
};

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

test("reads a published report for its page as the whole read gives it, with only its text's start, which gives the same description", async () => {
  // Characters beyond the BMP (two UTF-16 units, one character to SQL's substr) and runs of white space at the cut.
  const text = `${'𠮷野家 '.repeat(30)}\n\n${'あ'.repeat(200)}`;
  const long = await publishReport(site, { activityDate: '2024-04-10', bodySource: text, tags: ['防災'] });
  const whole = (await findReportBySlug(site.db, long.slug, 'published'))!;
  const page = await findPublishedReportBySlug(site.db, long.slug);
  assert.ok(page);
  const { bodySource, bodyText, version, createdAt, ...shown } = whole;
  assert.ok(bodySource !== '' && version > 0 && createdAt !== '');
  assert.deepEqual({ ...page, textStart: undefined }, { ...shown, textStart: undefined });
  assert.ok(bodyText.length > page.textStart.length);
  assert.equal([...page.textStart].length, 120);
  assert.equal(descriptionOf('', page.textStart), descriptionOf('', bodyText));
  assert.equal(await findPublishedReportBySlug(site.db, 'no-such-report'), undefined);
  await site.db.updateTable('reports').set({ status: 'draft' }).where('id', '=', long.id).execute();
  assert.equal(await findPublishedReportBySlug(site.db, long.slug), undefined);
  await site.db.deleteFrom('reports').where('id', '=', long.id).execute();
});

test('reads a report without tags or attachments with empty lists', async () => {
  const report = await findReportBySlug(site.db, bare.slug);
  assert.ok(report);
  assert.deepEqual(report.tags, []);
  assert.deepEqual(report.attachments, []);
});

/** site.db with a count of the queries run through it. */
function countingDb() {
  const counter = { queries: 0 };
  const db = site.db.withPlugin({
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      counter.queries += 1;
      return args.result;
    },
  });
  return { db, counter };
}

test('reads a report with its tags and attachments, summaries with their tags, and an activity record with its lists, in one query each', async () => {
  await site.db.transaction().execute((trx) => saveActivityRecord(trx, full.id, RECORD, { isConfirmed: true, at: '2024-01-11T00:00:00.000Z' }));
  const { db, counter } = countingDb();
  assert.ok(await findReportBySlug(db, newest.slug, 'published'));
  assert.equal(counter.queries, 1);
  counter.queries = 0;
  assert.equal((await listSummariesByIds(db, [newest.id, bare.id, full.id])).length, 3);
  assert.equal(counter.queries, 1);
  counter.queries = 0;
  const record = await findActivityRecord(db, full.id);
  assert.equal(counter.queries, 1);
  assert.deepEqual(record?.record, RECORD);
  const row = await site.db.selectFrom('activity_records').selectAll().where('report_id', '=', full.id).executeTakeFirstOrThrow();
  assert.deepEqual(record, (await withLists(site.db, [row]))[0]);
  assert.equal(await findActivityRecord(site.db, bare.id), undefined);
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

test('pages through the published reports by id alone, after a given id, in id order', async () => {
  assert.deepEqual(await listPublishedIdsAfter(site.db, 0, 2), [full.id, bare.id]);
  assert.deepEqual(await listPublishedIdsAfter(site.db, bare.id, 2), [newest.id]);
  assert.deepEqual(await listPublishedIdsAfter(site.db, newest.id, 2), []);
});
