// Logging in and out, session cookies, fixation, revocation, expiry and disabled users.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setUserDisabled } from '../../src/actions/users/set-user-disabled.js';
import { listAudit } from '../../src/store/audit-log.js';
import { buildServer } from '../../src/web/server.js';
import { AdminAgent, addTestUser, attemptLogIn, csrfTokenOf, logIn, TEST_PASSWORD } from '../support/admin.js';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../support/app.js';

let t: TestApp;
const START = new Date('2026-11-20T03:00:00.000Z');
let clock = START;

before(async () => {
  t = await createTestApp();
  t.site.now = () => clock;
  await addTestUser(t.site, { login: 'owner', role: 'owner', displayName: '山川 さくら' });
  await addTestUser(t.site, { login: 'writer', role: 'writer' });
});
after(async () => t.close());

const minutes = (n: number) => n * 60_000;
const setClock = (ms: number) => {
  clock = new Date(START.getTime() + ms);
};

function setCookieHeader(response: { headers: Record<string, unknown> }, name: string): string {
  const all = [response.headers['set-cookie'] ?? []].flat() as string[];
  const found = all.find((c) => c.startsWith(`${name}=`));
  assert.ok(found, `Set-Cookie ${name}`);
  return found;
}

test('logs in with the right password: 303 to the dashboard, a session cookie HttpOnly, SameSite=Lax, Path=/admin', async () => {
  setClock(0);
  const { agent, response } = await attemptLogIn(t.app, 'owner', TEST_PASSWORD);
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, '/admin/');
  const cookie = setCookieHeader(response, 'katsudo_session');
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Lax/);
  assert.match(cookie, /Path=\/admin/);
  assert.doesNotMatch(cookie, /Secure/);
  const dashboard = await agent.get('/admin/');
  assert.equal(dashboard.statusCode, 200);
  assert.match(dashboard.body, /山川 さくらさん\(オーナー\)としてログインしています/);
});

test('accepts a full-width or capitalised login as typed on a Japanese keyboard', async () => {
  setClock(0);
  const { response } = await attemptLogIn(t.app, 'ＯＷＮＥＲ', TEST_PASSWORD);
  assert.equal(response.statusCode, 303);
});

test('marks the session cookie Secure when the request came over https through a trusted proxy', async () => {
  const app = await buildServer({ ctx: t.site, baseUrl: TEST_BASE_URL, logLevel: 'silent', trustProxy: { kind: 'addresses', addresses: ['127.0.0.1'] } });
  try {
    const https = { 'x-forwarded-proto': 'https' };
    const form = await app.inject({ method: 'GET', url: '/admin/login', headers: https });
    assert.match(setCookieHeader(form, 'katsudo_csrf'), /Secure/);
    const csrfCookie = form.cookies.find((c) => c.name === 'katsudo_csrf')!;
    const response = await app.inject({
      method: 'POST',
      url: '/admin/login',
      headers: { ...https, 'content-type': 'application/x-www-form-urlencoded', cookie: `katsudo_csrf=${csrfCookie.value}` },
      payload: new URLSearchParams({ login: 'owner', password: TEST_PASSWORD, _csrf: csrfTokenOf(form.body) }).toString(),
    });
    assert.equal(response.statusCode, 303);
    assert.match(setCookieHeader(response, 'katsudo_session'), /Secure/);
  } finally {
    await app.close();
  }
});

test('refuses a wrong password and an unknown login with the same message, keeping the login typed', async () => {
  for (const [login, password] of [
    ['owner', 'まちがったパスワードです'],
    ['nobody', TEST_PASSWORD],
  ]) {
    const { response } = await attemptLogIn(t.app, login!, password!, new AdminAgent(t.app, `198.51.100.${login!.length}`));
    assert.equal(response.statusCode, 401, login);
    assert.match(response.body, /ログイン名またはパスワードが正しくありません。/);
    assert.match(response.body, new RegExp(`name="login" type="text" value="${login}"`));
    assert.match(response.body, /role="alert"/);
    assert.equal(
      response.cookies.find((c) => c.name === 'katsudo_session'),
      undefined,
    );
  }
  const failures = await listAudit(t.site.db, { limit: 10, action: 'login.fail' });
  assert.ok(failures.some((e) => e.login === 'nobody' && e.detail.includes('unknown')));
  assert.ok(failures.some((e) => e.login === 'owner' && e.detail.includes('password')));
});

