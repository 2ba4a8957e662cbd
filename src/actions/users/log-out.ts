// Logging out: the session row goes, so its cookie never authenticates again.
import type { Actor } from '../../domain/user.js';
import { recordAudit } from '../../store/audit-log.js';
import { deleteSession } from '../../store/sessions.js';
import type { ActionContext } from '../runtime/context.js';
import { auditActor } from './user-checks.js';

export async function logOut(ctx: ActionContext, actor: Actor, sessionId: number): Promise<void> {
  const nowIso = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await deleteSession(trx, actor.userId, sessionId);
    await recordAudit(trx, { ...auditActor(actor), action: 'logout', target: `session:${sessionId}` }, nowIso);
  });
}
