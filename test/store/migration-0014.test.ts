// Migration 0014: report_media becomes `attachments`, shared by reports and fixed pages;
// every existing row moves over with its label, summary and place.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Migration } from 'kysely';
import { openDatabase } from '../../src/store/database.js';
import { MIGRATIONS } from '../../src/store/migrate.js';
import { listAttachments } from '../../src/store/media.js';

const BEFORE_0014: Record<string, Migration> = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '0014'));

test('moves every report attachment into the shared table without loss, and the table refuses a row with no owner', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'katsudo-migrate-0014-'));
  try {
    const file = join(dir, 'katsudo.db');
    const sqlite = new SqliteDatabase(file);
    const old = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
    assert.equal((await new Migrator({ db: old, provider: { getMigrations: async () => BEFORE_0014 } }).migrateToLatest()).error, undefined);
    sqlite
      .prepare(
        `insert into reports (slug, title, activity_date, published_at, status, body_source, body_html, body_text, created_at, updated_at)
         values ('a', '報告', '2020-01-01', null, 'draft', '', '', '', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')`,
      )
      .run();
    const media = sqlite.prepare(`insert into media (sha256, original_name, mime, bytes, created_at) values (?, ?, 'application/pdf', 10, '2020-01-01T00:00:00Z')`);
    media.run('a'.repeat(64), 'one.pdf');
    media.run('b'.repeat(64), 'two.pdf');
    const link = sqlite.prepare(`insert into report_media (report_id, media_id, label, summary, position) values (1, ?, ?, ?, ?)`);
    link.run(2, '二番目', '説明', 0);
    link.run(1, '一番目', '', 1);
    await old.destroy();

    const db = await openDatabase({ file });
    try {
      assert.deepEqual(
        (await listAttachments(db, 1)).map((a) => [a.mediaId, a.label, a.summary]),
        [
          [2, '二番目', '説明'],
          [1, '一番目', ''],
        ],
      );
      await assert.rejects(db.insertInto('attachments').values({ report_id: null, page_id: null, media_id: 1, label: 'x', summary: '', position: 0 }).execute());
    } finally {
      await db.destroy();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
