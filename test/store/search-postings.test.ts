// The postings of PostgreSQL's search tables (migration 0033's blocks, dialects/search-blocks.ts) stay
// exact through every writer of the index: publishing, saving, attaching and detaching a PDF,
// trashing, an import's deferred indexing, a direct update of a row, and katsudo reindex. After
// each step the postings must equal those computed here from the rows' token columns, and the
// queries rank as they do over postings written afresh.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { attachMediaToReport } from '../../src/actions/items/attach-media.js';
import { detachMedia } from '../../src/actions/items/detach-media.js';
import type { MediaActor } from '../../src/actions/media/media-actor.js';
import { uploadMedia } from '../../src/actions/media/upload-media.js';
import { saveReport } from '../../src/actions/reports/save-report.js';
import { trashReport } from '../../src/actions/reports/trash-report.js';
import { reindexSearch } from '../../src/actions/search/reindex.js';
import { searchDocument } from '../../src/domain/search/document.js';
import { parseSearchQuery } from '../../src/domain/search/query.js';
import { writeSearchBlocks } from '../../src/store/dialects/search-blocks.js';
import { getEditableReport } from '../../src/store/reports.js';
import { MIGRATIONS, migrateToLatest } from '../../src/store/migrate.js';
import { insertSearchEntries } from '../../src/store/dialects/search-table.js';
import { deferIndexing, findSearchHits, indexReport, writeDeferredIndex } from '../../src/store/search.js';
import { addTeam, type Team } from '../support/authors.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { publishReport } from '../support/factories.js';
import { createTestPostgresDatabase, skipUnlessPostgres } from '../support/postgres.js';
import { makeTextPdf } from '../support/text-pdf.js';

const skip = skipUnlessPostgres();
let site: TestSite;
let team: Team;
let user: MediaActor;

before(async () => {
  if (skip) return;
  site = await createTestSite({ backend: 'postgres' });
  team = await addTeam(site);
  user = { userId: team.editor.userId, login: team.editor.login };
});
after(async () => {
  await site?.cleanup();
});

const COLUMNS = ['title', 'body', 'words', 'attachments'] as const;
const STRIDE = 2 ** 29;

interface Posting {
  token: string;
  rowid: number;
  counts: number[];
  positions: number[];
}

/** The postings of the table's rows, computed here from their token columns. */
async function expectedPostings(table: 'report_search' | 'page_search', db: Kysely<any> = site.db): Promise<Posting[]> {
  const rows = await sql<Record<(typeof COLUMNS)[number], string> & { rowid: number }>`select rowid, title, body, words, attachments from ${sql.table(table)}`.execute(
    db,
  );
  const out = new Map<string, Posting>();
  for (const row of rows.rows) {
    COLUMNS.forEach((column, c) => {
      row[column]
        .split(' ')
        .filter((t) => t !== '')
        .forEach((token, offset) => {
          const key = `${token}\u0000${row.rowid}`;
          const posting = out.get(key) ?? { token, rowid: row.rowid, counts: [0, 0, 0, 0], positions: [] };
          posting.counts[c]!++;
          posting.positions.push(c * STRIDE + offset);
          out.set(key, posting);
        });
    });
  }
  return [...out.values()].sort(byKey);
}

function byKey(a: Posting, b: Posting): number {
  return a.token < b.token ? -1 : a.token > b.token ? 1 : a.rowid - b.rowid;
}

/** The postings read back from the table's blocks (search-blocks.ts): each entry is rowid × 2^32 + position. */
async function storedPostings(table: 'report_search' | 'page_search', db: Kysely<any> = site.db): Promise<Posting[]> {
  const rows = await sql<{ token: string; block: number; entries: string[] }>`select token, block, entries from ${sql.table(`${table}_blocks`)}`.execute(db);
  const out = new Map<string, Posting>();
  for (const row of rows.rows) {
    for (const entry of row.entries.map(BigInt).sort((a, b) => (a < b ? -1 : 1))) {
      const rowid = Number(entry >> 32n);
      const position = Number(entry & 0xffffffffn);
      assert.equal(rowid >> 4, row.block, `${row.token}: row ${rowid} in block ${row.block}`);
      const key = `${row.token}\u0000${rowid}`;
      const posting = out.get(key) ?? { token: row.token, rowid, counts: [0, 0, 0, 0], positions: [] };
      posting.counts[Math.floor(position / STRIDE)]!++;
      posting.positions.push(position);
      out.set(key, posting);
    }
  }
  return [...out.values()].sort(byKey);
}

async function assertExact(step: string): Promise<void> {
  for (const table of ['report_search', 'page_search'] as const) {
    const expected = await expectedPostings(table);
    assert.deepEqual(await storedPostings(table), expected, `${table} after ${step}`);
  }
}

const QUERIES = ['防災', '防災訓練', '訓練 -港湾', '"港湾 施設"', '水素 OR 港湾', '訓', '港湾の'];

