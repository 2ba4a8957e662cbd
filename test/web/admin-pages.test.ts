// The account, users and audit pages, and saving again after the session ended mid-edit.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { recordAudit } from '../../src/store/audit-log.js';
import { findUserByLogin } from '../../src/store/users.js';
import { addTestUser, attemptLogIn, csrfTokenOf, logIn, TEST_PASSWORD, type AdminAgent } from '../support/admin.js';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
const START = new Date('2026-11-20T03:00:00.000Z');
let clock = START;

before(async () => {
  t = await createTestApp();
  t.site.now = () => clock;
  await addTestUser(t.site, { login: 'owner', role: 'owner', displayName: '山川 さくら' });
  await addTestUser(t.site, { login: 'editor', role: 'editor' });
  await addTestUser(t.site, { login: 'writer', role: 'writer' });
});
after(async () => t.close());

const NEW_PASSWORD = 'あたらしい合言葉は山と川';

test('shows the navigation each role may use, and the logout button as a form', async () => {
  const links = async (agent: AdminAgent) => [...(await agent.get('/admin/')).body.matchAll(/<nav class="admin-nav"[\s\S]*?<\/nav>/g)][0]![0];
  const ownerNav = await links(await logIn(t.app, 'owner'));
  for (const label of ['ダッシュボード', '活動報告', 'メディア', 'サイト設定', 'ユーザー', '操作履歴']) assert.match(ownerNav, new RegExp(label));
  const writerNav = await links(await logIn(t.app, 'writer'));
  assert.match(writerNav, /活動報告/);
  for (const label of ['サイト設定', 'ユーザー', '操作履歴']) assert.doesNotMatch(writerNav, new RegExp(label));
  const page = (await (await logIn(t.app, 'writer')).get('/admin/')).body;
  assert.match(
    page,
    /<form method="post" action="\/admin\/logout" class="admin-logout"><input type="hidden" name="_csrf" value="[^"]+"\/><button type="submit">ログアウト<\/button><\/form>/,
  );
});

test('refuses the owner pages to editors and writers with a Japanese 403 page', async () => {
  for (const login of ['editor', 'writer']) {
    const agent = await logIn(t.app, login);
    for (const url of ['/admin/users', '/admin/audit']) {
      const response = await agent.get(url);
      assert.equal(response.statusCode, 403, `${login} ${url}`);
      assert.match(response.body, /この操作を行う権限がありません/);
    }
    const post = await agent.post('/admin/users', { login: 'intruder', role: 'owner', password: TEST_PASSWORD, passwordConfirmation: TEST_PASSWORD });
    assert.equal(post.statusCode, 403);
  }
  assert.equal(await findUserByLogin(t.site.db, 'intruder'), undefined);
});

test('adds a user; bad input is shown at the fields and what was typed is kept', async () => {
  const agent = await logIn(t.app, 'owner');
  const bad = await agent.post('/admin/users', { login: 'Sato Taro', displayName: '佐藤 太郎', role: '', password: 'password1234', passwordConfirmation: 'x' });
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /<div class="error-summary" role="alert"/);
  assert.match(bad.body, /ログイン名には半角の英小文字、数字/);
  assert.match(bad.body, /権限を選んでください。/);
  assert.match(bad.body, /よく使われていて推測されやすい/);
  assert.match(bad.body, /確認用のパスワードが一致しません。/);
  assert.match(bad.body, /id="field-login" name="login" aria-invalid="true" aria-describedby="field-login-hint field-login-error" type="text" value="Sato Taro"/);
  assert.match(bad.body, /value="佐藤 太郎"/);
  assert.doesNotMatch(bad.body, /password1234/, 'passwords are never sent back');

  const good = await agent.post('/admin/users', { login: 'sato', displayName: '佐藤 太郎', role: 'writer', password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD });
  assert.equal(good.statusCode, 303);
  assert.equal(good.headers.location, '/admin/users?notice=user-added');
  const list = await agent.get('/admin/users?notice=user-added');
  assert.match(list.body, /role="status">ユーザーを追加しました。/);
  assert.match(list.body, /<td>sato<\/td><td>佐藤 太郎<\/td>/);
  const taken = await agent.post('/admin/users', { login: 'SATO', role: 'editor', password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD });
  assert.equal(taken.statusCode, 422);
  assert.match(taken.body, /このログイン名は既に使われています。/);
});

test('changes roles and disables users, but never the last active owner', async () => {
  const owner = await logIn(t.app, 'owner');
  const editor = (await findUserByLogin(t.site.db, 'editor'))!;
  const self = (await findUserByLogin(t.site.db, 'owner'))!;

  assert.equal((await owner.post(`/admin/users/${self.id}/role`, { role: 'editor' })).statusCode, 422);
  assert.equal((await findUserByLogin(t.site.db, 'owner'))!.role, 'owner');

  assert.equal((await owner.post(`/admin/users/${editor.id}/role`, { role: 'owner' })).headers.location, '/admin/users?notice=role-changed');
  assert.equal((await findUserByLogin(t.site.db, 'editor'))!.role, 'owner');
  assert.equal((await owner.post(`/admin/users/${editor.id}/role`, { role: 'superuser' })).statusCode, 422);
  assert.equal((await owner.post(`/admin/users/${editor.id}/role`, { role: 'editor' })).statusCode, 303);

  const selfDisable = await owner.post(`/admin/users/${self.id}/disable`);
  assert.equal(selfDisable.statusCode, 422);
  assert.match(selfDisable.body, /自分自身のアカウントは無効にできません。/);

  const editorAgent = await logIn(t.app, 'editor');
  assert.equal((await owner.post(`/admin/users/${editor.id}/disable`)).statusCode, 303);
  assert.equal((await editorAgent.get('/admin/')).statusCode, 303, 'sessions end on disable');
  assert.equal((await owner.post(`/admin/users/${editor.id}/enable`)).statusCode, 303);
  assert.equal((await attemptLogIn(t.app, 'editor', TEST_PASSWORD)).response.statusCode, 303);
  assert.equal((await owner.post('/admin/users/999999/disable')).statusCode, 404);
});

