// Migration 0009 (PDF text): media records gain text columns, and the search index is
// created again with an attachments column and an index of one-character prefixes, holding
// every published report as before.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql, type Migration } from 'kysely';
import { openDatabase } from '../../src/store/database.js';
import { migration0001 } from '../../src/store/migrations/0001-initial.js';
import { migration0002 } from '../../src/store/migrations/0002-search.js';
import { migration0003 } from '../../src/store/migrations/0003-authoring.js';
import { migration0004 } from '../../src/store/migrations/0004-accounts.js';
import { migration0006 } from '../../src/store/migrations/0006-media.js';
import { migration0007 } from '../../src/store/migrations/0007-imports.js';

const BEFORE_0009: Record<string, Migration> = {
  '0001-initial': migration0001,
  '0002-search': migration0002,
  '0003-authoring': migration0003,
  '0004-accounts': migration0004,
  '0006-media': migration0006,
  '0007-imports': migration0007,
};

test('keeps every published report searchable, one-character terms through a prefix index, drafts out, and leaves old PDFs to be read by reindex', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'katsudo-migrate-0009-'));
  try {
    const file = join(dir, 'katsudo.db');
    const sqlite = new SqliteDatabase(file);
    const old = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
    assert.equal((await new Migrator({ db: old, provider: { getMigrations: async () => BEFORE_0009 } }).migrateToLatest()).error, undefined);
    const insert = sqlite.prepare(
      `insert into reports (slug, title, activity_date, published_at, status, body_source, body_html, body_text, created_at, updated_at)
       values (?, ?, '2020-01-01', '2020-01-01T00:00:00Z', ?, '', '', ?, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')`,
    );
    insert.run('a', '港湾の視察', 'published', '港湾施設を視察した。');
    insert.run('b', '港湾の下書き', 'draft', '港湾の下書きである。');
    sqlite
      .prepare(`insert into media (sha256, original_name, mime, bytes, created_at) values (?, 'old.pdf', 'application/pdf', 10, '2020-01-01T00:00:00Z')`)
      .run('a'.repeat(64));
    await old.destroy();

    const db = await openDatabase({ file });
    try {
      const hits = await sql<{ id: number }>`select rowid as id from report_search where report_search match '{title body attachments} : "港湾"'`.execute(db);
      assert.deepEqual(
        hits.rows.map((r) => r.id),
        [1],
      );
      // A one-character term is a prefix query: the table keeps an index of one-character prefixes for it.
      const table = await sql<{ sql: string }>`select sql from sqlite_master where name = 'report_search'`.execute(db);
      assert.match(table.rows[0]!.sql, /prefix = '1'/);
      const one = await sql<{ id: number }>`select rowid as id from report_search where report_search match '{title body attachments} : "湾" *'`.execute(db);
      assert.deepEqual(
        one.rows.map((r) => r.id),
        [1],
      );
      const media = await db.selectFrom('media').select(['text', 'text_status']).execute();
      assert.deepEqual(media, [{ text: null, text_status: null }]);
    } finally {
      await db.destroy();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
