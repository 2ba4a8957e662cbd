// The store, actions and web suites that scripts/run-tests.mjs does NOT run a second time on
// PostgreSQL, each with the reason (issue 15 item 7). Everything else under test/store/,
// test/actions/ and test/web/ runs on both databases in `npm test`. A suite leaves this list
// once it passes on PostgreSQL; a new SQLite-only suite joins it with its reason.
const sqliteOnly = (reason) => (file) => ({ file, reason: `SQLite only: ${reason}` });
const noDatabaseChoice = (file) => ({ file, reason: 'opens no test site (createTestSite): the second pass would run the same thing again' });
const aboutPostgres = (file) => ({ file, reason: 'about PostgreSQL itself: runs on PostgreSQL in the first pass already' });

export const POSTGRES_EXCLUDED = [
  ...[
    'test/actions/backup/backup.test.ts',
    'test/actions/backup/backup-while-saving.test.ts',
    'test/actions/backup/scheduled-backup.test.ts',
    'test/web/admin-dashboard-backup.test.ts',
  ].map(sqliteOnly('katsudo backup and restore copy the SQLite file and its WAL (a PostgreSQL site is backed up with pg_dump, docs/postgresql.md)')),
  sqliteOnly("FTS5's own commands in the tests (automerge, the index's config table) and a failing trigger written in SQLite's syntax")('test/actions/rerender.test.ts'),
  sqliteOnly("SQLite's own SQLITE_FULL, injected into the file's writes (PostgreSQL's full disk is the server's)")('test/web/disk-full.test.ts'),
  sqliteOnly("query plans (EXPLAIN QUERY PLAN: the build state's reads through an index alone)")('test/store/build-state.test.ts'),
  sqliteOnly("better-sqlite3's page cache size of the main and the read-only connections")('test/store/sqlite-cache-size.test.ts'),
  ...[
    'test/store/body-media-migration.test.ts',
    'test/store/media-files-full.test.ts',
    'test/store/migration-0009.test.ts',
    'test/store/migration-0014.test.ts',
    'test/store/migration-0015.test.ts',
    'test/store/migration-0023.test.ts',
    'test/store/migrations.test.ts',
    'test/store/statement-cache.test.ts',
    'test/store/coalesced-read.test.ts',
    'test/actions/demo-content.test.ts',
    'test/actions/native-modules.test.ts',
    'test/actions/workers/inspect-pdf.test.ts',
    'test/web/page-cache.test.ts',
  ].map(noDatabaseChoice),
  ...[
    'test/store/postgres-open.test.ts',
    'test/store/postgres-schema.test.ts',
    'test/store/postgres-store.test.ts',
    'test/actions/concurrent-writers.test.ts',
    'test/actions/search-backends.test.ts',
    'test/web/postgres-page-cache.test.ts',
  ].map(aboutPostgres),
];
