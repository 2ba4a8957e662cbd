// Logging in: an attempt reserved on the throttle, password check (argon2id), and a new
// session. Every attempt is audited. A fresh random token is issued at each login and the session the browser
// had before ends, so an id planted before login is useless afterwards.
import { ACCOUNT_BACKOFF, IP_BACKOFF, type BackoffPolicy } from '../domain/login-backoff.js';
import { PASSWORD_MAX_LENGTH } from '../domain/password-policy.js';
import type { SessionPolicy } from '../domain/session-policy.js';
import { loginProblem, normalizeLogin, type User } from '../domain/user.js';
import { recordAudit } from '../store/audit-log.js';
import { clearThrottle, giveBackAttempt, reserveAttempts } from '../store/login-throttle.js';
import { deleteExpiredSessions, deleteSessionById, findSessionByTokenHash, insertSession } from '../store/sessions.js';
import { findCredentials } from '../store/users.js';
import type { ActionContext } from './context.js';
import { verifyNothing, verifyPassword } from './password-hashing.js';
import { hashSessionToken, newSessionToken } from './session-token.js';

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
  | { isOk: false; reason: 'throttled'; retryAfterMs: number };

export const ipThrottleKey = (ip: string) => `ip:${ip}`;
export const accountThrottleKey = (login: string) => `login:${login}`;

/** Longest user agent kept with a session: enough to tell browsers apart. */
const USER_AGENT_MAX = 300;

export async function logIn(ctx: ActionContext, input: LogInInput, policy: SessionPolicy): Promise<LogInResult> {
  const now = ctx.now();
  const nowIso = now.toISOString();
  const login = normalizeLogin(input.login).slice(0, 200);
  const keys: [string, BackoffPolicy][] = [[ipThrottleKey(input.ip), IP_BACKOFF]];
  // Malformed logins cannot exist, so they count against the address only.
  if (loginProblem(login) === undefined) keys.push([accountThrottleKey(login), ACCOUNT_BACKOFF]);

  // Counted before the password is checked, so a burst of attempts cannot all get past the
  // count while argon2 runs (issue 9); a failure simply keeps its reservation.
  const reservation = await reserveAttempts(ctx.db, keys, now);
  if (!reservation.isAllowed) {
    // The password is not even checked: a block must not reveal whether it was right.
    await ctx.db.transaction().execute((trx) => recordAudit(trx, { login, action: 'login.blocked', ip: input.ip }, nowIso));
    return { isOk: false, reason: 'throttled', retryAfterMs: reservation.retryAfterMs };
  }

  const credentials = loginProblem(login) === undefined ? await findCredentials(ctx.db, login) : undefined;
  const isUsable = credentials !== undefined && !credentials.user.isDisabled && input.password.length <= PASSWORD_MAX_LENGTH * 4;
  const isRight = isUsable ? await verifyPassword(credentials.passwordHash, input.password) : await verifyNothing(input.password);

  if (!isRight || !credentials) {
    const reason = !credentials ? 'unknown' : credentials.user.isDisabled ? 'disabled' : 'password';
    await ctx.db.transaction().execute((trx) =>
      recordAudit(trx, { userId: credentials?.user.id, login, action: 'login.fail', detail: { reason }, ip: input.ip }, nowIso),
    );
    return { isOk: false, reason: 'invalid' };
  }

  const { user } = credentials;
  const token = newSessionToken();
  const sessionId = await ctx.db.transaction().execute(async (trx) => {
    // A success does not count against the address, and ends the account's run of failures.
    const ipAttempt = reservation.reserved.find((r) => r.key === ipThrottleKey(input.ip));
    if (ipAttempt) await giveBackAttempt(trx, ipAttempt);
    await clearThrottle(trx, accountThrottleKey(login));
    if (input.previousToken) {
      const previous = await findSessionByTokenHash(trx, hashSessionToken(input.previousToken));
      if (previous) await deleteSessionById(trx, previous.session.id);
    }
    await deleteExpiredSessions(trx, nowIso, new Date(now.getTime() - policy.idleMs).toISOString());
    const id = await insertSession(
      trx,
      {
        tokenHash: hashSessionToken(token),
        userId: user.id,
        expiresAt: new Date(now.getTime() + policy.maxMs).toISOString(),
        ip: input.ip,
        userAgent: input.userAgent.slice(0, USER_AGENT_MAX),
      },
      nowIso,
    );
    await recordAudit(trx, { userId: user.id, login, action: 'login', target: `session:${id}`, ip: input.ip }, nowIso);
    return id;
  });
  return { isOk: true, token, user, sessionId };
}
