// CSRF: every state-changing admin request needs the token of its own session.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { findUserByLogin } from '../../src/store/users.js';
import { AdminAgent, addTestUser, csrfTokenOf, logIn, TEST_PASSWORD } from '../support/admin.js';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;

before(async () => {
  t = await createTestApp();
  await addTestUser(t.site, { login: 'owner', role: 'owner' });
  await addTestUser(t.site, { login: 'owner2', role: 'owner' });
});
after(async () => t.close());

const NEW_USER = { login: 'sato', displayName: '佐藤', role: 'writer', password: TEST_PASSWORD, passwordConfirmation: TEST_PASSWORD };

function assertCsrfRefusal(response: { statusCode: number; body: string }) {
  assert.equal(response.statusCode, 403);
  assert.match(response.body, /data-refusal="csrf"/);
  assert.match(response.body, /送信を受け付けられませんでした/);
  assert.match(response.body, /データは変更されていません/);
}

test('refuses a form without a token, with a wrong token, or with the token of another session; nothing is written', async () => {
  const agent = await logIn(t.app, 'owner');
  const other = await logIn(t.app, 'owner2');
  const ownerTwice = await logIn(t.app, 'owner');
  for (const csrf of [false, '', 'forged-token', other.csrfToken, ownerTwice.csrfToken] as const) {
    assertCsrfRefusal(await agent.post('/admin/users', NEW_USER, { csrf }));
  }
  assert.equal(await findUserByLogin(t.site.db, 'sato'), undefined);
});

test('offers the way back to the form the user came from, on this site only', async () => {
  const agent = await logIn(t.app, 'owner');
  const own = await agent.post('/admin/users', NEW_USER, { csrf: false, headers: { referer: 'http://localhost:80/admin/users' } });
  assert.match(own.body, /href="\/admin\/users">前の画面に戻る/);
  const foreign = await agent.post('/admin/users', NEW_USER, { csrf: false, headers: { referer: 'https://evil.example/admin/users' } });
  assert.doesNotMatch(foreign.body, /前の画面に戻る/);
});

test('accepts the token in the x-csrf-token header (fetch and uploads)', async () => {
  const agent = await logIn(t.app, 'owner');
  const response = await agent.post('/admin/users', NEW_USER, { csrf: false, headers: { 'x-csrf-token': agent.csrfToken } });
  assert.equal(response.statusCode, 303);
  assert.ok(await findUserByLogin(t.site.db, 'sato'));
});

test('protects the login form too (login CSRF), and the logout button', async () => {
  const anonymous = new AdminAgent(t.app);
  await anonymous.get('/admin/login');
  assertCsrfRefusal(await anonymous.post('/admin/login', { login: 'owner', password: TEST_PASSWORD }, { csrf: false }));
  assert.equal(anonymous.cookies.get('katsudo_session'), undefined);

  const agent = await logIn(t.app, 'owner');
  assertCsrfRefusal(await agent.post('/admin/logout', {}, { csrf: false }));
  assert.equal((await agent.get('/admin/')).statusCode, 200, 'still logged in');
});

test('a token issued before login is refused after it', async () => {
  const agent = new AdminAgent(t.app);
  const form = await agent.get('/admin/login');
  const anonymousToken = csrfTokenOf(form.body);
  agent.csrfToken = anonymousToken;
  assert.equal((await agent.post('/admin/login', { login: 'owner', password: TEST_PASSWORD })).statusCode, 303);
  assertCsrfRefusal(await agent.post('/admin/account/sessions/revoke-others', {}, { csrf: anonymousToken }));
});

test('sets the CSRF secret cookie HttpOnly on the admin path only', async () => {
  const response = await t.app.inject({ method: 'GET', url: '/admin/login' });
  const cookie = [response.headers['set-cookie']].flat().find((c) => String(c).startsWith('katsudo_csrf='));
  assert.match(String(cookie), /HttpOnly/);
  assert.match(String(cookie), /Path=\/admin/);
  assert.match(String(cookie), /SameSite=Lax/);
});
