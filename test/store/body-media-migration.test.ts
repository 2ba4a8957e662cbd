// Migration 0011 fills report_body_media from the bodies already stored, so files linked
// from reports written before it stay public after the upgrade.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { openDatabase } from '../../src/store/database.js';
import { MIGRATIONS } from '../../src/store/migrate.js';

test('records the files linked from bodies written before the migration', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'katsudo-0011-'));
  const file = join(dir, 'katsudo.db');
  const [a, b] = ['a'.repeat(64), 'b'.repeat(64)];
  try {
    // A database as it stood before 0011: only the migrations before it run.
    const before = new Kysely<any>({ dialect: new SqliteDialect({ database: new SqliteDatabase(file) }) });
    const earlier = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '0011'));
    assert.equal((await new Migrator({ db: before, provider: { getMigrations: async () => earlier } }).migrateToLatest()).error, undefined);
    const html = `<p><a href="/media/${a}/%E8%B3%87%E6%96%99.pdf">資料</a> <img src="/media/${b}/w640/x-640w.webp"> <a href="/media/${a}/again.pdf">再掲</a></p>`;
    await sql`insert into reports (slug, title, activity_date, published_at, status, body_source, body_html, body_text, created_at, updated_at)
      values ('old', '古い報告', '2020-01-01', '2020-01-01T00:00:00Z', 'published', '', ${html}, '', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')`.execute(before);
    await before.destroy();

    const after = await openDatabase({ file });
    const rows = await after.selectFrom('report_body_media').select(['sha256']).orderBy('sha256').execute();
    assert.deepEqual(
      rows.map((r) => r.sha256),
      [a, b],
    );
    await after.destroy();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
