// The audit log under abuse: a blocked address hammering the login form leaves one counted
// row per window, not a row per attempt, and the owner sees the counts and the retention.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { listAudit, recordAudit } from '../../src/store/audit-log.js';
import { buildServer } from '../../src/web/server.js';
import { AdminAgent, addTestUser, csrfTokenOf, logIn, TEST_PASSWORD } from '../support/admin.js';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../support/app.js';

let t: TestApp;
const clock = new Date('2026-11-20T03:00:00.000Z');

before(async () => {
  t = await createTestApp();
  t.site.now = () => clock;
  await addTestUser(t.site, { login: 'owner', role: 'owner' });
});
after(async () => t.close());

/** An agent from `ip` whose address is blocked after eleven failures. */
async function blockedAgent(ip: string): Promise<AdminAgent> {
  const agent = new AdminAgent(t.app, ip);
  agent.csrfToken = csrfTokenOf((await agent.get('/admin/login')).body);
  for (let i = 0; i < 11; i++) await agent.post('/admin/login', { login: `guess${i}`, password: 'まちがいのパスワード' });
  return agent;
}

test('a blocked address hammering the login form with any logins leaves one row with the count, apart from another address', async () => {
  const first = await blockedAgent('198.51.100.1');
  const second = await blockedAgent('198.51.100.2');
  const rowsBefore = (
    await t.site.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;
  const hammer = (agent: AdminAgent, times: number) =>
    Array.from({ length: times }, (_, i) => agent.post('/admin/login', { login: i % 2 ? 'owner' : `made-up-${i}`, password: TEST_PASSWORD }));
  const responses = await Promise.all([...hammer(first, 120), ...hammer(second, 30)]);
  assert.ok(responses.every((r) => r.statusCode === 429));

  const rowsAfter = (
    await t.site.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;
  assert.equal(rowsAfter - rowsBefore, 2);
  const blocked = await listAudit(t.site.db, { limit: 10, action: 'login.blocked' });
  assert.deepEqual(blocked.map((e) => [e.ip, e.login, e.detail, e.count]).sort(), [
    ['198.51.100.1', '', '{"blocked":"address"}', 120],
    ['198.51.100.2', '', '{"blocked":"address"}', 30],
  ]);
});

test('a refused login on a blocked account keeps the login, one row per address and window', async () => {
  const agent = (ip: string) => new AdminAgent(t.app, ip);
  const agents = Array.from({ length: 8 }, (_, i) => agent(`192.0.2.${i + 1}`));
  for (const a of agents) a.csrfToken = csrfTokenOf((await a.get('/admin/login')).body);
  for (const a of agents.slice(0, 6)) await a.post('/admin/login', { login: 'owner', password: 'まちがいのパスワード' });
  await Promise.all([0, 1, 2].map(() => agents[6]!.post('/admin/login', { login: 'owner', password: TEST_PASSWORD })));
  await agents[7]!.post('/admin/login', { login: 'owner', password: TEST_PASSWORD });
  const blocked = await listAudit(t.site.db, { limit: 10, action: 'login.blocked' });
  const ofAccount = blocked.filter((e) => e.detail === '{"blocked":"account"}').map((e) => [e.ip, e.login, e.count]);
  assert.deepEqual(ofAccount.sort(), [
    ['192.0.2.7', 'owner', 3],
    ['192.0.2.8', 'owner', 1],
  ]);
});

test('the audit page shows how long entries are kept and how often a folded entry happened', async () => {
  await t.site.db.deleteFrom('login_throttle').execute(); // the owner was blocked above
  const app = await buildServer({ ctx: t.site, baseUrl: TEST_BASE_URL, logLevel: 'silent', auditRetentionDays: 90 });
  try {
    const agent = await logIn(app, 'owner');
    const page = await agent.get('/admin/audit');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /操作履歴は90日間保存されます/);
    assert.match(page.body, /10分ごとに1行にまとめ/);
    assert.match(page.body, /ログイン拒否\(試行制限中\)<span class="audit-repeat"><br\/?>同じ操作 120 回\(最後: /);
    assert.doesNotMatch(page.body, /同じ操作 1 回/);
  } finally {
    await app.close();
  }
  const byDefault = await (await logIn(t.app, 'owner')).get('/admin/audit');
  assert.match(byDefault.body, /操作履歴は365日間保存されます/);
});

test('report, page and media actions are named in Japanese in the audit log', async () => {
  await t.site.db.deleteFrom('login_throttle').execute();
  for (const action of ['page.publish', 'page.restore_revision', 'report.publish', 'page.delete', 'media.attach']) {
    await recordAudit(t.site.db, { login: 'owner', action, target: 'page:1' }, clock.toISOString());
  }
  const page = await (await logIn(t.app, 'owner')).get('/admin/audit');
  for (const label of ['ページの公開', 'ページの以前の版の復元', '報告の公開', 'ページの完全に削除', '添付資料の追加・変更'])
    assert.match(page.body, new RegExp(label.replace(/[()]/g, '\\$&')));
  assert.doesNotMatch(page.body, />page\.publish</);
});
