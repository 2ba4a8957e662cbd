// Recovery codes (each once, even fired at once; regenerated on demand after re-auth),
// the second-factor throttle under a burst, and `reset-2fa`'s action.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { regenerateRecoveryCodes } from '../../../src/actions/users/two-factor/regenerate-recovery-codes.js';
import { resetTwoFactor } from '../../../src/actions/users/two-factor/reset-two-factor.js';
import { verifySecondFactor } from '../../../src/actions/users/two-factor/verify-second-factor.js';
import { ValidationError } from '../../../src/domain/errors.js';
import { DEFAULT_SESSION_POLICY } from '../../../src/domain/session-policy.js';
import { SECOND_FACTOR_BACKOFF } from '../../../src/domain/two-factor.js';
import { listAudit } from '../../../src/store/audit-log.js';
import { countUnusedRecoveryCodes, findTotpFactor } from '../../../src/store/second-factors.js';
import { listSessionsOfUser } from '../../../src/store/sessions.js';
import { addTestUser, TEST_PASSWORD, type TestUser } from '../../support/admin.js';
import { createTestSite, type TestSite } from '../../support/db.js';
import { actorOf, enrolTotp, pendingLoginOf, totpCodeAt } from '../../support/two-factor.js';

let site: TestSite;
let clock = new Date('2026-11-20T03:00:00.000Z');
let users = 0;
let ips = 0;

before(async () => {
  site = await createTestSite({ now: () => clock });
});
after(async () => site.cleanup());

async function freshUser(): Promise<TestUser> {
  users += 1;
  clock = new Date(clock.getTime() + 600_000);
  return addTestUser(site, { login: `rc${users}`, role: 'writer' });
}

const freshIp = () => `198.51.100.${++ips}`;

async function secondStep(user: TestUser, code: string, pendingToken?: string, ip = freshIp()) {
  return verifySecondFactor(site, { pendingToken: pendingToken ?? (await pendingLoginOf(site, user)), code, ip, userAgent: 'test' }, DEFAULT_SESSION_POLICY);
}

test('a recovery code signs in once, typed in any case and with or without its hyphen', async () => {
  const user = await freshUser();
  const { recoveryCodes } = await enrolTotp(site, user);
  const code = recoveryCodes[0]!;
  const typed = `  ${code.toUpperCase().replace('-', ' ')} `;
  assert.equal((await secondStep(user, typed)).isOk, true);
  assert.deepEqual(await secondStep(user, code), { isOk: false, reason: 'invalid' });
  assert.equal(await countUnusedRecoveryCodes(site.db, user.id), 9);
  const uses = (await listAudit(site.db, { limit: 20, action: 'login' })).filter((e) => e.userId === user.id);
  assert.equal(uses[0]?.detail, '{"method":"recovery-code"}');
});

test('ten simultaneous uses of one recovery code let exactly one in', async () => {
  const user = await freshUser();
  const { recoveryCodes } = await enrolTotp(site, user);
  const tokens = await Promise.all(Array.from({ length: 10 }, () => pendingLoginOf(site, user)));
  const results = await Promise.all(tokens.map((token) => secondStep(user, recoveryCodes[1]!, token)));
  assert.equal(results.filter((r) => r.isOk).length, 1);
  assert.equal(await countUnusedRecoveryCodes(site.db, user.id), 9);
});

test(`checks at most ${SECOND_FACTOR_BACKOFF.freeFailures + 1} codes of 50 simultaneous guesses, and the right code after them stays out`, async () => {
  const user = await freshUser();
  const { secret } = await enrolTotp(site, user);
  clock = new Date(clock.getTime() + 60_000);
  const right = totpCodeAt(secret, clock);
  const pendingToken = await pendingLoginOf(site, user);
  // Each guess from its own address: only the user's key can stop them.
  const guesses = Array.from({ length: 50 }, (_, i) => (i === 40 ? right : String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0')));
  const results = await Promise.all(guesses.map((code) => secondStep(user, code, pendingToken)));
  const checked = results.filter((r) => r.isOk || r.reason === 'invalid').length;
  const throttled = results.filter((r) => !r.isOk && r.reason === 'throttled').length;
  assert.ok(checked <= SECOND_FACTOR_BACKOFF.freeFailures + 1, `${checked} codes checked`);
  assert.equal(checked + throttled, 50);
  assert.equal(results.filter((r) => r.isOk).length, 0, 'the right code came after the block');
  const blocked = await secondStep(user, right, pendingToken);
  assert.equal(blocked.isOk, false);
  assert.equal(!blocked.isOk && blocked.reason, 'throttled');
});

test('new recovery codes need the password or a current code, and replace the old ones', async () => {
  const user = await freshUser();
  const { secret, recoveryCodes } = await enrolTotp(site, user);
  await assert.rejects(regenerateRecoveryCodes(site, actorOf(user), { proof: 'まちがったパスワードです' }), ValidationError);
  const fresh = await regenerateRecoveryCodes(site, actorOf(user), { proof: TEST_PASSWORD });
  assert.equal(fresh.length, 10);
  assert.deepEqual(await secondStep(user, recoveryCodes[2]!), { isOk: false, reason: 'invalid' }, 'an old code no longer works');
  clock = new Date(clock.getTime() + 60_000);
  const again = await regenerateRecoveryCodes(site, actorOf(user), { proof: totpCodeAt(secret, clock) });
  assert.equal((await secondStep(user, fresh[0]!)).isOk, false, 'the previous set no longer works');
  assert.equal((await secondStep(user, again[0]!)).isOk, true);
  // Repeated identical events may be folded into one audit row.
  const audited = (await listAudit(site.db, { limit: 50, action: 'two-factor.recovery.regenerate' })).filter((e) => e.userId === user.id);
  assert.ok(audited.length >= 1);
});

test('reset removes every second factor, ends the sessions and is audited', async () => {
  const user = await freshUser();
  const { recoveryCodes } = await enrolTotp(site, user);
  assert.equal((await secondStep(user, recoveryCodes[0]!)).isOk, true);
  assert.equal((await listSessionsOfUser(site.db, user.id)).length, 1);
  const reset = await resetTwoFactor(site, user.login.toUpperCase());
  assert.deepEqual(reset, { hadTotp: true, recoveryCodes: 10, passkeys: 0, sessions: 1 });
  assert.equal(await findTotpFactor(site.db, user.id), undefined);
  assert.equal(await countUnusedRecoveryCodes(site.db, user.id), 0);
  assert.equal((await listSessionsOfUser(site.db, user.id)).length, 0);
  const entry = (await listAudit(site.db, { limit: 1, action: 'two-factor.reset' }))[0];
  assert.equal(entry?.target, `user:${user.id}`);
  assert.match(entry!.detail, /"via":"cli"/);
});

test('asking for the password again counts on the account throttle: a borrowed session cannot guess it', async () => {
  const user = await freshUser();
  await enrolTotp(site, user);
  for (let i = 0; i < 6; i++) await assert.rejects(regenerateRecoveryCodes(site, actorOf(user), { proof: `まちがったパスワード${i}` }), ValidationError);
  await assert.rejects(regenerateRecoveryCodes(site, actorOf(user), { proof: TEST_PASSWORD }), (error: ValidationError) => /待って/.test(error.fields.proof ?? ''));
  clock = new Date(clock.getTime() + 120_000);
  assert.equal((await regenerateRecoveryCodes(site, actorOf(user), { proof: TEST_PASSWORD })).length, 10);
});
