// Migration 0015: reports and pages rendered before render versions existed count as version 1,
// so the first start after it renders them again (actions/rerender.ts).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Migration } from 'kysely';
import { countStale } from '../../src/store/render-versions.js';
import { openDatabase } from '../../src/store/database.js';
import { MIGRATIONS } from '../../src/store/migrate.js';

const BEFORE_0015: Record<string, Migration> = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '0015'));

test('marks every existing report and page as rendered by version 1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'katsudo-migrate-0015-'));
  try {
    const file = join(dir, 'katsudo.db');
    const sqlite = new SqliteDatabase(file);
    const old = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
    assert.equal((await new Migrator({ db: old, provider: { getMigrations: async () => BEFORE_0015 } }).migrateToLatest()).error, undefined);
    const stamp = '2020-01-01T00:00:00Z';
    sqlite
      .prepare(`insert into reports (slug, title, activity_date, status, body_source, body_html, body_text, created_at, updated_at) values ('a', '報告', '2020-01-01', 'draft', '', '', '', ?, ?)`)
      .run(stamp, stamp);
    sqlite
      .prepare(`insert into pages (slug, title, position, status, body_source, body_html, body_text, outline_json, summary, version, created_at, updated_at) values ('p', 'ページ', 0, 'draft', '', '', '', '[]', '', 1, ?, ?)`)
      .run(stamp, stamp);
    await old.destroy();

    const db = await openDatabase({ file });
    try {
      assert.deepEqual(await db.selectFrom('reports').select('render_version').execute(), [{ render_version: 1 }]);
      assert.deepEqual(await db.selectFrom('pages').select('render_version').execute(), [{ render_version: 1 }]);
      assert.deepEqual([await countStale(db, 'report'), await countStale(db, 'page')], [1, 1]);
    } finally {
      await db.destroy();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
