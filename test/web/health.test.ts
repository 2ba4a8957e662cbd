// /healthz (liveness) and /readyz (readiness): public, never cached, cookie-free.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
before(async () => {
  t = await createTestApp({ minFreeBytes: 1 });
});
after(async () => t.close());

test('/healthz answers 200 text while the process runs', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/healthz' });
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /^text\/plain/);
  assert.equal(res.headers['cache-control'], 'no-store');
  assert.equal(res.headers['set-cookie'], undefined);
  assert.equal(res.body, 'ok\n');
});

test('/readyz answers 200 JSON when the database, migrations, native modules and disk space are all fine', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/readyz' });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['cache-control'], 'no-store');
  assert.deepEqual(res.json(), { status: 'ready', checks: { database: 'ok', migrations: 'ok', argon2: 'ok', sharp: 'ok', disk: 'ok' } });
});

test('answers health checks without a rate limit, however many come at once', async () => {
  const statuses = await Promise.all(
    Array.from({ length: 400 }, (_, i) => t.app.inject({ method: 'GET', url: i % 2 ? '/healthz' : '/readyz' }).then((r) => r.statusCode)),
  );
  assert.deepEqual(new Set(statuses), new Set([200]));
});

test('/readyz answers 503 naming the migrations when the database is behind this build', async () => {
  await sql`delete from kysely_migration where name = (select max(name) from kysely_migration)`.execute(t.site.db);
  const res = await t.app.inject({ method: 'GET', url: '/readyz' });
  assert.equal(res.statusCode, 503);
  assert.equal(res.json().checks.migrations, 'failed');
  assert.equal(res.json().checks.database, 'ok');
});
