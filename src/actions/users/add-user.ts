// Adding a user account (owner only on the web; the command line creates the first owner).
import { passwordProblem } from '../../domain/password-policy.js';
import { displayNameProblem, isRole, loginProblem, normalizeDisplayName, normalizeLogin, type Actor, type Role } from '../../domain/user.js';
import { recordAudit } from '../../store/audit-log.js';
import { findUserByLogin, insertUser, loginTaken } from '../../store/users.js';
import { commonPasswords } from './common-passwords.js';
import type { ActionContext } from '../runtime/context.js';
import { hashPassword } from './password-hashing.js';
import { auditActor, requireRole, throwProblems, VIA_CLI } from './user-checks.js';

export interface NewUserInput {
  login: string;
  /** Empty: the login is shown instead. */
  displayName: string;
  role: Role | string;
  password: string;
  /** The password typed a second time, when the form asks for it. */
  passwordConfirmation?: string;
}

export async function addUser(ctx: ActionContext, input: NewUserInput, actor?: Actor): Promise<{ id: number; login: string }> {
  requireRole(actor, 'owner');
  const login = normalizeLogin(input.login);
  const displayName = normalizeDisplayName(input.displayName);
  throwProblems({
    login: loginProblem(login),
    displayName: displayNameProblem(displayName),
    role: isRole(input.role) ? undefined : { message: '権限を選んでください。', english: 'the role must be owner, editor or writer' },
    password: passwordProblem(input.password, commonPasswords(), login),
    passwordConfirmation:
      input.passwordConfirmation !== undefined && input.passwordConfirmation !== input.password
        ? { message: '確認用のパスワードが一致しません。', english: 'the two passwords differ' }
        : undefined,
  });
  if (await findUserByLogin(ctx.db, login)) throw loginTaken(login);
  // Hashing takes a moment and needs no lock: done before the transaction.
  const passwordHash = await hashPassword(input.password);
  const role = input.role as Role;
  const nowIso = ctx.now().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const id = await insertUser(trx, { login, displayName: displayName || login, role, passwordHash }, nowIso);
    await recordAudit(trx, { ...auditActor(actor), action: 'user.add', target: `user:${id}`, detail: { login, role, ...(actor ? {} : VIA_CLI) } }, nowIso);
    return id;
  });
  return { id, login };
}
