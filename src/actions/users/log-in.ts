// Logging in: an attempt reserved on the throttle, password check (argon2id), and a new
// session (start-session.ts), or a pending login when the user has a second factor. Every
// attempt is audited.
import { NativeModuleError } from '../../domain/errors.js';
import { ACCOUNT_BACKOFF, IP_BACKOFF, type BackoffPolicy } from '../../domain/login-backoff.js';
import { PASSWORD_MAX_LENGTH } from '../../domain/password-policy.js';
import type { SessionPolicy } from '../../domain/session-policy.js';
import { throttleAddress } from '../../domain/throttle-address.js';
import { loginProblem, normalizeLogin, type User } from '../../domain/user.js';
import { recordAudit, type AuditEntryInput } from '../../store/audit-log.js';
import { clearThrottle, giveBackAttempt, reserveAttempts } from '../../store/login-throttle.js';
import { findCredentials } from '../../store/users.js';
import type { ActionContext } from '../runtime/context.js';
import { verifyNothing, verifyPassword } from './password-hashing.js';
import { startSession } from './start-session.js';
import { hasSecondFactor } from './two-factor/has-second-factor.js';
import { startPendingLogin } from './two-factor/start-pending-login.js';

export interface LogInInput {
  login: string;
  password: string;
  ip: string;
  userAgent: string;
  /** The token of the session the browser still holds, if any: it ends here. */
  previousToken?: string;
}

export type LogInResult =
  | { isOk: true; token: string; user: User; sessionId: number }
  | { isOk: false; reason: 'invalid' }
  | { isOk: false; reason: 'throttled'; retryAfterMs: number }
  /** Password right; the user has a second factor: `pendingToken` is for the second step. */
  | { isOk: false; reason: 'second-factor'; user: User; pendingToken: string };

/** Per address; an IPv6 client's whole /64 counts as one (domain/throttle-address.ts). */
export const ipThrottleKey = (ip: string) => `ip:${throttleAddress(ip)}`;
export const accountThrottleKey = (login: string) => `login:${login}`;

export async function logIn(ctx: ActionContext, input: LogInInput, policy: SessionPolicy): Promise<LogInResult> {
  const now = ctx.now();
  const nowIso = now.toISOString();
  const login = normalizeLogin(input.login).slice(0, 200);
  const keys: [string, BackoffPolicy][] = [[ipThrottleKey(input.ip), IP_BACKOFF]];
  // Malformed logins cannot exist, so they count against the address only.
  if (loginProblem(login) === undefined) keys.push([accountThrottleKey(login), ACCOUNT_BACKOFF]);

  // Counted before the password is checked, so a burst of attempts cannot all get past the
  // count while argon2 runs (issue 9); a failure simply keeps its reservation, a server fault
  // (argon2 not loading) gives it back.
  const reservation = await reserveAttempts(ctx.db, keys, now);
  if (!reservation.isAllowed) {
    // The password is not even checked: a block must not reveal whether it was right.
    await ctx.db.transaction().execute((trx) => recordAudit(trx, blockedEntry(input.ip, login, reservation.blockedKeys), nowIso));
    return { isOk: false, reason: 'throttled', retryAfterMs: reservation.retryAfterMs };
  }

  const credentials = loginProblem(login) === undefined ? await findCredentials(ctx.db, login) : undefined;
  const isUsable = credentials !== undefined && !credentials.user.isDisabled && input.password.length <= PASSWORD_MAX_LENGTH * 4;
  let isRight: boolean;
  try {
    isRight = isUsable ? await verifyPassword(credentials.passwordHash, input.password) : await verifyNothing(input.password);
  } catch (error) {
    // A broken installation (argon2 not loading) checked no password: it must not count as
    // failed logins and block people once the server is fixed.
    if (error instanceof NativeModuleError) {
      await ctx.db.transaction().execute(async (trx) => {
        for (const attempt of reservation.reserved) await giveBackAttempt(trx, attempt);
      });
    }
    throw error;
  }

  if (!isRight || !credentials) {
    const reason = !credentials ? 'unknown' : credentials.user.isDisabled ? 'disabled' : 'password';
    await ctx.db
      .transaction()
      .execute((trx) => recordAudit(trx, { userId: credentials?.user.id, login, action: 'login.fail', detail: { reason }, ip: input.ip }, nowIso));
    return { isOk: false, reason: 'invalid' };
  }

  const { user } = credentials;
  const needsSecondFactor = await hasSecondFactor(ctx.db, user.id);
  return ctx.db.transaction().execute(async (trx): Promise<LogInResult> => {
    // A success does not count against the address, and ends the account's run of failures.
    const ipAttempt = reservation.reserved.find((r) => r.key === ipThrottleKey(input.ip));
    if (ipAttempt) await giveBackAttempt(trx, ipAttempt);
    await clearThrottle(trx, accountThrottleKey(login));
    if (needsSecondFactor) {
      // The password alone is not enough: the second step (actions/users/two-factor/) starts the session.
      return { isOk: false, reason: 'second-factor', user, pendingToken: await startPendingLogin(trx, user, input, now) };
    }
    return { isOk: true, user, ...(await startSession(trx, { user, ip: input.ip, userAgent: input.userAgent, previousToken: input.previousToken }, policy, now)) };
  });
}

/**
 * The audit entry of a refused attempt, the same for every attempt from one blocked source,
 * so a hammering client fills one counted row per window (issue 9): the throttled address
 * (an IPv6 client's /64), and the typed login only when the account is what is blocked; a
 * blocked address could otherwise write a row per made-up login.
 */
function blockedEntry(ip: string, login: string, blockedKeys: string[]): AuditEntryInput {
  const isAddressBlocked = blockedKeys.includes(ipThrottleKey(ip));
  return {
    login: isAddressBlocked ? '' : login,
    action: 'login.blocked',
    detail: { blocked: isAddressBlocked ? 'address' : 'account' },
    ip: throttleAddress(ip),
  };
}
