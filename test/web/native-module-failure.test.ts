// A native module that does not load (issue 9, item 7): logins say the server is at fault,
// never "wrong password", /readyz answers 503 naming the module, and an image upload answers 503 (its cause
// logged). argon2 and sharp are made unloadable for this process only.
import { BROKEN_MODULE_MESSAGE } from '../support/break-native-modules.js';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { hashSessionToken, newSessionToken } from '../../src/actions/users/session-token.js';
import { insertSession } from '../../src/store/sessions.js';
import { buildServer } from '../../src/web/server.js';
import { AdminAgent, attemptLogIn, TEST_PASSWORD } from '../support/admin.js';
import { TEST_BASE_URL } from '../support/app.js';
import { createTestSite, type TestSite } from '../support/db.js';

// argon2id of TEST_PASSWORD, made beforehand: argon2 cannot run in this process.
const TEST_PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$2SZVJtaoZgXOJHKkSHymnQ$E3no9Suj/SY74ZEpTnsaefXsoyG6bnd+PDfv5ytkaEg';
// The smallest PNG: one transparent pixel.
const PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

let site: TestSite;
let app: FastifyInstance;
const logLines: string[] = [];
const logged = () => logLines.join('');

before(async () => {
  site = await createTestSite();
  const at = '2026-01-01T00:00:00.000Z';
  await site.db
    .insertInto('users')
    .values({ id: 1, login: 'editor', display_name: '編集 太郎', password_hash: TEST_PASSWORD_HASH, role: 'editor', created_at: at, updated_at: at })
    .execute();
  app = await buildServer({ ctx: site, baseUrl: TEST_BASE_URL, logLevel: 'error', logStream: { write: (line) => void logLines.push(line) } });
});
after(async () => {
  await app.close();
  await site.cleanup();
});

test('answers a login with the right password 503 and an honest message, never "wrong password", and logs the cause', async () => {
  const { response } = await attemptLogIn(app, 'editor', TEST_PASSWORD);
  assert.equal(response.statusCode, 503);
  assert.match(response.body, /サーバーの不具合により、パスワードを確認できませんでした/);
  assert.doesNotMatch(response.body, /ログイン名またはパスワードが正しくありません/);
  assert.equal(
    response.cookies.find((c) => c.name === 'katsudo_session'),
    undefined,
  );
  assert.match(logged(), /login failed: password hashing is unavailable/);
  assert.ok(logged().includes(`${BROKEN_MODULE_MESSAGE}: cannot load @node-rs/argon2`), 'the cause is in the log');
});

test('answers a login with a wrong password the same way: the password was never checked', async () => {
  const { response } = await attemptLogIn(app, 'editor', 'まったく違うパスワードです');
  assert.equal(response.statusCode, 503);
  assert.doesNotMatch(response.body, /ログイン名またはパスワードが正しくありません/);
});

test('gives the reserved throttle attempts back: a broken installation does not count as failed logins', async () => {
  for (let i = 0; i < 6; i++) assert.equal((await attemptLogIn(app, 'editor', `違うパスワード${i}`)).response.statusCode, 503);
  const rows = await site.db.selectFrom('login_throttle').select(['key', 'failures', 'blocked_until']).execute();
  assert.ok(rows.length > 0, 'attempts were reserved');
  for (const row of rows) {
    assert.equal(row.failures, 0, row.key);
    assert.ok(Date.parse(row.blocked_until) <= Date.now(), `${row.key} is not blocked`);
  }
});

test('/readyz answers 503 naming the modules that failed; /healthz still answers', async () => {
  const ready = await app.inject({ method: 'GET', url: '/readyz' });
  assert.equal(ready.statusCode, 503);
  assert.equal(ready.headers['cache-control'], 'no-store');
  // `disk` depends on this machine's free space (low-free-space.test.ts checks it).
  const body = ready.json<{ status: string; checks: Record<string, string> }>();
  const { disk, ...checks } = body.checks;
  assert.deepEqual({ ...body, checks }, { status: 'unavailable', checks: { database: 'ok', migrations: 'ok', argon2: 'failed', sharp: 'failed' } });
  assert.ok(disk === 'ok' || disk === 'low');
  assert.ok(!ready.body.includes(BROKEN_MODULE_MESSAGE), 'causes stay in the log');
  assert.match(logged(), /readiness check failed: sharp/);
  const live = await app.inject({ method: 'GET', url: '/healthz' });
  assert.equal(live.statusCode, 200);
});

test('answers an image upload 503 (the server is at fault, not the image), keeps nothing, and logs the cause', async () => {
  // Signed in through a session row: logging in needs the argon2 this process lacks.
  const token = newSessionToken();
  await site.db
    .transaction()
    .execute((trx) =>
      insertSession(
        trx,
        { tokenHash: hashSessionToken(token), userId: 1, expiresAt: '2099-01-01T00:00:00.000Z', ip: '127.0.0.1', userAgent: 'test' },
        new Date().toISOString(),
      ),
    );
  const agent = new AdminAgent(app);
  agent.cookies.set('katsudo_session', token);
  await agent.refreshCsrf();
  const boundary = '----katsudoNativeFailure';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${agent.csrfToken}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="altText"\r\n\r\n一画素の画像\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="pixel.png"\r\nContent-Type: image/png\r\n\r\n`),
    PIXEL_PNG,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const before = logLines.length;
  const response = await agent.inject({ method: 'POST', url: '/admin/media', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
  assert.equal(response.statusCode, 503);
  assert.doesNotMatch(response.body, /画像として読み込めません|読み込めませんでした/);
  assert.equal((await site.db.selectFrom('media').select('id').execute()).length, 0);
  const lines = logLines.slice(before).join('');
  assert.match(lines, /NATIVE_MODULE_UNAVAILABLE|the native module sharp could not be loaded/);
  assert.ok(lines.includes(`${BROKEN_MODULE_MESSAGE}: cannot load sharp`), lines);
  assert.match(lines, /"stack":/);
});
