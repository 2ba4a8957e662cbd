// The session a request's cookie names, if it is still valid: not expired (idle or
// absolute) and its user not disabled. Checked on every admin request.
import { isSessionAlive, type SessionPolicy } from '../../domain/session-policy.js';
import type { User } from '../../domain/user.js';
import type { Session } from '../../domain/session.js';
import { deleteSessionById, findSessionByTokenHash, touchSession } from '../../store/sessions.js';
import type { ActionContext } from '../runtime/context.js';
import { hashSessionToken } from './session-token.js';

export interface ActiveSession {
  session: Session;
  user: User;
  tokenHash: string;
}

/** Idle time is tracked to the minute: one write per minute per session, not per request. */
const TOUCH_EVERY_MS = 60_000;

export async function findActiveSession(ctx: ActionContext, token: string, policy: SessionPolicy): Promise<ActiveSession | undefined> {
  // Tokens are 43 base64url characters; anything else cannot match and is not worth a query.
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const tokenHash = hashSessionToken(token);
  const found = await findSessionByTokenHash(ctx.db, tokenHash);
  if (!found) return undefined;
  const now = ctx.now();
  if (found.user.isDisabled || !isSessionAlive(found.session, now, policy)) {
    await deleteSessionById(ctx.db, found.session.id);
    return undefined;
  }
  if (now.getTime() - Date.parse(found.session.lastSeenAt) >= TOUCH_EVERY_MS) {
    await touchSession(ctx.db, found.session.id, now.toISOString());
  }
  return { ...found, tokenHash };
}
