// The second step of a login: the pending login's cookie plus an authenticator-app code or
// a recovery code. The attempt is counted before the code is checked; a code is spent by
// one conditional UPDATE (each TOTP step and each recovery code works once, even when two
// requests bring it at the same moment), and the pending login is deleted in the same
// transaction that starts the session, so one pending login gives at most one session.
import { isRecoveryCodeShape, isTotpCodeShape, normalizeRecoveryCode, normalizeTotpCode } from '../../../domain/two-factor.js';
import type { SessionPolicy } from '../../../domain/session-policy.js';
import type { User } from '../../../domain/user.js';
import { recordAudit } from '../../../store/audit-log.js';
import { deletePendingLogin, findPendingLogin } from '../../../store/pending-logins.js';
import { claimTotpStep, findTotpFactor, useRecoveryCode } from '../../../store/second-factors.js';
import { findUserById } from '../../../store/users.js';
import type { ActionContext } from '../../runtime/context.js';
import { hashSessionToken } from '../session-token.js';
import { startSession } from '../start-session.js';
import { hashRecoveryCode } from './recovery-codes.js';
import { reserveSecondFactorAttempt, settleSecondFactorSuccess } from './second-factor-throttle.js';
import { openSecret } from './secret-box.js';
import { matchingTotpStep } from './totp-code.js';

export interface SecondFactorInput {
  pendingToken: string;
  code: string;
  ip: string;
  userAgent: string;
  previousToken?: string;
}

export type SecondFactorResult =
  | { isOk: true; token: string; user: User; sessionId: number }
  | { isOk: false; reason: 'expired' }
  | { isOk: false; reason: 'invalid' }
  | { isOk: false; reason: 'throttled'; retryAfterMs: number };

export async function verifySecondFactor(ctx: ActionContext, input: SecondFactorInput, policy: SessionPolicy): Promise<SecondFactorResult> {
  const now = ctx.now();
  const nowIso = now.toISOString();
  const pending = await findPendingLogin(ctx.db, hashSessionToken(input.pendingToken), nowIso);
  const user = pending && (await findUserById(ctx.db, pending.userId));
  if (!pending || !user || user.isDisabled) return { isOk: false, reason: 'expired' };

  const reservation = await reserveSecondFactorAttempt(ctx.db, user.id, input.ip, now);
  if (!reservation.isAllowed) {
    await ctx.db.transaction().execute((trx) => recordAudit(trx, { userId: user.id, login: user.login, action: 'login.second-factor.blocked', ip: input.ip }, nowIso));
    return { isOk: false, reason: 'throttled', retryAfterMs: reservation.retryAfterMs };
  }

  const totpCode = normalizeTotpCode(input.code);
  const recoveryCode = normalizeRecoveryCode(input.code);
  const method = isTotpCodeShape(totpCode) ? 'totp' : isRecoveryCodeShape(recoveryCode) ? 'recovery-code' : 'unknown';
  const totp = method === 'totp' ? await findTotpFactor(ctx.db, user.id) : undefined;
  const step = totp?.enabledAt !== undefined ? matchingTotpStep(await openSecret(ctx.db, user.id, totp.secretBox, nowIso), totpCode, now) : undefined;

  const started = await ctx.db.transaction().execute(async (trx) => {
    const isSpent =
      method === 'totp'
        ? step !== undefined && (await claimTotpStep(trx, user.id, step, {}))
        : method === 'recovery-code' && (await useRecoveryCode(trx, user.id, hashRecoveryCode(recoveryCode), nowIso));
    if (!isSpent) {
      await recordAudit(trx, { userId: user.id, login: user.login, action: 'login.second-factor.fail', detail: { method }, ip: input.ip }, nowIso);
      return undefined;
    }
    // Another request with another valid code may have finished this login first.
    if (!(await deletePendingLogin(trx, pending.id))) return undefined;
    await settleSecondFactorSuccess(trx, reservation, user.id);
    return startSession(trx, { user, ip: input.ip, userAgent: input.userAgent, previousToken: input.previousToken, detail: { method } }, policy, now);
  });
  if (!started) return { isOk: false, reason: 'invalid' };
  return { isOk: true, user, ...started };
}
