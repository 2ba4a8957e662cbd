// Login throttling per IP address and per account, with exponential back-off that always
// ends; kept in the database, so every server process applies the same blocks.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { setPassword } from '../../src/actions/users/change-password.js';
import { listAudit } from '../../src/store/audit-log.js';
import { openDatabase } from '../../src/store/database.js';
import { buildServer } from '../../src/web/server.js';
import { AdminAgent, addTestUser, attemptLogIn, csrfTokenOf, TEST_PASSWORD } from '../support/admin.js';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../support/app.js';

let t: TestApp;
const START = new Date('2026-11-20T03:00:00.000Z');
let clock = START;
let ipCounter = 0;

before(async () => {
  t = await createTestApp();
  t.site.now = () => clock;
  await addTestUser(t.site, { login: 'owner', role: 'owner' });
});
after(async () => t.close());
beforeEach(async () => {
  // Each test starts from a clean slate a day later, from addresses not used before.
  clock = new Date(clock.getTime() + 24 * 3_600_000);
  await t.site.db.deleteFrom('login_throttle').execute();
});

const later = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};
const freshIp = () => `198.18.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

const WRONG = 'まちがいのパスワード';

async function attempt(ip: string, login: string, password: string, app = t.app) {
  return (await attemptLogIn(app, login, password, new AdminAgent(app, ip))).response;
}

test('blocks an address after ten failures, even for the right password, then lets it in after the back-off', async () => {
  const ip = freshIp();
  for (let i = 1; i <= 10; i++) assert.equal((await attempt(ip, `guess${i}`, 'まちがいのパスワード')).statusCode, 401, `failure ${i}`);
  assert.equal((await attempt(ip, 'owner', TEST_PASSWORD)).statusCode, 303, 'ten failures are free');
  assert.equal((await attempt(ip, 'guess11', 'まちがいのパスワード')).statusCode, 401);

  const blocked = await attempt(ip, 'owner', TEST_PASSWORD);
  assert.equal(blocked.statusCode, 429);
  assert.match(blocked.body, /一時的にログインを受け付けていません。1秒ほど待って/);
  assert.equal(blocked.headers['retry-after'], '1');
  assert.equal((await attempt(freshIp(), 'owner', TEST_PASSWORD)).statusCode, 303, 'other addresses are not blocked');

  later(1000);
  assert.equal((await attempt(ip, 'guess12', 'まちがいのパスワード')).statusCode, 401);
  later(1500);
  assert.equal((await attempt(ip, 'owner', TEST_PASSWORD)).statusCode, 429, 'the second block lasts two seconds');
  later(500);
  assert.equal((await attempt(ip, 'owner', TEST_PASSWORD)).statusCode, 303);
  const blockedEntries = await listAudit(t.site.db, { limit: 5, action: 'login.blocked' });
  assert.ok(blockedEntries.reduce((sum, e) => sum + e.count, 0) >= 2);
});

test('blocks an account after five failures from any addresses, briefly, and a success resets it', async () => {
  for (let i = 1; i <= 6; i++) assert.equal((await attempt(freshIp(), 'owner', 'まちがいのパスワード')).statusCode, 401);
  const blocked = await attempt(freshIp(), 'owner', TEST_PASSWORD);
  assert.equal(blocked.statusCode, 429);
  assert.equal((await attempt(freshIp(), 'nobody-else', 'まちがいのパスワード')).statusCode, 401, 'other accounts are not blocked');
  later(1000);
  assert.equal((await attempt(freshIp(), 'owner', TEST_PASSWORD)).statusCode, 303);
  // The count starts again: five more failures are free.
  for (let i = 1; i <= 5; i++) await attempt(freshIp(), 'owner', 'まちがいのパスワード');
  assert.equal((await attempt(freshIp(), 'owner', TEST_PASSWORD)).statusCode, 303);
});

test('counts the addresses of one IPv6 /64 together, and another /64 apart', async () => {
  for (let i = 1; i <= 11; i++) assert.equal((await attempt(`2001:db8:5:6::${i.toString(16)}`, `guess${i}`, WRONG)).statusCode, 401);
  assert.equal((await attempt('2001:db8:5:6:ffff::1', 'owner', TEST_PASSWORD)).statusCode, 429);
  assert.equal((await attempt('2001:db8:5:7::1', 'owner', TEST_PASSWORD)).statusCode, 303);
});

test('caps the account block at one minute however many failures came before', async () => {
  for (let i = 1; i <= 30; i++) {
    await attempt(freshIp(), 'owner', 'まちがいのパスワード');
    later(60_000);
  }
  await attempt(freshIp(), 'owner', 'まちがいのパスワード');
  later(59_000);
  assert.equal((await attempt(freshIp(), 'owner', TEST_PASSWORD)).statusCode, 429);
  later(1000);
  assert.equal((await attempt(freshIp(), 'owner', TEST_PASSWORD)).statusCode, 303);
});

test('setting the password from the command line lifts the account block at once', async () => {
  for (let i = 1; i <= 8; i++) await attempt(freshIp(), 'owner', 'まちがいのパスワード');
  assert.equal((await attempt(freshIp(), 'owner', TEST_PASSWORD)).statusCode, 429);
  await setPassword(t.site, 'owner', TEST_PASSWORD);
  assert.equal((await attempt(freshIp(), 'owner', TEST_PASSWORD)).statusCode, 303);
});

test('a block made through one server process holds in another process on the same database', async () => {
  const db = await openDatabase(t.site.database);
  const other = await buildServer({ ctx: { db, dataDir: t.site.dataDir, now: () => clock, work: t.site.work }, baseUrl: TEST_BASE_URL, logLevel: 'silent' });
  try {
    const ip = freshIp();
    for (let i = 1; i <= 11; i++) await attempt(ip, `guess${i}`, 'まちがいのパスワード');
    assert.equal((await attempt(ip, 'owner', TEST_PASSWORD, other)).statusCode, 429);
  } finally {
    await other.close();
    await db.destroy();
  }
});

/**
 * Fires `count` logins at once; `attemptOf(i)` gives each one's agent and form. Returns the
 * status codes and how many passwords were checked, read from the audit log (a check ends
 * in 'login' or 'login.fail'; a refused attempt in 'login.blocked'; identical entries share
 * a row with their count).
 */
async function burst(count: number, attemptOf: (i: number) => { agent: AdminAgent; login: string; password: string }) {
  const since = clock.toISOString();
  const attempts = Array.from({ length: count }, (_, i) => attemptOf(i));
  for (const agent of new Set(attempts.map((a) => a.agent))) agent.csrfToken = csrfTokenOf((await agent.get('/admin/login')).body);
  const responses = await Promise.all(attempts.map(({ agent, login, password }) => agent.post('/admin/login', { login, password })));
  const counts = await t.site.db
    .selectFrom('audit_log')
    .select(['action', (eb) => eb.fn.sum<number>('count').as('n')])
    .where('at', '>=', since)
    .groupBy('action')
    .execute();
  const countOf = (action: string) => Number(counts.find((c) => c.action === action)?.n ?? 0);
  return { statuses: responses.map((r) => r.statusCode), checks: countOf('login') + countOf('login.fail'), blocked: countOf('login.blocked') };
}

for (const count of [50, 200]) {
  test(`checks at most eleven passwords of ${count} simultaneous logins from one address, and the right one past them stays out`, async () => {
    const agent = new AdminAgent(t.app, freshIp());
    const { statuses, checks, blocked } = await burst(count, (i) =>
      i >= 20 && i % 5 === 0 ? { agent, login: 'owner', password: TEST_PASSWORD } : { agent, login: `guess${i}`, password: WRONG },
    );
    assert.ok(checks <= 11, `${checks} passwords checked`);
    assert.equal(checks + blocked, count);
    assert.equal(statuses.filter((s) => s === 303).length, 0, 'no right password got in');
    assert.equal(statuses.filter((s) => s === 429).length, blocked);
  });
}

test('checks at most six passwords of one account under 200 simultaneous logins from as many addresses', async () => {
  const { statuses, checks } = await burst(200, (i) => ({
    agent: new AdminAgent(t.app, freshIp()),
    login: 'owner',
    password: i >= 20 && i % 5 === 0 ? TEST_PASSWORD : WRONG,
  }));
  assert.ok(checks <= 6, `${checks} passwords checked`);
  assert.equal(statuses.filter((s) => s === 303).length, 0, 'no right password got in');
  assert.equal(statuses.filter((s) => s === 429).length, 200 - checks);
});
