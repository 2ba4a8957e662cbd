import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { attachMediaToReport } from '../../src/actions/items/attach-media.js';
import { createReport } from '../../src/actions/reports/create-report.js';
import { detachMedia } from '../../src/actions/items/detach-media.js';
import { publishReport } from '../../src/actions/reports/publish-report.js';
import { readStoredPdfTexts, reindexSearch } from '../../src/actions/search/reindex.js';
import { saveReport } from '../../src/actions/reports/save-report.js';
import { searchReports } from '../../src/actions/search/search-reports.js';
import { storeMedia } from '../../src/actions/media/store-media.js';
import { trashReport } from '../../src/actions/reports/trash-report.js';
import { uploadMedia } from '../../src/actions/media/upload-media.js';
import type { MediaActor } from '../../src/actions/media/media-actor.js';
import { getEditableReport } from '../../src/store/reports.js';
import { refreshReportIndex } from '../../src/store/search.js';
import { addTeam, type Team } from '../support/authors.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { draft, publishReport as addPublished } from '../support/factories.js';
import { makeTextPdf } from '../support/text-pdf.js';

let site: TestSite;
let team: Team;
let user: MediaActor;

before(async () => {
  site = await createTestSite();
  team = await addTeam(site);
  user = { userId: team.editor.userId, login: team.editor.login };
});
after(() => site.cleanup());

const search = (q: string) => searchReports(site.db, { q, filter: {}, page: 1, perPage: 20 });

async function uploadPdf(fileName: string, pages: string[]) {
  return uploadMedia(site, { bytes: makeTextPdf(pages), fileName, altText: '', user });
}

test('finds a report by a word that stands only in its attached PDF, with the snippet from the PDF and its label', async () => {
  const report = await addPublished(site, { title: '日本・ニュージーランド会談' });
  const media = await uploadPdf('factsheet-a.pdf', ['協力事項一覧\n人道支援・災害救援の共同訓練を実施する。']);
  await attachMediaToReport(site, { reportId: report.id, mediaId: media.id, label: 'ファクトシート', user });

  const result = await search('災害救援');
  assert.deepEqual(
    result.items.map((i) => i.report.id),
    [report.id],
  );
  const [item] = result.items;
  assert.equal(item!.matchedIn, 'attachment');
  assert.equal(item!.attachmentLabel, 'ファクトシート');
  assert.equal(
    item!.snippet
      .filter((p) => p.isMatch)
      .map((p) => p.text)
      .join(),
    '災害救援',
  );
});

test('a word in the report itself is shown from the report, not the attachment', async () => {
  const report = await addPublished(site, { title: '海洋協力の会談', bodySource: '海洋協力について意見交換した。' });
  const media = await uploadPdf('factsheet-b.pdf', ['海洋協力の具体策']);
  await attachMediaToReport(site, { reportId: report.id, mediaId: media.id, label: '資料', user });
  const [item] = (await search('海洋協力')).items;
  assert.equal(item!.report.id, report.id);
  assert.equal(item!.matchedIn, 'report');
  assert.equal(item!.attachmentLabel, undefined);
});

test('ranks a report with the word in its body above one with it only in an attachment', async () => {
  const inAttachment = await addPublished(site, { title: '会談A' });
  const media = await uploadPdf('factsheet-c.pdf', ['鳴門海峡の視察']);
  await attachMediaToReport(site, { reportId: inAttachment.id, mediaId: media.id, label: '資料C', user });
  const inBody = await addPublished(site, { title: '会談B', bodySource: '鳴門海峡を視察した。' });
  assert.deepEqual(
    (await search('鳴門海峡')).items.map((i) => i.report.id),
    [inBody.id, inAttachment.id],
  );
});

test('editing a published report keeps its attachment text in the index', async () => {
  const media = await uploadPdf('factsheet-f.pdf', ['水素サプライチェーンの構築']);
  const created = await createReport(site, draft(), { status: 'published', attachments: [{ mediaId: media.id, label: '資料F' }] });
  const report = await getEditableReport(site.db, created.id);
  await saveReport(site, team.editor, {
    reportId: report.id,
    expectedVersion: report.version,
    title: '書き直した題名',
    activityDate: report.activityDate,
    categoryId: null,
    tags: [],
    slug: report.slug,
    summary: '',
    bodySource: '書き直した本文。',
  });
  assert.deepEqual(
    (await search('水素サプライチェーン')).items.map((i) => [i.report.title, i.matchedIn]),
    [['書き直した題名', 'attachment']],
  );
});

