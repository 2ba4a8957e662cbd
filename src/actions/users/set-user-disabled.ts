// Disabling a user (their sessions end at once and they cannot log in) and enabling them
// again. The last active owner cannot be disabled: someone must always be able to manage users.
import { ValidationError } from '../../domain/errors.js';
import { normalizeLogin, type Actor, type User } from '../../domain/user.js';
import { recordAudit } from '../../store/audit-log.js';
import { deleteSessionsOfUser } from '../../store/sessions.js';
import { countActiveOwners, getUserById, getUserByLogin, updateUser } from '../../store/users.js';
import type { ActionContext } from '../runtime/context.js';
import { auditActor, requireRole, VIA_CLI } from './user-checks.js';

export type UserRef = { id: number } | { login: string };

export async function getUserByRef(ctx: ActionContext, ref: UserRef): Promise<User> {
  return 'id' in ref ? getUserById(ctx.db, ref.id) : getUserByLogin(ctx.db, normalizeLogin(ref.login));
}

export async function setUserDisabled(ctx: ActionContext, ref: UserRef, isDisabled: boolean, actor?: Actor): Promise<User> {
  requireRole(actor, 'owner');
  const nowIso = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const user = await getUserByRef({ ...ctx, db: trx }, ref);
    if (isDisabled && actor && actor.userId === user.id) {
      throw new ValidationError('you cannot disable your own account', { user: '自分自身のアカウントは無効にできません。' });
    }
    if (isDisabled && user.role === 'owner' && !user.isDisabled && (await countActiveOwners(trx)) <= 1) {
      throw new ValidationError('the last active owner cannot be disabled', { user: '有効なオーナーが他にいないため、無効にできません。' });
    }
    if (user.isDisabled === isDisabled) return user;
    await updateUser(trx, user.id, { isDisabled }, nowIso);
    if (isDisabled) await deleteSessionsOfUser(trx, user.id);
    const action = isDisabled ? 'user.disable' : 'user.enable';
    await recordAudit(trx, { ...auditActor(actor), action, target: `user:${user.id}`, detail: { login: user.login, ...(actor ? {} : VIA_CLI) } }, nowIso);
    return { ...user, isDisabled };
  });
}
