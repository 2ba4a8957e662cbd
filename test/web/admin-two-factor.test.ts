// Two-factor sign-in through HTTP: the pending step after the password, enrolment on the
// account pages, and the owner's policy holding a user to enrolment.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { regenerateRecoveryCodes } from '../../src/actions/users/two-factor/regenerate-recovery-codes.js';
import { listAudit } from '../../src/store/audit-log.js';
import { countPasskeysOfUser, insertPasskey } from '../../src/store/passkeys.js';
import { countUnusedRecoveryCodes, findTotpFactor } from '../../src/store/second-factors.js';
import { AdminAgent, addTestUser, attemptLogIn, csrfTokenOf, logIn, type TestUser } from '../support/admin.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { actorOf, enrolTotp, totpCodeAt } from '../support/two-factor.js';

let t: TestApp;
let owner: TestUser;
let count = 0;

before(async () => {
  t = await createTestApp();
  owner = await addTestUser(t.site, { login: 'owner', role: 'owner' });
});
after(async () => t.close());

async function freshUser(role: 'writer' | 'editor' = 'writer'): Promise<TestUser> {
  count += 1;
  return addTestUser(t.site, { login: `user${count}`, role });
}

/** The test site's clock is fixed: the enrolment spends this step's code, sign-ins use the next step's. */
const nextStep = () => new Date(t.site.now().getTime() + 30_000);

test('the password alone gives no session to a user with an authenticator app', async () => {
  const user = await freshUser();
  const { secret } = await enrolTotp(t.site, user);
  const { agent, response } = await attemptLogIn(t.app, user.login, user.password);
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, '/admin/login/second-factor?next=%2Fadmin%2F');
  assert.ok(agent.cookies.has('katsudo_pending'));
  assert.ok(!agent.cookies.has('katsudo_session'));
  const pending = response.cookies.find((c) => c.name === 'katsudo_pending')!;
  assert.equal(pending.path, '/admin');
  assert.equal(pending.httpOnly, true);

  // The pending login reaches no admin page.
  const dashboard = await agent.get('/admin/');
  assert.equal(dashboard.statusCode, 303);
  assert.match(String(dashboard.headers.location), /^\/admin\/login\?next=/);

  const step = await agent.get('/admin/login/second-factor?next=%2Fadmin%2F');
  assert.equal(step.statusCode, 200);
  assert.match(step.body, /確認コード/);
  agent.csrfToken = csrfTokenOf(step.body);
  const wrong = await agent.post('/admin/login/second-factor', { code: '12345x', next: '/admin/' });
  assert.equal(wrong.statusCode, 401);
  assert.match(wrong.body, /確認コードが正しくないか/);

  const right = await agent.post('/admin/login/second-factor', { code: totpCodeAt(secret, nextStep()), next: '/admin/' });
  assert.equal(right.statusCode, 303);
  assert.equal(right.headers.location, '/admin/');
  assert.ok(agent.cookies.has('katsudo_session'));
  assert.ok(!agent.cookies.has('katsudo_pending'));
  assert.equal((await agent.get('/admin/')).statusCode, 200);
  const entry = (await listAudit(t.site.db, { limit: 5, action: 'login' })).find((e) => e.userId === user.id);
  assert.equal(entry?.detail, '{"method":"totp"}');
});

test('the second step without a pending login goes back to the password', async () => {
  const agent = new AdminAgent(t.app);
  const page = await agent.get('/admin/login/second-factor');
  assert.equal(page.statusCode, 303);
  assert.equal(page.headers.location, '/admin/login?notice=login-expired');
});

