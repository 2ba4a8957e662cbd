// Ending one's own sessions from the account page: one (a lost phone) or all but the current.
import type { Actor } from '../../domain/user.js';
import { recordAudit } from '../../store/audit-log.js';
import { deleteSession, deleteSessionsOfUser } from '../../store/sessions.js';
import type { ActionContext } from '../runtime/context.js';
import { auditActor } from './user-checks.js';

/** False when the session was not the actor's or had already ended. */
export async function revokeSession(ctx: ActionContext, actor: Actor, sessionId: number): Promise<boolean> {
  const nowIso = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const isDeleted = await deleteSession(trx, actor.userId, sessionId);
    if (isDeleted) await recordAudit(trx, { ...auditActor(actor), action: 'session.revoke', target: `session:${sessionId}` }, nowIso);
    return isDeleted;
  });
}

/** Ends every session of the actor except `currentSessionId`; returns how many ended. */
export async function revokeOtherSessions(ctx: ActionContext, actor: Actor, currentSessionId: number): Promise<number> {
  const nowIso = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const count = await deleteSessionsOfUser(trx, actor.userId, currentSessionId);
    await recordAudit(trx, { ...auditActor(actor), action: 'session.revoke-others', detail: { count } }, nowIso);
    return count;
  });
}
