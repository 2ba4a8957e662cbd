// Authenticator-app codes: enrolment, the ±1 step window, each code once, sealed secrets.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { confirmTotpEnrolment } from '../../../src/actions/users/two-factor/confirm-totp-enrolment.js';
import { startTotpEnrolment } from '../../../src/actions/users/two-factor/start-totp-enrolment.js';
import { verifySecondFactor } from '../../../src/actions/users/two-factor/verify-second-factor.js';
import { DEFAULT_SESSION_POLICY } from '../../../src/domain/session-policy.js';
import { ValidationError } from '../../../src/domain/errors.js';
import { listAudit } from '../../../src/store/audit-log.js';
import { findTotpFactor } from '../../../src/store/second-factors.js';
import { addTestUser, type TestUser } from '../../support/admin.js';
import { createTestSite, type TestSite } from '../../support/db.js';
import { actorOf, enrolTotp, pendingLoginOf, totpCodeAt } from '../../support/two-factor.js';

let site: TestSite;
let clock = new Date('2026-11-20T03:00:00.000Z');
let users = 0;

before(async () => {
  site = await createTestSite({ now: () => clock });
});
after(async () => site.cleanup());

/** The clock only moves forward (throttle rows remember times); each test starts 10 minutes on. */
async function freshUser(): Promise<TestUser> {
  users += 1;
  clock = at(600);
  return addTestUser(site, { login: `totp${users}`, role: 'editor' });
}

const at = (seconds: number) => new Date(clock.getTime() + seconds * 1000);

async function secondStep(user: TestUser, code: string) {
  const pendingToken = await pendingLoginOf(site, user);
  return verifySecondFactor(site, { pendingToken, code, ip: '192.0.2.1', userAgent: 'test' }, DEFAULT_SESSION_POLICY);
}

test('enables the app only after a right code, and returns ten recovery codes once', async () => {
  const user = await freshUser();
  const { secret } = await startTotpEnrolment(site, actorOf(user), 'テストサイト');
  assert.match(secret, /^[A-Z2-7]{32}$/);
  await assert.rejects(confirmTotpEnrolment(site, actorOf(user), { code: '000000' === totpCodeAt(secret, clock) ? '111111' : '000000' }), ValidationError);
  assert.equal((await findTotpFactor(site.db, user.id))?.enabledAt, undefined);
  const { recoveryCodes } = await confirmTotpEnrolment(site, actorOf(user), { code: totpCodeAt(secret, clock) });
  assert.equal(recoveryCodes.length, 10);
  assert.equal(new Set(recoveryCodes).size, 10);
  for (const code of recoveryCodes) assert.match(code, /^[a-z2-9]{5}-[a-z2-9]{5}$/);
  assert.ok((await findTotpFactor(site.db, user.id))?.enabledAt);
  const actions = (await listAudit(site.db, { limit: 10 })).filter((e) => e.target === `user:${user.id}` && e.action.startsWith('two-factor.')).map((e) => e.action);
  assert.deepEqual(actions, ['two-factor.totp.enable', 'two-factor.totp.enable-fail']);
});

test('keeps neither the secret nor the recovery codes readable in the database', async () => {
  const user = await freshUser();
  const { secret, recoveryCodes } = await enrolTotp(site, user);
  const totpRows = await site.db.selectFrom('totp_factors').selectAll().execute();
  const codeRows = await site.db.selectFrom('recovery_codes').selectAll().where('user_id', '=', user.id).execute();
  const dump = JSON.stringify([totpRows, codeRows]);
  assert.ok(!dump.includes(secret), 'the base32 secret is sealed');
  for (const code of recoveryCodes) assert.ok(!dump.includes(code) && !dump.includes(code.replace('-', '')), 'codes are hashed');
  assert.equal(codeRows.length, 10);
  for (const row of codeRows) assert.match(row.code_hash, /^[0-9a-f]{64}$/);
});

test('accepts the codes of the step before and after, and refuses two steps away', async () => {
  const user = await freshUser();
  const { secret } = await enrolTotp(site, user);
  clock = at(90);
  assert.equal(await secondStep(user, totpCodeAt(secret, at(-60))).then((r) => r.isOk), false, '-2 steps');
  assert.equal(await secondStep(user, totpCodeAt(secret, at(60))).then((r) => r.isOk), false, '+2 steps');
  assert.equal(await secondStep(user, totpCodeAt(secret, at(-30))).then((r) => r.isOk), true, '-1 step');
  assert.equal(await secondStep(user, totpCodeAt(secret, at(30))).then((r) => r.isOk), true, '+1 step');
});

test('accepts each code once, and no older code after a newer one', async () => {
  const user = await freshUser();
  const { secret } = await enrolTotp(site, user);
  clock = at(60);
  const code = totpCodeAt(secret, clock);
  const first = await secondStep(user, code);
  assert.equal(first.isOk, true);
  const again = await secondStep(user, code);
  assert.deepEqual(again, { isOk: false, reason: 'invalid' });
  assert.equal((await secondStep(user, totpCodeAt(secret, at(-30)))).isOk, false, 'the step before was not used, but is older');
});

test('lets one of two simultaneous submissions of the same code in', async () => {
  const user = await freshUser();
  const { secret } = await enrolTotp(site, user);
  clock = at(60);
  const code = totpCodeAt(secret, clock);
  const tokens = await Promise.all(Array.from({ length: 5 }, () => pendingLoginOf(site, user)));
  const results = await Promise.all(
    tokens.map((pendingToken) => verifySecondFactor(site, { pendingToken, code, ip: '192.0.2.1', userAgent: 'test' }, DEFAULT_SESSION_POLICY)),
  );
  assert.equal(results.filter((r) => r.isOk).length, 1);
});

test('refuses an unknown or expired pending login without checking the code', async () => {
  const user = await freshUser();
  const { secret } = await enrolTotp(site, user);
  const unknown = await verifySecondFactor(
    site,
    { pendingToken: 'x'.repeat(43), code: totpCodeAt(secret, clock), ip: '192.0.2.1', userAgent: 't' },
    DEFAULT_SESSION_POLICY,
  );
  assert.deepEqual(unknown, { isOk: false, reason: 'expired' });
  const pendingToken = await pendingLoginOf(site, user);
  clock = at(6 * 60);
  const late = await verifySecondFactor(site, { pendingToken, code: totpCodeAt(secret, clock), ip: '192.0.2.1', userAgent: 't' }, DEFAULT_SESSION_POLICY);
  assert.deepEqual(late, { isOk: false, reason: 'expired' });
});
