// Opening a PostgreSQL database (issue 15 item 1): a server that cannot be reached, a login it
// refuses or a database it lacks is a DatabaseUnavailableError saying which, without the password.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { DatabaseUnavailableError } from '../../src/domain/errors.js';
import { openDatabase } from '../../src/store/database.js';
import { freePort } from '../support/cli-server.js';
import { createTestSite } from '../support/db.js';
import { createTestPostgresDatabase, postgresServer, skipUnlessPostgres } from '../support/postgres.js';

const skip = skipUnlessPostgres();

async function openFailure(url: string): Promise<DatabaseUnavailableError> {
  const error = await openDatabase({ postgres: { url, poolSize: 1 } }).then(
    () => assert.fail('opened'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof DatabaseUnavailableError, String(error));
  assert.equal(error.code, 'DATABASE_UNAVAILABLE');
  return error;
}

test('refuses a wrong password naming the user, never the password', { skip }, async () => {
  const database = await createTestPostgresDatabase();
  try {
    const url = new URL(database.url);
    url.password = 'wrong-secret-123';
    const error = await openFailure(url.href);
    assert.match(error.message, /ユーザー「katsudo_test」でログインできません.*ユーザー名とパスワード/);
    assert.doesNotMatch(error.message, /wrong-secret-123/);
  } finally {
    await database.drop();
  }
});

test('says the server cannot be reached when nothing listens at the address', { skip }, async () => {
  const port = await freePort();
  const error = await openFailure(`postgres://katsudo:secret-456@127.0.0.1:${port}/katsudo`);
  assert.match(error.message, new RegExp(`PostgreSQL サーバー\\(127\\.0\\.0\\.1:${port}\\)に接続できません`));
  assert.doesNotMatch(error.message, /secret-456/);
});

test('names a database the server does not have', { skip }, async () => {
  const url = new URL((await postgresServer()).urlFor('no_such_site'));
  const error = await openFailure(url.href);
  assert.match(error.message, /データベース「no_such_site」がありません.*createdb no_such_site/);
});

test('reads counts and sums as numbers, as SQLite gives them', { skip }, async () => {
  const site = await createTestSite({ backend: 'postgres' });
  try {
    const row = await site.db
      .selectFrom('site_state')
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum('content_version').as('total')])
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { n: 1, total: 1 });
    const version = await sql<{ v: number }>`select content_version as v from site_state`.execute(site.db);
    assert.deepEqual(version.rows, [{ v: 1 }]);
  } finally {
    await site.cleanup();
  }
});
