// Migration 0034 (words stand as words only one after another): a site indexed under the old
// rule, whose words column has no gap marks, gets the marked words after the upgrade, so
// 外交政策 no longer stands as words in 「外交、政策」; reports and pages stay searchable, drafts
// stay out. On PostgreSQL too, where bm25's statistics count the rows written again. (The loop
// is 0023's: test/store/migration-0023.test.ts checks the attachment texts.)
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { test } from 'node:test';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { searchDocument } from '../../src/domain/search/document.js';
import { WORD_GAP_MARK } from '../../src/domain/search/words.js';
import { openDatabase } from '../../src/store/database.js';
import { insertSearchEntries } from '../../src/store/dialects/search-table.js';
import { MIGRATIONS, migrateToLatest } from '../../src/store/migrate.js';
import { databaseBefore } from '../support/database-before.js';
import { createTestPostgresDatabase, skipUnlessPostgres } from '../support/postgres.js';

const ids = (rows: { id: number }[]) => rows.map((r) => r.id);
const AT = '2020-01-01T00:00:00Z';
const REPORT_COLUMNS = 'slug, title, activity_date, published_at, status, body_source, body_html, body_text, created_at, updated_at';
const REPORT_VALUES = `'2020-01-01', '${AT}', ?, '', '', ?, '${AT}', '${AT}'`;
const PAGE = `insert into pages (slug, title, status, body_source, body_html, body_text, created_at, updated_at) values ('p', '外交と政策', 'published', '', '', '外交、政策の案内。', '${AT}', '${AT}')`;

test('indexes every published report and page again with the gap marks, drafts out', async () => {
  const old = await databaseBefore('0034');
  const { dir, file, sqlite } = old;
  try {
    const report = sqlite.prepare(`insert into reports (${REPORT_COLUMNS}) values (?, ?, ${REPORT_VALUES})`);
    report.run('a', '委員会の報告', 'published', '外交、政策の順に議論した。');
    report.run('b', '委員会の下書き', 'draft', '外交、政策の下書き。');
    sqlite.prepare(PAGE).run();
    // What the old rule wrote: the words in a row, nothing marking the comma between 外交 and 政策.
    sqlite
      .prepare(
        `insert into report_search (rowid, title, body, words, attachments) values (1, '委員 員会 会の の報 報告 告', '', '委員 会 の 報告 外交 政策 の 順 に 議論 した', '')`,
      )
      .run();
    sqlite
      .prepare(`insert into page_search (rowid, title, body, words, attachments) values (1, '外交 交と と政 政策 策', '', '外交 と 政策 外交 政策 の 案内', '')`)
      .run();
    const asWords = `words : "外交 政策" OR words : "外交 政策${WORD_GAP_MARK}"`;
    const before = sqlite.prepare(`select rowid as id from report_search where report_search match ?`).all(asWords) as { id: number }[];
    assert.deepEqual(ids(before), [1], 'the old words hold 外交 政策 in a row');
    await old.close();

    const db = await openDatabase({ file });
    try {
      for (const table of ['report_search', 'page_search']) {
        const after = await sql<{ id: number }>`select rowid as id from ${sql.table(table)} where ${sql.table(table)} match ${asWords}`.execute(db);
        assert.deepEqual(ids(after.rows), [], `${table}: 外交 is marked before the comma`);
        const alone = await sql<{ id: number }>`select rowid as id from ${sql.table(table)} where ${sql.table(table)} match ${`words : "外交${WORD_GAP_MARK}"`}`.execute(
          db,
        );
        assert.deepEqual(ids(alone.rows), [1], `${table}: 外交 still stands as a word`);
      }
      const all = await sql<{ n: number }>`select count(*) as n from report_search where report_search match '"政策"'`.execute(db);
      assert.equal(all.rows[0]!.n, 1, 'the draft stays out');
    } finally {
      await db.destroy();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('indexes a PostgreSQL database again with the gap marks, bm25 counting the rows written', { skip: skipUnlessPostgres() }, async () => {
  const database = await createTestPostgresDatabase();
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 1 }) }) });
  try {
    const before = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '0034'));
    const { error } = await new Migrator({ db, provider: { getMigrations: async () => before } }).migrateToLatest();
    if (error) throw error;
    const report = (slug: string, status: string, text: string) =>
      sql`insert into reports (${sql.raw(REPORT_COLUMNS)}) values (${slug}, '委員会の報告', '2020-01-01', ${AT}, ${status}, '', '', ${text}, ${AT}, ${AT})`.execute(db);
    await report('a', 'published', '外交、政策の順に議論した。');
    await report('b', 'draft', '外交、政策の下書き。');
    await report('c', 'published', '外交政策を議論した。');
    await sql.raw(PAGE).execute(db);
    // The old words, with made-up sizes: the migration must count what it writes, not these.
    await insertSearchEntries(db, 'report_search', [
      { id: 1, title: '', body: '', words: '外交 政策 の', attachments: '' },
      { id: 3, title: '', body: '', words: '外交 政策 を', attachments: '' },
    ]);
    await insertSearchEntries(db, 'page_search', [{ id: 1, title: '', body: '', words: '外交 政策', attachments: '' }]);
    await migrateToLatest(db);

    const rows = await sql<{ rowid: number; words: string; size: number }>`select rowid, words, size from report_search order by rowid`.execute(db);
    assert.deepEqual(
      rows.rows.map((r) => [r.rowid, r.words]),
      [
        [1, searchDocument('委員会の報告', '外交、政策の順に議論した。').words],
        [3, searchDocument('委員会の報告', '外交政策を議論した。').words],
      ],
    );
    assert.ok(rows.rows[0]!.words.includes(`外交${WORD_GAP_MARK} 政策`));
    const stats = await sql<{ row_count: string; token_count: string }>`select row_count, token_count from report_search_stats`.execute(db);
    assert.deepEqual(stats.rows[0], { row_count: '2', token_count: String(rows.rows.reduce((sum, r) => sum + r.size, 0)) });
    const page = await sql<{ words: string }>`select words from page_search`.execute(db);
    assert.deepEqual(
      page.rows.map((r) => r.words),
      [searchDocument('外交と政策', '外交、政策の案内。').words],
    );
  } finally {
    await db.destroy();
    await database.drop();
  }
});
