// Render versions (issue 11): items whose stored rendering came from an older renderer are
// rendered again with their search entries, in transactions; current items are not touched;
// a file stored after the text that names it re-renders that text.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { transitionPage } from '../../src/actions/pages/page-transition.js';
import { applyRerendered, renderStoredBodies } from '../../src/actions/render/render-stored-bodies.js';
import { rerenderStale } from '../../src/actions/render/rerender.js';
import { savePage } from '../../src/actions/pages/save-page.js';
import { saveReport } from '../../src/actions/reports/save-report.js';
import { searchReports } from '../../src/actions/search/search-reports.js';
import { storeMedia } from '../../src/actions/media/store-media.js';
import { uploadMedia } from '../../src/actions/media/upload-media.js';
import { searchDocument } from '../../src/domain/search/document.js';
import { parseSearchQuery } from '../../src/domain/search/query.js';
import { render } from '../../src/domain/text-format/render.js';
import { RENDER_VERSION } from '../../src/domain/text-format/render-version.js';
import { isMediaPublic } from '../../src/store/media.js';
import { indexPage, findPageHits } from '../../src/store/page-search.js';
import { indexReport } from '../../src/store/search.js';
import { readAutomerge, setAutomerge as setSearchAutomerge } from '../../src/store/search-merge.js';
import { getContentVersion } from '../../src/store/site-state.js';
import { addTeam, type Team } from '../support/authors.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { publishReport } from '../support/factories.js';
import { makePdf } from '../support/media-fixtures.js';

let site: TestSite;
let team: Team;

before(async () => {
  site = await createTestSite();
  team = await addTeam(site);
});
after(() => site.cleanup());

const OLD_WORD = '旧描画';

/** The item as an older renderer left it: other HTML, text and search entry, version 1. */
async function makeStale(kind: 'report' | 'page', id: number, title: string): Promise<void> {
  await site.db.transaction().execute(async (trx) => {
    await trx
      .updateTable(kind === 'report' ? 'reports' : 'pages')
      .set({ body_html: `<p>${OLD_WORD}</p>`, body_text: `${OLD_WORD}の本文`, outline_json: '[]', render_version: 1 })
      .where('id', '=', id)
      .execute();
    const doc = searchDocument(title, `${OLD_WORD}の本文`);
    await (kind === 'report' ? indexReport(trx, id, doc) : indexPage(trx, id, doc));
  });
}

