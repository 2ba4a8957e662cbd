// The CLI commands on PostgreSQL (issue 15): with KATSUDO_DATABASE_URL set, import-text,
// import-wxr, reindex, export and build work on that database and create no katsudo.db; backup
// and restore refuse it and say what to use instead (pg_dump and a copy of the media folder).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openDatabase } from '../../src/store/database.js';
import { runCli } from '../support/cli-run.js';
import { createTestPostgresDatabase, skipUnlessPostgres, type TestPostgresDatabase } from '../support/postgres.js';

const skip = skipUnlessPostgres();
const WXR = new URL('../fixtures/wordpress-site.xml', import.meta.url).pathname;

let database: TestPostgresDatabase;
let dir: string;
let env: Record<string, string>;

before(async () => {
  if (skip) return;
  database = await createTestPostgresDatabase();
  dir = mkdtempSync(join(tmpdir(), 'katsudo-cli-pg-'));
  env = { KATSUDO_DATABASE_URL: database.url };
});
after(async () => {
  if (skip) return;
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

const data = () => join(dir, 'data');
const run = (...args: string[]) => runCli([...args, '--data', data()], { env });

test('import-text, import-wxr, reindex, export and build run on the PostgreSQL database', { skip }, async () => {
  const text = join(dir, 'report.txt');
  writeFileSync(text, '2026年10月1日\n駅前で街頭演説を行いました\n\n朝の駅前で、子育て支援について話しました。\n');
  const imported = run('import-text', text);
  assert.equal(imported.code, 0, imported.stderr);
  const wxr = run('import-wxr', WXR);
  assert.equal(wxr.code, 0, wxr.stderr);
  const reindexed = run('reindex');
  assert.equal(reindexed.code, 0, reindexed.stderr);
  assert.match(reindexed.stdout, /件の活動報告を索引に登録しました/);
  const exported = run('export', '--out', join(dir, 'export'));
  assert.equal(exported.code, 0, exported.stderr);
  const built = run('build', '--out', join(dir, 'public'));
  assert.equal(built.code, 0, built.stderr);
  const path = /→ (\/activity\/[^ ]+\/)/.exec(imported.stdout)?.[1];
  assert.ok(path, imported.stdout);
  assert.match(readFileSync(join(dir, 'public', path, 'index.html'), 'utf8'), /駅前で街頭演説を行いました/);
  assert.equal(existsSync(join(data(), 'katsudo.db')), false, 'no SQLite file was made');
  const db = await openDatabase({ postgres: { url: database.url, poolSize: 1 } });
  try {
    const titles = await db.selectFrom('reports').select('title').execute();
    assert.ok(titles.some((r) => r.title === '駅前で街頭演説を行いました'));
    assert.ok(titles.length > 1, 'the WordPress posts are in PostgreSQL too');
    const sources = await db.selectFrom('import_sources').select('source_kind').execute();
    assert.ok(sources.length > 0);
  } finally {
    await db.destroy();
  }
});

test('backup and restore refuse a database URL and name pg_dump and the media folder instead (exit 2)', { skip }, () => {
  for (const args of [['backup'], ['restore', join(dir, 'none.tar')]]) {
    const refused = run(...args);
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(refused.stderr, /pg_dump/);
    assert.match(refused.stderr, /メディアのフォルダ/);
  }
});