test('asks for both fields when they are empty (422)', async () => {
  const { response } = await attemptLogIn(t.app, '', '');
  assert.equal(response.statusCode, 422);
  assert.match(response.body, /ログイン名を入力してください。/);
  assert.match(response.body, /パスワードを入力してください。/);
  assert.match(response.body, /aria-describedby="field-login-error"/);
});

test('issues a new session id at login: a planted id and the previous session never authenticate', async () => {
  setClock(0);
  const agent = new AdminAgent(t.app);
  const planted = 'A'.repeat(43);
  agent.cookies.set('katsudo_session', planted);
  await attemptLogIn(t.app, 'owner', TEST_PASSWORD, agent);
  const first = agent.cookies.get('katsudo_session')!;
  assert.notEqual(first, planted);
  assert.equal((await agent.get('/admin/')).statusCode, 200);

  // Logging in again while still logged in (the form posted from another tab).
  await agent.refreshCsrf();
  assert.equal((await agent.post('/admin/login', { login: 'owner', password: TEST_PASSWORD })).statusCode, 303);
  const second = agent.cookies.get('katsudo_session')!;
  assert.notEqual(second, first);

  for (const old of [planted, first]) {
    const stale = new AdminAgent(t.app);
    stale.cookies.set('katsudo_session', old);
    const response = await stale.get('/admin/');
    assert.equal(response.statusCode, 303, old);
    assert.equal(response.headers.location, '/admin/login?next=%2Fadmin%2F');
  }
});

test('logs out: the old cookie is refused afterwards and the logout is audited', async () => {
  setClock(0);
  const agent = await logIn(t.app, 'owner');
  const token = agent.cookies.get('katsudo_session')!;
  const response = await agent.post('/admin/logout');
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, '/admin/login?notice=logged-out');
  assert.match((await agent.get('/admin/login?notice=logged-out')).body, /ログアウトしました。/);
  const replay = new AdminAgent(t.app);
  replay.cookies.set('katsudo_session', token);
  assert.equal((await replay.get('/admin/account')).statusCode, 303);
  assert.equal((await listAudit(t.site.db, { limit: 1, action: 'logout' })).length, 1);
});

test('a revoked session is refused at once; revoking the others keeps the current one', async () => {
  setClock(0);
  const laptop = await logIn(t.app, 'writer');
  const phone = await logIn(t.app, 'writer');
  const tablet = await logIn(t.app, 'writer');
  const account = await laptop.get('/admin/account');
  const ids = [...account.body.matchAll(/\/admin\/account\/sessions\/(\d+)\/revoke/g)].map((m) => m[1]);
  assert.equal(ids.length, 2, 'two other sessions listed with a revoke button');
  assert.match(account.body, /この端末/);

  const phoneId = Math.max(...ids.map(Number)) - 1;
  const revoke = await laptop.post(`/admin/account/sessions/${phoneId}/revoke`);
  assert.equal(revoke.statusCode, 303);
  assert.equal((await phone.get('/admin/')).statusCode, 303);
  assert.equal((await tablet.get('/admin/')).statusCode, 200);

  assert.equal((await laptop.post('/admin/account/sessions/revoke-others')).statusCode, 303);
  assert.equal((await tablet.get('/admin/')).statusCode, 303);
  assert.equal((await laptop.get('/admin/')).statusCode, 200);
});

