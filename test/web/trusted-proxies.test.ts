// X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies named in
// KATSUDO_TRUST_PROXY (or the number of hops in front): a client sending its own headers
// cannot change the address the throttle, the audit log and sessions see (issue 9).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { findThrottles } from '../../src/store/login-throttle.js';
import { buildServer } from '../../src/web/server.js';
import type { TrustedProxies } from '../../src/web/trusted-proxies.js';
import { AdminAgent, addTestUser, csrfTokenOf, TEST_PASSWORD } from '../support/admin.js';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../support/app.js';

let t: TestApp;

before(async () => {
  t = await createTestApp();
  await addTestUser(t.site, { login: 'owner', role: 'owner' });
});
after(async () => t.close());

async function serverTrusting(proxies: TrustedProxies): Promise<FastifyInstance> {
  return buildServer({ ctx: t.site, baseUrl: TEST_BASE_URL, logLevel: 'silent', trustProxy: proxies });
}

/**
 * One wrong and one right login through `app` from the connection `from` with `headers`;
 * returns the address the throttle counted, the audit log wrote and the session kept, and
 * whether the session cookie was marked Secure.
 */
async function seenAddresses(app: FastifyInstance, from: string, headers: Record<string, string>) {
  const agent = new AdminAgent(app, from);
  agent.csrfToken = csrfTokenOf((await agent.get('/admin/login', headers)).body);
  const before = await t.site.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  const sinceId = before?.id ?? 0;
  const wrong = await agent.post('/admin/login', { login: 'owner', password: 'まちがいのパスワード' }, { headers });
  assert.equal(wrong.statusCode, 401);
  const right = await agent.post('/admin/login', { login: 'owner', password: TEST_PASSWORD }, { headers });
  assert.equal(right.statusCode, 303);

  const audit = await t.site.db.selectFrom('audit_log').select(['action', 'ip']).where('id', '>', sinceId).orderBy('id').execute();
  const session = await t.site.db.selectFrom('sessions').select('ip').orderBy('id', 'desc').executeTakeFirstOrThrow();
  const throttled = await t.site.db.selectFrom('login_throttle').select('key').where('key', 'like', 'ip:%').execute();
  const cookie = [right.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('katsudo_session=')) ?? '';
  return {
    audit: audit.map((a) => `${a.action} ${a.ip}`),
    session: session.ip,
    throttleKeys: throttled.map((r) => r.key),
    isSecure: /;\s*Secure/i.test(cookie),
  };
}

const SPOOF = { 'x-forwarded-for': '192.0.2.66', 'x-forwarded-proto': 'https' };

test('ignores a client’s own X-Forwarded-For and -Proto when no proxy is trusted', async () => {
  await t.site.db.deleteFrom('login_throttle').execute();
  const seen = await seenAddresses(t.app, '203.0.113.50', SPOOF);
  assert.deepEqual(seen.audit, ['login.fail 203.0.113.50', 'login 203.0.113.50']);
  assert.equal(seen.session, '203.0.113.50');
  assert.deepEqual(seen.throttleKeys, ['ip:203.0.113.50']);
  assert.equal(seen.isSecure, false);
});

test('takes the right-most address that is not a named proxy, and ignores what the client put before it', async () => {
  const app = await serverTrusting({ kind: 'addresses', addresses: ['127.0.0.1', '10.0.0.0/8', '2001:db8::/32'] });
  try {
    await t.site.db.deleteFrom('login_throttle').execute();
    const headers = { 'x-forwarded-for': '192.0.2.66, 198.51.100.7, 10.9.9.9', 'x-forwarded-proto': 'https' };
    const seen = await seenAddresses(app, '10.1.2.3', headers);
    assert.deepEqual(seen.audit, ['login.fail 198.51.100.7', 'login 198.51.100.7']);
    assert.equal(seen.session, '198.51.100.7');
    assert.deepEqual(seen.throttleKeys, ['ip:198.51.100.7']);
    assert.equal(seen.isSecure, true, 'https as the trusted proxy says');

    const overIpv6 = await seenAddresses(app, '2001:db8::5', { 'x-forwarded-for': '198.51.100.8' });
    assert.equal(overIpv6.session, '198.51.100.8');
  } finally {
    await app.close();
  }
});

test('believes no header from a client that is not a named proxy, even with proxies configured', async () => {
  const app = await serverTrusting({ kind: 'addresses', addresses: ['127.0.0.1', '10.0.0.0/8'] });
  try {
    await t.site.db.deleteFrom('login_throttle').execute();
    const seen = await seenAddresses(app, '203.0.113.60', { 'x-forwarded-for': '10.0.0.1, 192.0.2.66', 'x-forwarded-proto': 'https' });
    assert.deepEqual(seen.audit, ['login.fail 203.0.113.60', 'login 203.0.113.60']);
    assert.equal(seen.session, '203.0.113.60');
    assert.deepEqual(seen.throttleKeys, ['ip:203.0.113.60']);
    assert.equal(seen.isSecure, false);
  } finally {
    await app.close();
  }
});

test('with a hop count, takes the address that many hops from the connection', async () => {
  const app = await serverTrusting({ kind: 'hops', hops: 1 });
  try {
    await t.site.db.deleteFrom('login_throttle').execute();
    const seen = await seenAddresses(app, '127.0.0.1', { 'x-forwarded-for': '192.0.2.66, 198.51.100.9', 'x-forwarded-proto': 'https' });
    assert.deepEqual(seen.audit, ['login.fail 198.51.100.9', 'login 198.51.100.9']);
    assert.deepEqual(seen.throttleKeys, ['ip:198.51.100.9']);
    assert.equal(seen.isSecure, true);
  } finally {
    await app.close();
  }
});

test('a spoofed address cannot escape a block on the real one', async () => {
  const app = await serverTrusting({ kind: 'addresses', addresses: ['127.0.0.1'] });
  try {
    await t.site.db.deleteFrom('login_throttle').execute();
    const agent = new AdminAgent(app, '203.0.113.70');
    agent.csrfToken = csrfTokenOf((await agent.get('/admin/login')).body);
    const statuses: number[] = [];
    for (let i = 0; i < 13; i++) {
      const headers = { 'x-forwarded-for': `192.0.2.${i + 1}` };
      statuses.push((await agent.post('/admin/login', { login: `guess${i}`, password: 'まちがいのパスワード' }, { headers })).statusCode);
    }
    assert.deepEqual(statuses, [...Array(11).fill(401), 429, 429]);
    assert.equal((await findThrottles(t.site.db, ['ip:203.0.113.70']))[0]?.failures, 11);
  } finally {
    await app.close();
  }
});
