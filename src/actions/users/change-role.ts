// Changing a user's role (owner only). The last active owner cannot be demoted.
import { ValidationError } from '../../domain/errors.js';
import { isRole, type Actor, type Role } from '../../domain/user.js';
import { recordAudit } from '../../store/audit-log.js';
import { countActiveOwners, getUserById, updateUser } from '../../store/users.js';
import type { ActionContext } from '../runtime/context.js';
import { auditActor, requireRole } from './user-checks.js';

export async function changeRole(ctx: ActionContext, actor: Actor, userId: number, role: Role | string): Promise<void> {
  requireRole(actor, 'owner');
  if (!isRole(role)) throw new ValidationError('the role must be owner, editor or writer', { role: '権限を選んでください。' });
  const nowIso = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const user = await getUserById(trx, userId);
    if (user.role === role) return;
    if (user.role === 'owner' && !user.isDisabled && (await countActiveOwners(trx)) <= 1) {
      throw new ValidationError('the last active owner cannot be given another role', { role: '有効なオーナーが他にいないため、権限を変更できません。' });
    }
    await updateUser(trx, user.id, { role }, nowIso);
    await recordAudit(trx, { ...auditActor(actor), action: 'user.role', target: `user:${user.id}`, detail: { login: user.login, from: user.role, to: role } }, nowIso);
  });
}
