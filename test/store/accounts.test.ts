// Sessions and login throttle counters in the database.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { findActiveSession } from '../../src/actions/users/find-active-session.js';
import { logIn } from '../../src/actions/users/log-in.js';
import { isSessionAlive } from '../../src/domain/session-policy.js';
import type { BackoffPolicy } from '../../src/domain/login-backoff.js';
import { clearThrottle, deleteStaleThrottles, findThrottles, giveBackAttempt, reserveAttempts } from '../../src/store/login-throttle.js';
import { deleteExpiredSessions, listSessionsOfUser } from '../../src/store/sessions.js';
import { addTestUser, TEST_PASSWORD } from '../support/admin.js';
import { createTestSite, type TestSite } from '../support/db.js';

let site: TestSite;
const clock = new Date('2026-11-20T03:00:00.000Z');
const POLICY = { idleMs: 2 * 3_600_000, maxMs: 12 * 3_600_000 };

before(async () => {
  site = await createTestSite({ now: () => clock });
});
after(async () => site.cleanup());

const iso = (ms: number) => new Date(Date.parse('2026-11-20T00:00:00.000Z') + ms).toISOString();

test('a session is alive until its idle time or its absolute expiry, whichever comes first', () => {
  const session = { lastSeenAt: iso(0), expiresAt: iso(10_000) };
  const policy = { idleMs: 5000, maxMs: 10_000 };
  assert.equal(isSessionAlive(session, new Date(iso(4999)), policy), true);
  assert.equal(isSessionAlive(session, new Date(iso(5000)), policy), false);
  assert.equal(isSessionAlive({ lastSeenAt: iso(9000), expiresAt: iso(10_000) }, new Date(iso(10_000)), policy), false);
});

test('stores only the hash of the session token, and finds the session by the token', async () => {
  const user = await addTestUser(site, { login: 'owner', role: 'owner' });
  const result = await logIn(site, { login: 'owner', password: TEST_PASSWORD, ip: '192.0.2.1', userAgent: 'test' }, POLICY);
  assert.ok(result.isOk);
  const row = await site.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow();
  assert.match(row.token_hash, /^[0-9a-f]{64}$/);
  assert.ok(!row.token_hash.includes(result.token));
  assert.equal(row.expires_at, new Date(clock.getTime() + POLICY.maxMs).toISOString());
  assert.equal((await findActiveSession(site, result.token, POLICY))?.user.login, 'owner');
  assert.equal(await findActiveSession(site, result.token.slice(0, -1) + 'x', POLICY), undefined);
  assert.equal(await findActiveSession(site, 'short', POLICY), undefined);
});

test('deletes sessions past their absolute expiry or idle for too long, and keeps the rest', async () => {
  const user = await addTestUser(site, { login: 'editor', role: 'editor' });
  const insert = (lastSeenAt: string, expiresAt: string, hash: string) =>
    site.db
      .insertInto('sessions')
      .values({ token_hash: hash, user_id: user.id, created_at: iso(0), last_seen_at: lastSeenAt, expires_at: expiresAt })
      .execute();
  await insert(iso(9000), iso(20_000), 'a'.repeat(64)); // alive
  await insert(iso(1000), iso(20_000), 'b'.repeat(64)); // idle
  await insert(iso(9000), iso(10_000), 'c'.repeat(64)); // expired
  await deleteExpiredSessions(site.db, iso(10_000), iso(5000));
  const left = await listSessionsOfUser(site.db, user.id);
  assert.equal(left.length, 1);
  assert.equal(left[0]!.lastSeenAt, iso(9000));
});

const THREE_FREE: BackoffPolicy = { freeFailures: 3, baseMs: 1000, capMs: 8000, forgetAfterMs: 60_000 };
const failuresOf = async (key: string) => (await findThrottles(site.db, [key]))[0]?.failures;

test('counts attempts per key, restarts the count after the quiet period, and clears on demand', async () => {
  const reserve = (key: string, ms: number) => reserveAttempts(site.db, [[key, THREE_FREE]], new Date(iso(ms)));
  for (const ms of [0, 1000, 2000]) assert.equal((await reserve('ip:192.0.2.9', ms)).isAllowed, true);
  assert.equal(await failuresOf('ip:192.0.2.9'), 3);
  await reserve('login:owner', 2000);
  assert.equal((await reserve('ip:192.0.2.9', 62_001)).isAllowed, true, 'a minute of quiet forgets');
  assert.equal(await failuresOf('ip:192.0.2.9'), 1);
  await clearThrottle(site.db, 'ip:192.0.2.9');
  assert.deepEqual(
    (await findThrottles(site.db, ['ip:192.0.2.9', 'login:owner'])).map((s) => s.key),
    ['login:owner'],
  );
  await deleteStaleThrottles(site.db, iso(3000));
  assert.deepEqual(await findThrottles(site.db, ['login:owner']), []);
});

test('blocks the attempt after the one that went past the free count, and counts nothing while blocked', async () => {
  const keys: [string, BackoffPolicy][] = [
    ['ip:192.0.2.20', THREE_FREE],
    ['login:sato', THREE_FREE],
  ];
  const at = new Date(iso(100_000));
  const results = await Promise.all(Array.from({ length: 10 }, () => reserveAttempts(site.db, keys, at)));
  // Which four calls get through is the order they reach the database in (any on PostgreSQL); how many is the rule.
  assert.equal(results.filter((r) => r.isAllowed).length, 4);
  assert.deepEqual(
    results.filter((r) => !r.isAllowed).map((r) => r.retryAfterMs),
    Array(6).fill(1000),
  );
  assert.equal(await failuresOf('ip:192.0.2.20'), 4);
  assert.equal(await failuresOf('login:sato'), 4);
});

test('refuses every key when one is blocked, and a given-back attempt lifts the block it set', async () => {
  const at = new Date(iso(200_000));
  for (let i = 0; i < 4; i++) await reserveAttempts(site.db, [['login:kato', THREE_FREE]], at);
  const refused = await reserveAttempts(
    site.db,
    [
      ['ip:192.0.2.30', THREE_FREE],
      ['login:kato', THREE_FREE],
    ],
    at,
  );
  assert.equal(refused.isAllowed, false);
  assert.deepEqual(!refused.isAllowed && refused.blockedKeys, ['login:kato']);
  assert.equal(await failuresOf('ip:192.0.2.30'), undefined, 'the address was not counted');

  for (let i = 0; i < 3; i++) await reserveAttempts(site.db, [['ip:192.0.2.30', THREE_FREE]], at);
  const fourth = await reserveAttempts(site.db, [['ip:192.0.2.30', THREE_FREE]], at);
  assert.ok(fourth.isAllowed);
  assert.equal((await reserveAttempts(site.db, [['ip:192.0.2.30', THREE_FREE]], at)).isAllowed, false);
  await giveBackAttempt(site.db, fourth.reserved[0]!);
  assert.equal(await failuresOf('ip:192.0.2.30'), 3);
  assert.equal((await reserveAttempts(site.db, [['ip:192.0.2.30', THREE_FREE]], at)).isAllowed, true);
});
