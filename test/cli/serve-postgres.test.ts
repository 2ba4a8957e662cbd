// `katsudo serve` on PostgreSQL (issue 15 item 1): KATSUDO_DATABASE_URL selects the server, and a
// server that cannot be used stops the start with a clear message and exit code 69.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openDatabase } from '../../src/store/database.js';
import { runCli } from '../support/cli-run.js';
import { freePort, startCliServer, waitFor } from '../support/cli-server.js';
import { createTestPostgresDatabase, skipUnlessPostgres } from '../support/postgres.js';

const skip = skipUnlessPostgres();

test('serves the site from the PostgreSQL database KATSUDO_DATABASE_URL names, with no SQLite file', { skip }, async () => {
  const database = await createTestPostgresDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'katsudo-serve-pg-'));
  const server = await startCliServer({ dataDir, env: { KATSUDO_DATABASE_URL: database.url } });
  try {
    const home = await waitFor(server.url('/'), 60_000).catch((error: unknown) => assert.fail(`${String(error)}\n${server.output()}`));
    assert.equal(home.status, 200, server.output());
    assert.equal(existsSync(join(dataDir, 'katsudo.db')), false);
    const db = await openDatabase({ postgres: { url: database.url, poolSize: 1 } });
    try {
      const reports = await db
        .selectFrom('reports')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.ok(reports.n > 0, 'the demo reports are in PostgreSQL');
    } finally {
      await db.destroy();
    }
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  }
});

test('stops with exit code 69 and a Japanese message when the PostgreSQL server cannot be reached', { skip }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'katsudo-serve-pg-'));
  try {
    const port = await freePort();
    const run = runCli(['serve', '--data', dataDir, '--port', String(await freePort())], {
      env: { KATSUDO_DATABASE_URL: `postgres://katsudo:pw-789@127.0.0.1:${port}/katsudo` },
    });
    assert.equal(run.code, 69, run.stderr);
    assert.match(run.stderr, new RegExp(`^katsudo: PostgreSQL サーバー\\(127\\.0\\.0\\.1:${port}\\)に接続できません`));
    assert.doesNotMatch(run.stderr, /pw-789/);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('refuses a database URL of another kind before opening anything (exit code 2)', () => {
  const run = runCli(['serve', '--port', '3999'], { env: { DATABASE_URL: 'mysql://localhost/katsudo' } });
  assert.equal(run.code, 2, run.stderr);
  assert.match(run.stderr, /DATABASE_URL: 使えるのは postgres:\/\/・postgresql:\/\/\(PostgreSQL\)か sqlite:\(SQLite\)です/);
});

test('adds a user and lists reports in the PostgreSQL database with katsudo user and katsudo list', { skip }, async () => {
  const database = await createTestPostgresDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'katsudo-user-pg-'));
  const env = { KATSUDO_DATABASE_URL: database.url };
  try {
    const added = runCli(['user', 'add', 'yamakawa', '--role', 'owner', '--name', '山川 さくら', '--password-stdin', '--data', dataDir], {
      env,
      input: 'Kawa-no-nagare-2026\n',
    });
    assert.equal(added.code, 0, added.stderr);
    const listed = runCli(['list', '--data', dataDir], { env });
    assert.equal(listed.code, 0, listed.stderr);
    assert.equal(existsSync(join(dataDir, 'katsudo.db')), false);
    const db = await openDatabase({ postgres: { url: database.url, poolSize: 1 } });
    try {
      assert.deepEqual(await db.selectFrom('users').select(['login', 'role']).execute(), [{ login: 'yamakawa', role: 'owner' }]);
    } finally {
      await db.destroy();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  }
});

test("backup, which copies the data directory's file, refuses a database URL rather than back up another database", () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'katsudo-backup-pg-'));
  try {
    const run = runCli(['backup', '--data', dataDir], { env: { KATSUDO_DATABASE_URL: 'postgres://katsudo:pw@127.0.0.1:5432/katsudo' } });
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /KATSUDO_DATABASE_URL: katsudo backup はデータディレクトリの katsudo\.db だけを扱います/);
    assert.equal(existsSync(join(dataDir, 'katsudo.db')), false);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
