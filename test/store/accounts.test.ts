// Sessions and login throttle counters in the database.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { findActiveSession } from '../../src/actions/find-active-session.js';
import { logIn } from '../../src/actions/log-in.js';
import { isSessionAlive } from '../../src/domain/session-policy.js';
import { addFailure, clearThrottle, deleteStaleThrottles, findThrottles } from '../../src/store/login-throttle.js';
import { deleteExpiredSessions, listSessionsOfUser } from '../../src/store/sessions.js';
import { addTestUser, TEST_PASSWORD } from '../support/admin.js';
import { createTestSite, type TestSite } from '../support/db.js';

let site: TestSite;
let clock = new Date('2026-11-20T03:00:00.000Z');
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
    site.db.insertInto('sessions').values({ token_hash: hash, user_id: user.id, created_at: iso(0), last_seen_at: lastSeenAt, expires_at: expiresAt }).execute();
  await insert(iso(9000), iso(20_000), 'a'.repeat(64)); // alive
  await insert(iso(1000), iso(20_000), 'b'.repeat(64)); // idle
  await insert(iso(9000), iso(10_000), 'c'.repeat(64)); // expired
  await deleteExpiredSessions(site.db, iso(10_000), iso(5000));
  const left = await listSessionsOfUser(site.db, user.id);
  assert.equal(left.length, 1);
  assert.equal(left[0]!.lastSeenAt, iso(9000));
});

test('counts failures per key, restarts the count after the quiet period, and clears on demand', async () => {
  const forgetBefore = (now: number) => iso(now - 60_000);
  assert.equal(await addFailure(site.db, 'ip:192.0.2.9', iso(0), forgetBefore(0)), 1);
  assert.equal(await addFailure(site.db, 'ip:192.0.2.9', iso(1000), forgetBefore(1000)), 2);
  assert.equal(await addFailure(site.db, 'ip:192.0.2.9', iso(2000), forgetBefore(2000)), 3);
  assert.equal(await addFailure(site.db, 'login:owner', iso(2000), forgetBefore(2000)), 1);
  assert.equal(await addFailure(site.db, 'ip:192.0.2.9', iso(62_001), forgetBefore(62_001)), 1, 'a minute of quiet forgets');
  await clearThrottle(site.db, 'ip:192.0.2.9');
  assert.deepEqual((await findThrottles(site.db, ['ip:192.0.2.9', 'login:owner'])).map((s) => s.key), ['login:owner']);
  await deleteStaleThrottles(site.db, iso(3000));
  assert.deepEqual(await findThrottles(site.db, ['login:owner']), []);
});