test("cannot revoke another user's session", async () => {
  setClock(0);
  const owner = await logIn(t.app, 'owner');
  const writer = await logIn(t.app, 'writer');
  const writerIds = [...(await writer.get('/admin/account')).body.matchAll(/sessions\/(\d+)\/revoke/g)].map((m) => Number(m[1]));
  const ownSession = Math.max(0, ...writerIds) + 1;
  await owner.post(`/admin/account/sessions/${ownSession}/revoke`);
  assert.equal((await writer.get('/admin/')).statusCode, 200);
});

test('ends a session after two idle hours, and keeps an active one alive', async () => {
  setClock(0);
  const agent = await logIn(t.app, 'owner');
  setClock(minutes(110));
  assert.equal((await agent.get('/admin/')).statusCode, 200);
  setClock(minutes(220));
  assert.equal((await agent.get('/admin/')).statusCode, 200, 'idle for 110 minutes only');
  setClock(minutes(220 + 121));
  const response = await agent.get('/admin/');
  assert.equal(response.statusCode, 303);
  assert.equal(agent.cookies.get('katsudo_session'), undefined, 'the dead cookie is cleared');
});

test('ends a session twelve hours after login however active it is', async () => {
  setClock(0);
  const agent = await logIn(t.app, 'owner');
  for (let hour = 1; hour < 12; hour++) {
    setClock(minutes(hour * 60));
    assert.equal((await agent.get('/admin/')).statusCode, 200, `hour ${hour}`);
  }
  setClock(minutes(12 * 60));
  assert.equal((await agent.get('/admin/')).statusCode, 303);
});

test('honours a configured idle time', async () => {
  setClock(0);
  const app = await buildServer({ ctx: t.site, baseUrl: TEST_BASE_URL, logLevel: 'silent', session: { idleMs: minutes(10), maxMs: minutes(60) } });
  try {
    const agent = await logIn(app, 'owner');
    setClock(minutes(9));
    assert.equal((await agent.get('/admin/')).statusCode, 200);
    setClock(minutes(20));
    assert.equal((await agent.get('/admin/')).statusCode, 303);
  } finally {
    await app.close();
  }
});

test("a disabled user's sessions stop working immediately and they cannot log in", async () => {
  setClock(0);
  await addTestUser(t.site, { login: 'leaver', role: 'editor' });
  const agent = await logIn(t.app, 'leaver');
  await setUserDisabled(t.site, { login: 'leaver' }, true);
  assert.equal((await agent.get('/admin/')).statusCode, 303);
  const { response } = await attemptLogIn(t.app, 'leaver', TEST_PASSWORD);
  assert.equal(response.statusCode, 401);
  assert.match(response.body, /ログイン名またはパスワードが正しくありません。/);
});

test('sends no-store, noindex and the CSP on admin pages, and no cookie on public pages', async () => {
  const agent = await logIn(t.app, 'owner');
  for (const url of ['/admin/login', '/admin/', '/admin/account']) {
    const response = await agent.get(url);
    assert.equal(response.headers['cache-control'], 'no-store', url);
    assert.equal(response.headers['x-robots-tag'], 'noindex, nofollow', url);
    assert.match(String(response.headers['content-security-policy']), /form-action 'self'/);
    assert.doesNotMatch(response.body, /<script(?![^>]*src=)/, 'no inline script');
    assert.doesNotMatch(response.body, /style=/, 'no inline style');
  }
  const home = await agent.get('/');
  assert.equal(home.headers['set-cookie'], undefined);
  assert.match(String(home.headers['cache-control']), /^public/);
});

test('redirects a logged-in visitor away from the login page, to a same-origin admin path only', async () => {
  const agent = await logIn(t.app, 'owner');
  assert.equal((await agent.get('/admin/login?next=%2Fadmin%2Faccount')).headers.location, '/admin/account');
  for (const next of ['https://evil.example/', '//evil.example/admin/', '/admin/..\\x', '/public']) {
    assert.equal((await agent.get(`/admin/login?next=${encodeURIComponent(next)}`)).headers.location, '/admin/', next);
  }
});
