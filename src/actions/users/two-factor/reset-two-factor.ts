// `katsudo user reset-2fa LOGIN` for a lost phone: every second factor of the user goes
// (authenticator app, recovery codes, passkeys), their sessions and pending logins end, and
// the user's second-factor throttle is lifted. The user signs in with the password and, if
// the policy requires it, enrols again before doing anything else.
import { normalizeLogin } from '../../../domain/user.js';
import { recordAudit } from '../../../store/audit-log.js';
import { deletePasskeysOfUser } from '../../../store/passkeys.js';
import { deletePendingLoginsOfUser } from '../../../store/pending-logins.js';
import { deleteRecoveryCodes, deleteTotpFactor } from '../../../store/second-factors.js';
import { deleteSessionsOfUser } from '../../../store/sessions.js';
import { getUserByLogin } from '../../../store/users.js';
import { deleteChallengesOfUser } from '../../../store/webauthn-challenges.js';
import type { ActionContext } from '../../runtime/context.js';
import { auditActor, VIA_CLI } from '../user-checks.js';
import { clearSecondFactorThrottle } from './second-factor-throttle.js';

export interface TwoFactorReset {
  hadTotp: boolean;
  recoveryCodes: number;
  passkeys: number;
  sessions: number;
}

/** @throws UserNotFoundError */
export async function resetTwoFactor(ctx: ActionContext, login: string): Promise<TwoFactorReset> {
  const user = await getUserByLogin(ctx.db, normalizeLogin(login));
  const nowIso = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const reset = {
      hadTotp: await deleteTotpFactor(trx, user.id),
      recoveryCodes: await deleteRecoveryCodes(trx, user.id),
      passkeys: await deletePasskeysOfUser(trx, user.id),
      sessions: await deleteSessionsOfUser(trx, user.id),
    };
    await deletePendingLoginsOfUser(trx, user.id);
    await deleteChallengesOfUser(trx, user.id);
    await clearSecondFactorThrottle(trx, user.id);
    await recordAudit(
      trx,
      { ...auditActor(undefined), action: 'two-factor.reset', target: `user:${user.id}`, detail: { login: user.login, ...reset, ...VIA_CLI } },
      nowIso,
    );
    return reset;
  });
}