async function row(kind: 'report' | 'page', id: number) {
  return site.db
    .selectFrom(kind === 'report' ? 'reports' : 'pages')
    .select(['body_html', 'body_text', 'outline_json', 'render_version', 'version', 'updated_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

const reportHits = async (q: string) => (await searchReports(site.db, { q, filter: {}, page: 1, perPage: 50 })).items.map((i) => i.report.id);
const pageHits = async (q: string) => (await findPageHits(site.db, parseSearchQuery(q)!, { offset: 0, limit: 50 })).ids;

/** Renders what earlier tests left stale, so each test counts only its own items. */
async function settleEarlierItems(): Promise<void> {
  await rerenderStale(site);
}

test('renders again a published report stored at version 1: HTML, text, outline and search entry together', async () => {
  await settleEarlierItems();
  const bodySource = '1 概要\n\n(1)港湾整備の陳情を受けた。';
  const report = await publishReport(site, { title: '港湾の報告', bodySource });
  await makeStale('report', report.id, '港湾の報告');
  assert.deepEqual(await reportHits(OLD_WORD), [report.id]);
  const versionBefore = await getContentVersion(site.db);

  const result = await rerenderStale(site);

  assert.equal(result.rerendered, 1);
  assert.equal(result.reports, 1);
  const after = await row('report', report.id);
  const expected = render(bodySource);
  assert.equal(after.body_html, expected.html);
  assert.equal(after.body_text, expected.text);
  assert.deepEqual(JSON.parse(after.outline_json), expected.outline);
  assert.equal(after.render_version, RENDER_VERSION);
  assert.deepEqual(await reportHits(OLD_WORD), []);
  assert.deepEqual(await reportHits('陳情'), [report.id]);
  // Page caches of every process compare this version: the report's page is rendered anew.
  assert.ok((await getContentVersion(site.db)) > versionBefore);
});

test('leaves current items alone: only the stale ones are counted and written, edits keep their version', async () => {
  await settleEarlierItems();
  const current = await publishReport(site, { title: '最新の報告' });
  const stale = await publishReport(site, { title: '古い報告' });
  await makeStale('report', stale.id, '古い報告');
  const currentBefore = await row('report', current.id);
  const staleBefore = await row('report', stale.id);

  const first = await rerenderStale(site);
  assert.deepEqual([first.total, first.rerendered, first.failed], [1, 1, 0]);
  assert.deepEqual(await row('report', current.id), currentBefore);
  const staleAfter = await row('report', stale.id);
  // Re-rendering is not an edit: an editor open on the report can still save it.
  assert.deepEqual([staleAfter.version, staleAfter.updated_at], [staleBefore.version, staleBefore.updated_at]);

  const versionBefore = await getContentVersion(site.db);
  const second = await rerenderStale(site);
  assert.deepEqual([second.total, second.rerendered], [0, 0]);
  assert.equal(await getContentVersion(site.db), versionBefore);
});

test('keeps the search entry of an item whose new rendering changes markup only', async () => {
  await settleEarlierItems();
  const report = await publishReport(site, { title: '表記だけ', bodySource: '1 概要\n\n(1)堤防の点検に立ち会った。' });
  await site.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('reports')
      .set({ body_html: `<p>${OLD_WORD}</p>`, render_version: 1 })
      .where('id', '=', report.id)
      .execute();
    // An entry that the text would not give: rewritten, it would be gone.
    await indexReport(trx, report.id, searchDocument('表記だけ', '目印語'));
  });

  const result = await rerenderStale(site);

  assert.equal(result.rerendered, 1);
  assert.equal((await row('report', report.id)).body_html, render('1 概要\n\n(1)堤防の点検に立ち会った。').html);
  assert.deepEqual(await reportHits('目印語'), [report.id]);
});

test('works through many batches, reporting progress after each, and stops between batches when asked', async () => {
  await settleEarlierItems();
  const reports = [];
  for (let i = 0; i < 5; i++) reports.push(await publishReport(site, { title: `一括${i}` }));
  for (const r of reports) await makeStale('report', r.id, 'x');
  const stop = new AbortController();
  const stopped = await rerenderStale(site, { batchSize: 2, signal: stop.signal, onProgress: () => stop.abort() });
  assert.deepEqual([stopped.done, stopped.rerendered, stopped.total], [2, 2, 5]);
  // A stop gives the FTS5 merge setting back too (store/search-merge.ts).
  assert.deepEqual([await readAutomerge(site.db, 'report_search'), await readAutomerge(site.db, 'page_search')], [4, 4]);

  const progress: number[] = [];
  const rest = await rerenderStale(site, { batchSize: 2, onProgress: (p) => progress.push(p.done) });
  assert.deepEqual(progress, [2, 3]);
  assert.equal(rest.rerendered, 3);
  for (const r of reports) assert.equal((await row('report', r.id)).render_version, RENDER_VERSION);
});

test('renders fixed pages too, with their search entries', async () => {
  await settleEarlierItems();
  const saved = await savePage(site, team.editor, {
    title: '政策',
    slug: 'policy-rerender',
    parentId: null,
    position: 0,
    summary: '',
    bodySource: '1 防災\n\n(1)避難所を増やす。',
  });
  await transitionPage(site, team.editor, 'publish', { pageId: saved.id });
  await makeStale('page', saved.id, '政策');

  const result = await rerenderStale(site);

  assert.deepEqual([result.pages, result.reports], [1, 0]);
  const after = await row('page', saved.id);
  assert.equal(after.body_html, render('1 防災\n\n(1)避難所を増やす。').html);
  assert.equal(after.render_version, RENDER_VERSION);
  assert.deepEqual(await pageHits(OLD_WORD), []);
  assert.deepEqual(await pageHits('避難所'), [saved.id]);
});

test('a failure in the middle of a batch leaves the failing item whole and writes the others', async () => {
  await settleEarlierItems();
  const first = await publishReport(site, { title: '一件目' });
  const failing = await publishReport(site, { title: '失敗する報告', bodySource: '1 資料\n\n[資料](media:boom.pdf)を配った。' });
  const third = await publishReport(site, { title: '三件目' });
  for (const r of [first, failing, third]) await makeStale('report', r.id, 'x');
  const failingBefore = await row('report', failing.id);
  // The refs are written after the body row in the same transaction: failing there proves
  // the body write is rolled back with it.
  await sql`create trigger refuse_boom before insert on report_media_refs when new.ref = 'boom.pdf'
    begin select raise(abort, 'refused by the test'); end`.execute(site.db);
  const errors: number[] = [];
  try {
    const result = await rerenderStale(site, { onError: (_error, item) => errors.push(item.id) });
    assert.deepEqual([result.rerendered, result.failed], [2, 1]);
  } finally {
    await sql`drop trigger refuse_boom`.execute(site.db);
  }
  assert.deepEqual(errors, [failing.id]);
  assert.deepEqual(await row('report', failing.id), failingBefore);
  assert.ok((await reportHits(OLD_WORD)).includes(failing.id), 'the old search entry stays with the old body');
  for (const r of [first, third]) assert.equal((await row('report', r.id)).render_version, RENDER_VERSION);

  // Still stale: the next run renders it.
  const retry = await rerenderStale(site);
  assert.deepEqual([retry.total, retry.rerendered], [1, 1]);
  assert.equal((await row('report', failing.id)).render_version, RENDER_VERSION);
});

test('a save between reading and writing wins over the re-rendering', async () => {
  await settleEarlierItems();
  const saved = await saveReport(site, team.editor, {
    title: '編集中の報告',
    activityDate: '2024-06-01',
    categoryId: null,
    tags: [],
    slug: '',
    summary: '',
    bodySource: '最初の本文。',
  });
  await makeStale('report', saved.id, '編集中の報告');
  const [read] = await renderStoredBodies(site.db, { kind: 'report', ids: [saved.id] });
  await saveReport(site, team.editor, {
    reportId: saved.id,
    expectedVersion: saved.version,
    title: '編集中の報告',
    activityDate: '2024-06-01',
    categoryId: null,
    tags: [],
    slug: saved.slug,
    summary: '',
    bodySource: '保存された本文。',
  });

  const isWritten = await site.db.transaction().execute((trx) => applyRerendered(trx, 'report', read!));

  assert.equal(isWritten, false);
  const after = await row('report', saved.id);
  assert.equal(after.body_html, render('保存された本文。').html);
  assert.equal(after.render_version, RENDER_VERSION);
});

test('uploading a file re-renders the reports and pages that named it before it existed', async () => {
  await settleEarlierItems();
  const report = await publishReport(site, { title: '資料のある報告', bodySource: '1 資料\n\n当日の[配布資料](media:later.pdf)を掲載する。' });
  const page = await savePage(site, team.editor, {
    title: '資料集',
    slug: 'papers-rerender',
    parentId: null,
    position: 0,
    summary: '',
    bodySource: '[配布資料](media:later.pdf)',
  });
  const other = await publishReport(site, { title: '関係ない報告' });
  const otherBefore = await row('report', other.id);
  assert.doesNotMatch((await row('report', report.id)).body_html, /later\.pdf/);

  const media = await uploadMedia(site, { bytes: await makePdf(2), fileName: 'later.pdf', altText: '', user: team.editor });

  const reportHtml = (await row('report', report.id)).body_html;
  assert.match(reportHtml, new RegExp(`/media/${media.sha256}/later\\.pdf`));
  assert.match(reportHtml, /PDF形式/);
  assert.match((await row('page', page.id)).body_html, new RegExp(`/media/${media.sha256}/later\\.pdf`));
  assert.deepEqual(await row('report', other.id), otherBefore);
  // The link in a published report makes the file public, as if the report had been saved now.
  assert.equal(await isMediaPublic(site.db, media.sha256), true);
});

test('an upload finds a body whose media: link the renderer reads through a control character', async () => {
  await settleEarlierItems();
  const report = await publishReport(site, { title: '制御文字', bodySource: '[資料](med\u0001ia:control-char.pdf)を配った。' });

  const media = await uploadMedia(site, { bytes: await makePdf(1), fileName: 'control-char.pdf', altText: '', user: team.editor });

  assert.match((await row('report', report.id)).body_html, new RegExp(`/media/${media.sha256}/control-char\\.pdf`));
});

test('a file stored by an import re-renders the report that names it by file name', async () => {
  await settleEarlierItems();
  const report = await publishReport(site, { title: '取り込み資料', bodySource: '[議事録](media:minutes-import.pdf)を参照。' });

  const media = await storeMedia(site, { bytes: await makePdf(1), fileName: 'minutes-import.pdf', mime: 'application/pdf' });

  assert.match((await row('report', report.id)).body_html, new RegExp(`/media/${media.sha256}/minutes-import\\.pdf`));
});

// The search indexes are merged in bounded steps during a run (store/search-merge.ts): automerge
// is off meanwhile and always given back, and what was written is found.
const setAutomerge = (table: 'report_search' | 'page_search', value: number) => setSearchAutomerge(site.db, table, value);
const automergeNow = async () => [await readAutomerge(site.db, 'report_search'), await readAutomerge(site.db, 'page_search')];

test('turns FTS5 automerge off while it runs, merges the index itself, gives the setting back, and search finds every new text', async () => {
  await settleEarlierItems();
  await setAutomerge('report_search', 7);
  await setAutomerge('page_search', 3);
  const reports: number[] = [];
  for (let i = 0; i < 40; i++) {
    const report = await publishReport(site, { title: `併合${i}`, bodySource: `1 概要\n\n(1)防潮扉${i}号の開閉訓練に参加した。` });
    await makeStale('report', report.id, `併合${i}`);
    reports.push(report.id);
  }
  const during: number[][] = [];

  // Batches of 2: 20 commits, so levels fill and the steps between batches have merging to do.
  const result = await rerenderStale(site, { batchSize: 2, onProgress: async () => void during.push(await automergeNow()) });

  assert.equal(result.rerendered, 40);
  assert.ok(during.length > 0);
  for (const seen of during) assert.deepEqual(seen, [0, 0]);
  assert.deepEqual(await automergeNow(), [7, 3]);
  assert.deepEqual(
    (await reportHits(OLD_WORD)).filter((id) => reports.includes(id)),
    [],
  );
  assert.deepEqual(
    (await reportHits('開閉訓練')).sort((a, b) => a - b),
    reports,
  );
  assert.deepEqual(await reportHits('防潮扉17号'), [reports[17]]);
  const integrity = sql`insert into report_search (report_search, rank) values ('integrity-check', 1)`;
  await integrity.execute(site.db);
  await setAutomerge('report_search', 4);
  await setAutomerge('page_search', 4);
});

test('gives the automerge setting back after a run that fails, and restores the default over a 0 left by a killed run', async () => {
  await settleEarlierItems();
  await setAutomerge('report_search', 5);
  // As if a run had been killed between pausing and restoring.
  await setAutomerge('page_search', 0);
  const report = await publishReport(site, { title: '失敗する再描画' });
  await makeStale('report', report.id, '失敗する再描画');

  await assert.rejects(
    rerenderStale(site, {
      onProgress: () => {
        throw new Error('progress sink broke');
      },
    }),
    /progress sink broke/,
  );

  assert.deepEqual(await automergeNow(), [5, 4]);
  await setAutomerge('report_search', 4);
});
