// Attachment lists on fixed pages (issue 10): the same actions and table as reports' —
// attach, order, detach, relabel — with the page's search entry, the public-file rule and
// media safety following them.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { attachMediaToReport } from '../../src/actions/items/attach-media.js';
import { deleteMedia } from '../../src/actions/media/delete-media.js';
import { detachMedia } from '../../src/actions/items/detach-media.js';
import { listMedia } from '../../src/actions/media/list-media.js';
import { transitionPage } from '../../src/actions/pages/page-transition.js';
import { readStoredPdfTexts } from '../../src/actions/search/reindex.js';
import { reorderAttachments } from '../../src/actions/items/reorder-attachments.js';
import { savePage } from '../../src/actions/pages/save-page.js';
import { uploadMedia } from '../../src/actions/media/upload-media.js';
import { MediaInUseError, PageNotFoundError, ValidationError } from '../../src/domain/errors.js';
import { parseSearchQuery } from '../../src/domain/search/query.js';
import { listAudit } from '../../src/store/audit-log.js';
import { isMediaPublic, listAttachments, listItemAttachments } from '../../src/store/media.js';
import { findPageHits, refreshPageIndex } from '../../src/store/page-search.js';
import { addTeam, type Team } from '../support/authors.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { publishReport } from '../support/factories.js';
import { makePdf, TEST_USER } from '../support/media-fixtures.js';
import { makeTextPdf } from '../support/text-pdf.js';

let site: TestSite;
let team: Team;
beforeEach(async () => {
  site = await createTestSite();
  team = await addTeam(site);
});
afterEach(async () => site.cleanup());

const user = () => ({ userId: team.editor.userId, login: team.editor.login });
const pdf = async (name: string, text?: string) =>
  uploadMedia(site, { bytes: text === undefined ? await makePdf(1) : makeTextPdf([text]), fileName: name, altText: '', user: user() });
const newPage = async (title = '事務所案内') =>
  (await savePage(site, team.editor, { title, slug: '', parentId: null, position: 0, summary: '', bodySource: `${title}の本文です。` })).id;
const labels = async (pageId: number) => (await listItemAttachments(site.db, { kind: 'page', id: pageId })).map((a) => a.label);

test('attaches, relabels, orders and detaches files on a page, audited against the page', async () => {
  const pageId = await newPage();
  const [a, b, c] = [await pdf('a.pdf'), await pdf('b.pdf'), await pdf('c.pdf')];
  await attachMediaToReport(site, { pageId, mediaId: a.id, label: '案内図', user: user() });
  await attachMediaToReport(site, { pageId, mediaId: b.id, label: '時刻表', summary: '平日の時刻', user: user() });
  await attachMediaToReport(site, { pageId, mediaId: c.id, label: '名簿', position: 0, user: user() });
  assert.deepEqual(await labels(pageId), ['名簿', '案内図', '時刻表']);
  await reorderAttachments(site, { pageId, mediaIds: [b.id, c.id, a.id], user: user() });
  assert.deepEqual(await labels(pageId), ['時刻表', '名簿', '案内図']);
  await attachMediaToReport(site, { pageId, mediaId: a.id, label: '地図', position: 2, user: user() });
  await detachMedia(site, { pageId, mediaId: c.id, user: user() });
  assert.deepEqual(await labels(pageId), ['時刻表', '地図']);
  const targets = (await listAudit(site.db, { limit: 10 })).filter((e) => e.action.startsWith('media.') && e.action !== 'media.upload').map((e) => e.target);
  assert.ok(targets.length >= 5 && targets.every((t) => t === `page:${pageId}`), targets.join());
});

test('a page and a report with the same id keep separate lists', async () => {
  const pageId = await newPage();
  const report = await publishReport(site, { title: '同じ番号の報告' });
  assert.equal(report.id, pageId);
  const file = await pdf('共有.pdf');
  await attachMediaToReport(site, { pageId, mediaId: file.id, label: 'ページの資料', user: user() });
  await attachMediaToReport(site, { reportId: report.id, mediaId: file.id, label: '報告の資料', user: user() });
  await detachMedia(site, { reportId: report.id, mediaId: file.id, user: user() });
  assert.deepEqual(await labels(pageId), ['ページの資料']);
  assert.deepEqual(await listAttachments(site.db, report.id), []);
});

test('refuses an unknown page, a bad label and a stale order, writing nothing', async () => {
  const pageId = await newPage();
  const file = await pdf('x.pdf');
  await assert.rejects(attachMediaToReport(site, { pageId: 9999, mediaId: file.id, label: '資料', user: user() }), PageNotFoundError);
  await assert.rejects(attachMediaToReport(site, { pageId, mediaId: file.id, label: ' ', user: user() }), ValidationError);
  await attachMediaToReport(site, { pageId, mediaId: file.id, label: '資料', user: user() });
  await assert.rejects(reorderAttachments(site, { pageId, mediaIds: [], user: user() }), ValidationError);
  assert.deepEqual(await labels(pageId), ['資料']);
});

test('a file attached to a published page is public and its PDF text finds the page; detached, neither', async () => {
  const pageId = await newPage('アクセス');
  const file = await pdf('路線図.pdf', '新幹線の時刻表と乗換案内');
  await attachMediaToReport(site, { pageId, mediaId: file.id, label: '路線図', user: user() });
  assert.equal(await isMediaPublic(site.db, file.sha256), false, 'a draft page does not publish its files');
  await transitionPage(site, team.editor, 'publish', { pageId });
  assert.equal(await isMediaPublic(site.db, file.sha256), true);
  const hits = async () => (await findPageHits(site.db, parseSearchQuery('乗換案内')!, { offset: 0, limit: 10 })).ids;
  assert.deepEqual(await hits(), [pageId]);
  await detachMedia(site, { pageId, mediaId: file.id, user: user() });
  assert.equal(await isMediaPublic(site.db, file.sha256), false);
  assert.deepEqual(await hits(), []);
});

test('refuses to delete a file a page lists under its attachments, naming the page', async () => {
  const pageId = await newPage('政策資料');
  const file = await pdf('政策.pdf');
  await attachMediaToReport(site, { pageId, mediaId: file.id, label: '政策集', user: TEST_USER });
  await assert.rejects(deleteMedia(site, { mediaId: file.id, user: user() }), (e) => {
    assert.ok(e instanceof MediaInUseError);
    assert.deepEqual(
      e.reports.map((r) => [r.kind, r.id, r.title]),
      [['page', pageId, '政策資料']],
    );
    return true;
  });
  const listed = (await listMedia(site)).items.find((i) => i.id === file.id);
  assert.deepEqual(
    listed?.usedBy.map((u) => u.kind),
    ['page'],
  );
});

test('a PDF stored before its text was read finds the published page that attaches it once reindex reads it', async () => {
  const pageId = await newPage('エネルギー政策');
  await transitionPage(site, team.editor, 'publish', { pageId });
  const file = await pdf('old.pdf', '洋上風力発電の導入目標');
  await attachMediaToReport(site, { pageId, mediaId: file.id, label: '旧資料', user: user() });
  // As a file stored before migration 0009: no text, never read; and an index without it.
  await site.db.updateTable('media').set({ text: null, text_status: null }).where('id', '=', file.id).execute();
  await site.db.transaction().execute((trx) => refreshPageIndex(trx, pageId));
  const hits = async () => (await findPageHits(site.db, parseSearchQuery('洋上風力')!, { offset: 0, limit: 10 })).ids;
  assert.deepEqual(await hits(), []);
  assert.equal(await readStoredPdfTexts(site), 1);
  assert.deepEqual(await hits(), [pageId]);
});
