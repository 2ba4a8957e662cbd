// The sessions of one account, newest first, for its account page (where each can be ended:
// revoke-sessions.ts).
import type { Session } from '../../domain/session.js';
import { listSessionsOfUser } from '../../store/sessions.js';
import type { ActionContext } from '../runtime/context.js';

export function listOwnSessions(ctx: Pick<ActionContext, 'db'>, userId: number): Promise<Session[]> {
  return listSessionsOfUser(ctx.db, userId);
}