test('enrols an authenticator app on the account page: QR code, secret, a right code, then recovery codes', async () => {
  const user = await freshUser();
  const agent = await logIn(t.app, user.login);
  const status = await agent.get('/admin/account/two-factor');
  assert.equal(status.statusCode, 200);
  assert.match(status.body, /認証アプリを設定する/);

  const started = await agent.post('/admin/account/two-factor/totp');
  assert.equal(started.statusCode, 200);
  assert.match(started.body, /<svg[^>]*viewBox/);
  assert.ok(!/<script(?![^>]*src=)/.test(started.body), 'no inline script');
  const secret = /data-secret="([A-Z2-7]+)"/.exec(started.body)?.[1];
  assert.ok(secret);

  const wrong = await agent.post('/admin/account/two-factor/totp/confirm', { code: '000000' === totpCodeAt(secret, t.site.now()) ? '111111' : '000000' });
  assert.equal(wrong.statusCode, 422);
  assert.match(wrong.body, /確認コードが正しくありません/);
  assert.match(wrong.body, new RegExp(`data-secret="${secret}"`), 'the same secret is shown again');

  const confirmed = await agent.post('/admin/account/two-factor/totp/confirm', { code: totpCodeAt(secret, t.site.now()) });
  assert.equal(confirmed.statusCode, 200);
  const codes = [...confirmed.body.matchAll(/<code>([a-z2-9]{5}-[a-z2-9]{5})<\/code>/g)].map((m) => m[1]);
  assert.equal(codes.length, 10);
  const after = await agent.get('/admin/account/two-factor');
  assert.match(after.body, /設定済み/);
  assert.match(after.body, /未使用の回復コード: <strong>10個<\/strong>/);
});

test('the owner requires two factors: a user without one may only enrol, then works as before', async () => {
  const ownerAgent = await logIn(t.app, owner.login);
  // The owner has no factor yet either: saving the policy would lock the form away, so
  // the owner enrols first (the page says why).
  await enrolTotp(t.site, owner);
  await freshUser();
  const users = await ownerAgent.get('/admin/users');
  assert.match(users.body, /<td>owner<\/td>(?:(?!<\/tr>).)*<td>設定済み<\/td>/s, 'the users page says who has a second factor');
  assert.match(users.body, /<span class="badge badge-muted">未設定<\/span>/);
  const invalid = await ownerAgent.post('/admin/users/two-factor', { policy: 'someone' });
  assert.equal(invalid.statusCode, 422);
  assert.match(invalid.body, /選択肢から選んでください/);
  const saved = await ownerAgent.post('/admin/users/two-factor', { policy: 'everyone' });
  assert.equal(saved.statusCode, 303);
  const audit = (await listAudit(t.site.db, { limit: 1, action: 'settings.two-factor-policy' }))[0];
  assert.equal(audit?.detail, '{"from":"none","to":"everyone"}');

  try {
    const writer = await freshUser();
    const agent = await logIn(t.app, writer.login);
    const reports = await agent.get('/admin/reports');
    assert.equal(reports.statusCode, 303);
    assert.equal(reports.headers.location, '/admin/account/two-factor');
    const refused = await agent.post('/admin/account/password', { currentPassword: writer.password, newPassword: 'x', passwordConfirmation: 'x' });
    assert.equal(refused.statusCode, 403);
    assert.match(refused.body, /data-refusal="enrol"/);
    const page = await agent.get('/admin/account/two-factor');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /このサイトでは二段階認証が必須です/);

    const started = await agent.post('/admin/account/two-factor/totp');
    const secret = /data-secret="([A-Z2-7]+)"/.exec(started.body)![1]!;
    await agent.post('/admin/account/two-factor/totp/confirm', { code: totpCodeAt(secret, t.site.now()) });
    assert.equal((await agent.get('/admin/reports')).statusCode, 200);
  } finally {
    await ownerAgent.post('/admin/users/two-factor', { policy: 'none' });
  }
});

test('twenty simultaneous wrong codes through the form: at most six are checked, the rest wait with Retry-After', async () => {
  const user = await freshUser();
  await enrolTotp(t.site, user);
  const { agent } = await attemptLogIn(t.app, user.login, user.password);
  agent.csrfToken = csrfTokenOf((await agent.get('/admin/login/second-factor')).body);
  const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => agent.post('/admin/login/second-factor', { code: String(100000 + i), next: '/admin/' })));
  const statuses = responses.map((r) => r.statusCode);
  assert.ok(statuses.filter((s) => s === 401).length <= 6, statuses.join(','));
  const throttled = responses.filter((r) => r.statusCode === 429);
  assert.ok(throttled.length >= 14);
  assert.ok(Number(throttled[0]!.headers['retry-after']) > 0);
  assert.match(throttled[0]!.body, /一時的にログインを受け付けていません/);
});

