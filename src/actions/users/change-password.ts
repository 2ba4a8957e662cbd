// Changing a password: one's own (knowing the current one) or anyone's from the command
// line. Either way the account's login throttle is cleared, so a new password always
// lets its owner in, and other sessions end.
import { ValidationError } from '../../domain/errors.js';
import { passwordProblem } from '../../domain/password-policy.js';
import { normalizeLogin, type Actor } from '../../domain/user.js';
import { recordAudit } from '../../store/audit-log.js';
import { clearThrottle } from '../../store/login-throttle.js';
import { deleteSessionsOfUser } from '../../store/sessions.js';
import { getPasswordHash, getUserById, getUserByLogin, updateUser } from '../../store/users.js';
import { commonPasswords } from './common-passwords.js';
import type { ActionContext } from '../runtime/context.js';
import { accountThrottleKey } from './log-in.js';
import { hashPassword, verifyPassword } from './password-hashing.js';
import { auditActor, throwProblems, VIA_CLI } from './user-checks.js';

export interface OwnPasswordInput {
  currentPassword: string;
  newPassword: string;
  passwordConfirmation: string;
}

/** The actor's own password; `keepSessionId` is the session they are using, which stays. */
export async function changeOwnPassword(ctx: ActionContext, actor: Actor, input: OwnPasswordInput, keepSessionId: number): Promise<void> {
  const user = await getUserById(ctx.db, actor.userId);
  if (!(await verifyPassword(await getPasswordHash(ctx.db, user.id), input.currentPassword))) {
    throw new ValidationError('the current password is wrong', { currentPassword: '現在のパスワードが正しくありません。' });
  }
  throwProblems({
    newPassword: passwordProblem(input.newPassword, commonPasswords(), user.login),
    passwordConfirmation:
      input.passwordConfirmation !== input.newPassword ? { message: '確認用のパスワードが一致しません。', english: 'the two passwords differ' } : undefined,
  });
  const passwordHash = await hashPassword(input.newPassword);
  const nowIso = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { passwordHash }, nowIso);
    await deleteSessionsOfUser(trx, user.id, keepSessionId);
    await clearThrottle(trx, accountThrottleKey(user.login));
    await recordAudit(trx, { ...auditActor(actor), action: 'user.passwd', target: `user:${user.id}`, detail: { login: user.login } }, nowIso);
  });
}

/** Sets a user's password from the command line (a forgotten password, a locked-out owner); ends all their sessions. */
export async function setPassword(ctx: ActionContext, login: string, newPassword: string, passwordConfirmation?: string): Promise<void> {
  const user = await getUserByLogin(ctx.db, normalizeLogin(login));
  throwProblems({
    password: passwordProblem(newPassword, commonPasswords(), user.login),
    passwordConfirmation:
      passwordConfirmation !== undefined && passwordConfirmation !== newPassword
        ? { message: '確認用のパスワードが一致しません。', english: 'the two passwords differ' }
        : undefined,
  });
  const passwordHash = await hashPassword(newPassword);
  const nowIso = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { passwordHash }, nowIso);
    await deleteSessionsOfUser(trx, user.id);
    await clearThrottle(trx, accountThrottleKey(user.login));
    await recordAudit(trx, { ...auditActor(undefined), action: 'user.passwd', target: `user:${user.id}`, detail: { login: user.login, ...VIA_CLI } }, nowIso);
  });
}
