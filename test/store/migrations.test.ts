import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { openDatabase } from '../../src/store/database.js';
import { migration0001 } from '../../src/store/migrations/0001-initial.js';

test('migrates a new file and reopens it without migrating again', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'katsudo-migrate-'));
  try {
    const file = join(dir, 'nested', 'katsudo.db');
    const first = await openDatabase({ file });
    const tables = await first.introspection.getTables();
    assert.deepEqual(
      tables
        .map((t) => t.name)
        .filter((n) => !n.startsWith('kysely_') && !n.startsWith('report_search') && !n.startsWith('page_search'))
        .sort(),
      [
        'activity_affiliations',
        'activity_documents',
        'activity_outcomes',
        'activity_participants',
        'activity_records',
        'activity_spans',
        'attachments',
        'audit_log',
        'autosaves',
        'categories',
        'demo_items',
        'import_sources',
        'login_throttle',
        'media',
        'media_variants',
        'page_body_media',
        'page_import_sources',
        'page_media_refs',
        'pages',
        'passkeys',
        'pending_logins',
        'recovery_codes',
        'redirects',
        'report_body_media',
        'report_media_refs',
        'report_tags',
        'reports',
        'revisions',
        'server_secrets',
        'sessions',
        'settings',
        'site_state',
        'submission_keys',
        'tags',
        'totp_factors',
        'users',
        'webauthn_challenges',
      ],
    );
    const appliedFirst = await first
      .selectFrom('kysely_migration' as never)
      .selectAll()
      .execute();
    await first.destroy();
    const second = await openDatabase({ file });
    const applied = await second
      .selectFrom('kysely_migration' as never)
      .selectAll()
      .execute();
    assert.deepEqual(applied, appliedFirst);
    await second.destroy();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a start killed in the middle of a migration leaves the file as it was, and the next start migrates it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'katsudo-migrate-'));
  try {
    const file = join(dir, 'katsudo.db');
    // A site of the first schema with enough published reports that indexing them for
    // search (migration 0002) takes seconds.
    const sqlite = new SqliteDatabase(file);
    sqlite.pragma('journal_mode = WAL');
    const old = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
    const only0001 = new Migrator({ db: old, provider: { getMigrations: async () => ({ '0001-initial': migration0001 }) } });
    assert.equal((await only0001.migrateToLatest()).error, undefined);
    const body = '1 地域の課題\n\n(1)子育て支援について意見を交わした。'.repeat(40);
    const insert = sqlite.prepare(
      `insert into reports (slug, title, activity_date, published_at, status, body_source, body_html, body_text, created_at, updated_at)
       values (?, ?, '2020-01-01', '2020-01-01T00:00:00Z', 'published', ?, '', ?, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')`,
    );
    sqlite.transaction(() => {
      for (let i = 0; i < 4000; i++) insert.run(`r-${i}`, `報告${i}`, body, `${i} ${body}`);
    })();
    await old.destroy();

    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../support/open-database-child.ts', import.meta.url)), file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (output.includes('opening')) {
          clearInterval(poll);
          setTimeout(() => {
            child.kill('SIGKILL');
            resolve();
          }, 1500);
        }
      }, 20);
    });
    await new Promise((resolve) => child.on('exit', resolve));
    assert.doesNotMatch(output, /opened/, 'the child was stopped before the migrations finished (raise the report count if not)');

    const reopened = await openDatabase({ file });
    const applied = await reopened
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute();
    assert.ok(applied.length >= 3);
    const indexed = await sql<{ n: number }>`select count(*) as n from report_search where report_search match '"子育"'`.execute(reopened);
    assert.equal(Number(indexed.rows[0]!.n), 4000);
    await reopened.destroy();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