test('a passkey answer that does not verify signs nobody in, spends its challenge and is audited', async () => {
  const agent = new AdminAgent(t.app, '203.0.113.77');
  agent.csrfToken = csrfTokenOf((await agent.get('/admin/login')).body);
  const json = (url: string, body: unknown) =>
    agent.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', 'x-csrf-token': agent.csrfToken }, payload: JSON.stringify(body) });
  const options = await json('/admin/login/passkey/options', { mode: 'passwordless' });
  assert.equal(options.statusCode, 200);
  const { challenge, rpId, userVerification } = options.json() as { challenge: string; rpId: string; userVerification: string };
  assert.equal(rpId, 'www.example.jp');
  assert.equal(userVerification, 'required');
  assert.ok(agent.cookies.has('katsudo_passkey'));
  const clientDataJSON = Buffer.from(JSON.stringify({ type: 'webauthn.get', challenge, origin: 'https://www.example.jp' })).toString('base64url');
  const forged = {
    id: 'bm9wZQ',
    rawId: 'bm9wZQ',
    type: 'public-key',
    clientExtensionResults: {},
    response: { clientDataJSON, authenticatorData: 'AA', signature: 'AA' },
  };
  const refused = await json('/admin/login/passkey', { mode: 'passwordless', response: forged });
  assert.equal(refused.statusCode, 400);
  assert.match((refused.json() as { message: string }).message, /パスキーを確認できませんでした/);
  assert.ok(!agent.cookies.has('katsudo_session'));
  const stored = await t.site.db.selectFrom('webauthn_challenges').select('challenge').where('challenge', '=', challenge).execute();
  assert.deepEqual(stored, [], 'the challenge is spent');
  const audit = (await listAudit(t.site.db, { limit: 5, action: 'login.passkey.fail' })).find((e) => e.ip === '203.0.113.77');
  assert.ok(audit);

  const asSecondFactor = await json('/admin/login/passkey/options', { mode: 'second-factor' });
  assert.equal(asSecondFactor.statusCode, 400, 'no pending login');
  assert.match((asSecondFactor.json() as { message: string }).message, /有効期限が切れました/);
});

test('unsaved fields of a save whose session had ended travel through the second step to 保存を続ける', async () => {
  const user = await freshUser('editor');
  const { secret } = await enrolTotp(t.site, user);
  const agent = new AdminAgent(t.app);
  agent.csrfToken = csrfTokenOf((await agent.get('/admin/login')).body);
  const form = { login: user.login, password: user.password, next: '/admin/reports/new', 'keep.title': '商店街の意見交換会' };
  const step = await agent.post('/admin/login', form);
  assert.equal(step.statusCode, 200);
  assert.match(step.body, /<input type="hidden" name="keep.title" value="商店街の意見交換会"/);
  assert.ok(agent.cookies.has('katsudo_pending'));
  agent.csrfToken = csrfTokenOf(step.body);
  const resumed = await agent.post('/admin/login/second-factor', {
    code: totpCodeAt(secret, nextStep()),
    next: '/admin/reports/new',
    'keep.title': '商店街の意見交換会',
  });
  assert.equal(resumed.statusCode, 200);
  assert.match(resumed.body, /保存を続ける/);
  assert.match(resumed.body, /<form method="post" action="\/admin\/reports\/new"/);
  assert.match(resumed.body, /name="title" value="商店街の意見交換会"/);
});