test('detaching the PDF removes the report from the results at once', async () => {
  const report = await addPublished(site);
  const media = await uploadPdf('factsheet-d.pdf', ['排他的経済水域の調査']);
  await attachMediaToReport(site, { reportId: report.id, mediaId: media.id, label: '資料D', user });
  assert.equal((await search('排他的経済水域')).total, 1);
  await detachMedia(site, { reportId: report.id, mediaId: media.id, user });
  assert.equal((await search('排他的経済水域')).total, 0);
});

test('the attachment text of a draft is never searchable; publishing makes it so, trashing removes it', async () => {
  const media = await uploadPdf('factsheet-e.pdf', ['半導体供給網の強靱化']);
  const created = await createReport(site, draft(), { status: 'draft', attachments: [{ mediaId: media.id, label: '資料E' }] });
  assert.equal((await search('半導体供給網')).total, 0);
  await publishReport(site, team.editor, { reportId: created.id });
  assert.deepEqual(
    (await search('半導体供給網')).items.map((i) => [i.report.id, i.matchedIn]),
    [[created.id, 'attachment']],
  );
  await trashReport(site, team.editor, { reportId: created.id });
  assert.equal((await search('半導体供給網')).total, 0);
});

test('a PDF the body links to is searchable with the report, labelled with the link text', async () => {
  await uploadPdf('linked.pdf', ['量子暗号通信の実証']);
  const report = await addPublished(site, { bodySource: '詳細は[概要資料](media:linked.pdf)を参照。' });
  assert.deepEqual(
    (await search('量子暗号通信')).items.map((i) => [i.report.id, i.attachmentLabel]),
    [[report.id, '概要資料']],
  );
});

test('uploading again a file stored before its text was kept reads it and indexes the reports listing it, in the same transaction', async () => {
  const bytes = makeTextPdf(['地熱発電の開発計画']);
  const report = await addPublished(site);
  const media = await uploadMedia(site, { bytes, fileName: 'geo.pdf', altText: '', user });
  await attachMediaToReport(site, { reportId: report.id, mediaId: media.id, label: '地熱資料', user });
  await site.db.updateTable('media').set({ text: null, text_status: null }).where('id', '=', media.id).execute();
  await site.db.transaction().execute((trx) => refreshReportIndex(trx, report.id));
  assert.equal((await search('地熱発電')).total, 0);

  const again = await uploadMedia(site, { bytes, fileName: 'geo.pdf', altText: '', user });
  assert.equal(again.isDuplicate, true);
  assert.deepEqual(
    (await search('地熱発電')).items.map((i) => i.attachmentLabel),
    ['地熱資料'],
  );
});

test('reindex reads PDFs stored before their text was kept, and rebuilds the index with it', async () => {
  const report = await addPublished(site);
  const media = await storeMedia(site, { bytes: makeTextPdf(['洋上風力発電の導入目標']), fileName: 'old.pdf', mime: 'application/pdf' });
  await attachMediaToReport(site, { reportId: report.id, mediaId: media.id, label: '旧資料', user });
  // As a file stored before migration 0009: no text, never read; and an index without it.
  await site.db.updateTable('media').set({ text: null, text_status: null }).where('id', '=', media.id).execute();
  await site.db.transaction().execute((trx) => refreshReportIndex(trx, report.id));
  assert.equal((await search('洋上風力')).total, 0);

  assert.equal(await readStoredPdfTexts(site), 1);
  await reindexSearch(site);
  assert.deepEqual(
    (await search('洋上風力')).items.map((i) => [i.report.id, i.attachmentLabel]),
    [[report.id, '旧資料']],
  );
  const row = await site.db.selectFrom('media').select(['text_status']).where('id', '=', media.id).executeTakeFirstOrThrow();
  assert.equal(row.text_status, 'complete');
  assert.equal(await readStoredPdfTexts(site), 0, 'a file read once is not read again');
});
