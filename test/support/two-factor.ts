// Two-factor helpers for tests: codes computed as an authenticator app would (otpauth, in
// the test, from the secret the page or action showed), an authenticator app set up through
// the real actions, and a pending login as a right password leaves it.
import { TOTP } from 'otpauth';
import type { ActionContext } from '../../src/actions/runtime/context.js';
import { confirmTotpEnrolment } from '../../src/actions/users/two-factor/confirm-totp-enrolment.js';
import { startPendingLogin } from '../../src/actions/users/two-factor/start-pending-login.js';
import { startTotpEnrolment } from '../../src/actions/users/two-factor/start-totp-enrolment.js';
import type { Actor } from '../../src/domain/user.js';
import { getUserById } from '../../src/store/users.js';
import type { TestUser } from './admin.js';

/** The 6-digit code an app shows at `at` for this base32 secret. */
export function totpCodeAt(secret: string, at: Date): string {
  return new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at.getTime() });
}

export const actorOf = (user: TestUser): Actor => ({ userId: user.id, login: user.login, role: user.role, ip: '192.0.2.1' });

/** Sets up an authenticator app for `user` at the site's current time; returns the secret and the recovery codes. */
export async function enrolTotp(site: ActionContext, user: TestUser): Promise<{ secret: string; recoveryCodes: string[] }> {
  const { secret } = await startTotpEnrolment(site, actorOf(user), 'テストサイト');
  const { recoveryCodes } = await confirmTotpEnrolment(site, actorOf(user), { code: totpCodeAt(secret, site.now()) });
  return { secret, recoveryCodes };
}

/** A pending login of `user`, as logIn leaves it after the right password; returns its token. */
export async function pendingLoginOf(site: ActionContext, user: TestUser): Promise<string> {
  const found = await getUserById(site.db, user.id);
  return site.db.transaction().execute((trx) => startPendingLogin(trx, found, { ip: '192.0.2.1', userAgent: 'test' }, site.now()));
}