test("setting up the first second factor ends the user's other sessions, not the one in use", async () => {
  const user = await freshUser();
  const elsewhere = await logIn(t.app, user.login);
  const here = await logIn(t.app, user.login);
  const started = await here.post('/admin/account/two-factor/totp');
  const secret = /data-secret="([A-Z2-7]+)"/.exec(started.body)![1]!;
  assert.equal((await here.post('/admin/account/two-factor/totp/confirm', { code: totpCodeAt(secret, t.site.now()) })).statusCode, 200);
  assert.equal((await here.get('/admin/')).statusCode, 200);
  const other = await elsewhere.get('/admin/');
  assert.equal(other.statusCode, 303);
  assert.match(String(other.headers.location), /^\/admin\/login\?next=/);
  const audit = (await listAudit(t.site.db, { limit: 5, action: 'two-factor.totp.enable' })).find((e) => e.userId === user.id);
  assert.equal(audit?.detail, '{"recoveryCodes":10,"endedSessions":1}');
});

test('names and removes passkeys; removing the last second factor asks for the password and takes the recovery codes', async () => {
  const user = await freshUser();
  const agent = await logIn(t.app, user.login);
  const id = (await insertPasskey(
    t.site.db,
    { userId: user.id, credentialId: `cred-${user.id}`, publicKey: 'AA', counter: 0, transports: ['internal'], name: 'パスキー' },
    '2026-11-20T03:00:00.000Z',
  ))!;
  await t.site.db
    .insertInto('recovery_codes')
    .values({ user_id: user.id, code_hash: 'f'.repeat(64), used_at: null, created_at: '2026-11-20T03:00:00.000Z' })
    .execute();

  const empty = await agent.post(`/admin/account/passkeys/${id}/rename`, { name: '  ' });
  assert.equal(empty.statusCode, 422);
  assert.match(empty.body, /パスキーの名前を入力してください/);
  assert.equal((await agent.post(`/admin/account/passkeys/${id}/rename`, { name: '事務所のPC' })).statusCode, 303);
  assert.match((await agent.get('/admin/account/two-factor')).body, /<td>事務所のPC<\/td>/);

  const withoutPassword = await agent.post(`/admin/account/passkeys/${id}/remove`, {});
  assert.equal(withoutPassword.statusCode, 422);
  assert.match(withoutPassword.body, /パスワードを入力してください/);
  const wrong = await agent.post(`/admin/account/passkeys/${id}/remove`, { passkeyProof: 'ちがうパスワードです' });
  assert.equal(wrong.statusCode, 422);
  assert.equal(await countPasskeysOfUser(t.site.db, user.id), 1, 'nothing removed');
  assert.equal((await agent.post(`/admin/account/passkeys/${id}/remove`, { passkeyProof: user.password })).statusCode, 303);
  assert.equal(await countPasskeysOfUser(t.site.db, user.id), 0);
  assert.equal(await countUnusedRecoveryCodes(t.site.db, user.id), 0);
  const actions = (await listAudit(t.site.db, { limit: 10 })).filter((e) => e.userId === user.id).map((e) => e.action);
  assert.ok(actions.includes('two-factor.passkey.rename') && actions.includes('two-factor.passkey.remove'), actions.join(','));
});

test('removes the authenticator app only with the password', async () => {
  const user = await freshUser();
  await enrolTotp(t.site, user);
  const recoveryCodes = await regenerateRecoveryCodes(t.site, actorOf(user), { proof: user.password });
  const { agent } = await attemptLogIn(t.app, user.login, user.password);
  agent.csrfToken = csrfTokenOf((await agent.get('/admin/login/second-factor')).body);
  assert.equal((await agent.post('/admin/login/second-factor', { code: recoveryCodes[0]!, next: '/admin/' })).statusCode, 303);
  await agent.refreshCsrf();
  const wrong = await agent.post('/admin/account/two-factor/totp/remove', { totpProof: 'ちがうパスワードです' });
  assert.equal(wrong.statusCode, 422);
  assert.match(wrong.body, /パスワード\(または認証アプリの確認コード\)が正しくありません/);
  assert.ok((await findTotpFactor(t.site.db, user.id))?.enabledAt);
  assert.equal((await agent.post('/admin/account/two-factor/totp/remove', { totpProof: user.password })).statusCode, 303);
  assert.equal(await findTotpFactor(t.site.db, user.id), undefined);
  assert.equal(await countUnusedRecoveryCodes(t.site.db, user.id), 0);
});
