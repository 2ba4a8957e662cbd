// Starting a login session once every factor the user needs has been checked: a fresh
// random token (the session the browser had before ends, so an id planted before login is
// useless afterwards), expired sessions swept, and the audit entry. Runs inside the
// caller's transaction, with whatever else the login changes.
import type { SessionPolicy } from '../../domain/session-policy.js';
import type { User } from '../../domain/user.js';
import { recordAudit } from '../../store/audit-log.js';
import type { Db } from '../../store/database.js';
import { deleteExpiredSessions, deleteSessionById, findSessionByTokenHash, insertSession } from '../../store/sessions.js';
import { hashSessionToken, newSessionToken } from './session-token.js';

export interface SessionStart {
  user: User;
  ip: string;
  userAgent: string;
  /** The token of the session the browser still holds, if any: it ends here. */
  previousToken?: string;
  /** Audit detail, e.g. { method: 'totp' }. */
  detail?: Record<string, unknown>;
}

/** Longest user agent kept with a session: enough to tell browsers apart. */
const USER_AGENT_MAX = 300;

export async function startSession(trx: Db, start: SessionStart, policy: SessionPolicy, now: Date): Promise<{ token: string; sessionId: number }> {
  const nowIso = now.toISOString();
  const token = newSessionToken();
  if (start.previousToken) {
    const previous = await findSessionByTokenHash(trx, hashSessionToken(start.previousToken));
    if (previous) await deleteSessionById(trx, previous.session.id);
  }
  await deleteExpiredSessions(trx, nowIso, new Date(now.getTime() - policy.idleMs).toISOString());
  const sessionId = await insertSession(
    trx,
    {
      tokenHash: hashSessionToken(token),
      userId: start.user.id,
      expiresAt: new Date(now.getTime() + policy.maxMs).toISOString(),
      ip: start.ip,
      userAgent: start.userAgent.slice(0, USER_AGENT_MAX),
    },
    nowIso,
  );
  await recordAudit(trx, { userId: start.user.id, login: start.user.login, action: 'login', target: `session:${sessionId}`, detail: start.detail, ip: start.ip }, nowIso);
  return { token, sessionId };
}