test("changes one's own password: the current one is checked, other sessions end, this one stays", async () => {
  const agent = await logIn(t.app, 'writer');
  const elsewhere = await logIn(t.app, 'writer');
  const wrong = await agent.post('/admin/account/password', { currentPassword: 'ちがうパスワードです', newPassword: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD });
  assert.equal(wrong.statusCode, 422);
  assert.match(wrong.body, /現在のパスワードが正しくありません。/);
  const weak = await agent.post('/admin/account/password', { currentPassword: TEST_PASSWORD, newPassword: '123456789012', passwordConfirmation: '123456789012' });
  assert.equal(weak.statusCode, 422);
  assert.match(weak.body, /よく使われていて/);

  const ok = await agent.post('/admin/account/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD });
  assert.equal(ok.headers.location, '/admin/account?notice=password-changed');
  assert.equal((await agent.get('/admin/account')).statusCode, 200);
  assert.equal((await elsewhere.get('/admin/')).statusCode, 303);
  assert.equal((await attemptLogIn(t.app, 'writer', TEST_PASSWORD)).response.statusCode, 401);
  assert.equal((await attemptLogIn(t.app, 'writer', NEW_PASSWORD)).response.statusCode, 303);
});

test('shows the audit log newest first, fifty a page, with Japanese action names', async () => {
  await t.site.db.transaction().execute(async (trx) => {
    for (let i = 1; i <= 60; i++) await recordAudit(trx, { login: 'owner', action: 'report.publish', target: `report:${i}` }, START.toISOString());
  });
  const agent = await logIn(t.app, 'owner');
  const first = await agent.get('/admin/audit');
  assert.equal(first.statusCode, 200);
  const rows = first.body.match(/<tr><td>/g) ?? [];
  assert.equal(rows.length, 50);
  assert.ok(first.body.indexOf('ログイン</td>') < first.body.indexOf('report:60'), 'the login just made comes first');
  const older = /href="(\/admin\/audit\?before=\d+)"/.exec(first.body)![1]!;
  const second = await agent.get(older);
  assert.match(second.body, /report:1</);
  assert.match(second.body, /ユーザー追加/);
  assert.match(second.body, /最新の記録へ/);
  assert.equal((await agent.get('/admin/audit?before=abc')).statusCode, 404);
});

test('after the session ends during a save, logging in again offers to repeat the save with what was typed', async () => {
  clock = START;
  const agent = await logIn(t.app, 'owner');
  const writer = (await findUserByLogin(t.site.db, 'writer'))!;
  const note = '長い本文の一行目\n二行目 <b>そのまま</b> & "引用"';
  clock = new Date(START.getTime() + 3 * 3_600_000);

  const expired = await agent.post(`/admin/users/${writer.id}/role`, { role: 'editor', note, newPassword: 'ひみつのままにする' });
  assert.equal(expired.statusCode, 401);
  assert.match(expired.body, /ログインの有効期限が切れました。/);
  assert.match(expired.body, /name="keep.role" value="editor"/);
  assert.match(expired.body, /name="keep.note" value="長い本文の一行目\n二行目 &lt;b>そのまま&lt;\/b> &amp; &quot;引用&quot;"/);
  assert.match(expired.body, new RegExp(`name="next" value="/admin/users/${writer.id}/role"`));
  assert.doesNotMatch(expired.body, /ひみつのままにする/, 'passwords are not carried');
  assert.equal((await findUserByLogin(t.site.db, 'writer'))!.role, 'writer', 'nothing saved yet');

  // The browser submits the login form as the page gave it.
  agent.csrfToken = csrfTokenOf(expired.body);
  const resume = await agent.post('/admin/login', {
    login: 'owner',
    password: TEST_PASSWORD,
    next: `/admin/users/${writer.id}/role`,
    'keep.role': 'editor',
    'keep.note': note,
  });
  assert.equal(resume.statusCode, 200);
  assert.match(resume.body, /<h1 id="page-title">保存を続ける<\/h1>/);
  assert.match(resume.body, new RegExp(`<form method="post" action="/admin/users/${writer.id}/role"`));
  assert.match(resume.body, /name="role" value="editor"/);

  agent.csrfToken = csrfTokenOf(resume.body);
  const saved = await agent.post(`/admin/users/${writer.id}/role`, { role: 'editor', note });
  assert.equal(saved.statusCode, 303);
  assert.equal((await findUserByLogin(t.site.db, 'writer'))!.role, 'editor');
});