async function rankings(): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const q of QUERIES) out.push(await findSearchHits(site.db, parseSearchQuery(q)!, {}, { offset: 0, limit: 50 }));
  return out;
}

test('keeps the postings exact through saves, attachments, trashing, deferred indexing, updates and reindex', { skip }, async () => {
  const first = await publishReport(site, { title: '港湾施設の防災訓練', bodySource: '港湾で防災訓練を視察した。訓練は防災の基本。' });
  const second = await publishReport(site, { title: '水素の港湾', bodySource: '港湾 施設と水素。防災訓練訓練。' });
  const third = await publishReport(site, { title: '地域の防災', bodySource: '防災訓練の計画を聞いた。' });
  await assertExact('publishing');

  const report = await getEditableReport(site.db, first.id);
  await saveReport(site, team.editor, {
    reportId: report.id,
    expectedVersion: report.version,
    title: '書き直した防災訓練',
    activityDate: report.activityDate,
    categoryId: null,
    tags: [],
    slug: report.slug,
    summary: '',
    bodySource: '港湾の訓練。訓練訓練。',
  });
  await assertExact('a save');

  const media = await uploadMedia(site, { bytes: makeTextPdf(['防災訓練の記録\n港湾施設の水素設備']), fileName: 'kiroku.pdf', altText: '', user });
  await attachMediaToReport(site, { reportId: second.id, mediaId: media.id, label: '記録', user });
  await assertExact('attaching a PDF');
  assert.ok((await storedPostings('report_search')).some((p) => p.rowid === second.id && p.counts[3]! > 0));
  await detachMedia(site, { reportId: second.id, mediaId: media.id, user });
  await assertExact('detaching it');
  await attachMediaToReport(site, { reportId: third.id, mediaId: media.id, label: '記録', user });

  await trashReport(site, team.editor, { reportId: second.id });
  await assertExact('trashing');

  await site.db.transaction().execute(async (trx) => {
    deferIndexing(trx);
    await indexReport(trx, first.id, searchDocument('延期した索引', '防災と港湾の訓練'));
    await indexReport(trx, first.id, searchDocument('延期した索引', '防災と港湾の訓練、二度目'));
    await writeDeferredIndex(trx);
  });
  await assertExact('deferred indexing');

  await sql`update report_search set body = body || ' 防災 災訓 訓練' where rowid = ${third.id}`.execute(site.db);
  await sql`insert into page_search (rowid, title, body, words) values (90, '防災 災頁', '頁', '防災')`.execute(site.db);
  await sql`update page_search set title = '港湾' where rowid = 90`.execute(site.db);
  await assertExact('direct updates');
  await sql`delete from page_search where rowid = 90`.execute(site.db);

  await reindexSearch(site);
  await assertExact('reindex');
  await sql`update report_search set body = body || ' 防災 災訓 訓練' where rowid = ${third.id}`.execute(site.db);
  await assertExact('an update after reindex');

  // The ranking from the postings kept through all this equals the ranking from postings written afresh.
  const kept = await rankings();
  assert.ok(
    kept.some((r) => (r as { total: number }).total > 1),
    'some query ranks several reports',
  );
  await sql`delete from report_search_blocks`.execute(site.db);
  await writeSearchBlocks(site.db, 'report_search');
  assert.deepEqual(await rankings(), kept);
});

test('migration 0033 converts the postings of a database indexed under 0032 into blocks', { skip }, async () => {
  const database = await createTestPostgresDatabase();
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 1 }) }) });
  try {
    const before = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '0033'));
    const { error } = await new Migrator({ db, provider: { getMigrations: async () => before } }).migrateToLatest();
    if (error) throw error;
    // Rows in two blocks (ids 5 and 17..20), a token repeated across columns, and a page.
    await insertSearchEntries(db, 'report_search', [
      { id: 5, title: '港湾 湾施 施設', body: '港湾 防災 港湾', words: '港湾 施設', attachments: '' },
      ...[17, 18, 19, 20].map((id) => ({ id, title: '防災 災訓 訓練', body: `港湾 訓練 ${id}`, words: '防災 訓練', attachments: '記録 港湾' })),
    ]);
    await insertSearchEntries(db, 'page_search', [{ id: 3, title: '港湾', body: '防災 港湾', words: '港湾', attachments: '' }]);
    await migrateToLatest(db);
    for (const table of ['report_search', 'page_search'] as const) assert.deepEqual(await storedPostings(table, db), await expectedPostings(table, db), table);
    const left = await sql<{ name: string }>`select tablename as name from pg_tables where tablename like '%\\_postings'`.execute(db);
    assert.deepEqual(left.rows, []);
    // Written after the migration, through the new triggers.
    await sql`update report_search set body = '防災' where rowid = 18`.execute(db);
    await sql`delete from report_search where rowid = 19`.execute(db);
    assert.deepEqual(await storedPostings('report_search', db), await expectedPostings('report_search', db));
  } finally {
    await db.destroy();
    await database.drop();
  }
});
