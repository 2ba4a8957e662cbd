// The pending login a cookie names, with what the second-step page offers its user.
import type { User } from '../../../domain/user.js';
import { countPasskeysOfUser } from '../../../store/passkeys.js';
import { findPendingLogin as findStored } from '../../../store/pending-logins.js';
import { findTotpFactor } from '../../../store/second-factors.js';
import { findUserById } from '../../../store/users.js';
import type { ActionContext } from '../../runtime/context.js';
import { hashSessionToken } from '../session-token.js';

export interface PendingLoginView {
  user: User;
  hasTotp: boolean;
  hasPasskeys: boolean;
}

export async function findPendingLogin(ctx: ActionContext, token: string | undefined): Promise<PendingLoginView | undefined> {
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const pending = await findStored(ctx.db, hashSessionToken(token), ctx.now().toISOString());
  const user = pending && (await findUserById(ctx.db, pending.userId));
  if (!user || user.isDisabled) return undefined;
  const [totp, passkeys] = await Promise.all([findTotpFactor(ctx.db, user.id), countPasskeysOfUser(ctx.db, user.id)]);
  return { user, hasTotp: totp?.enabledAt !== undefined, hasPasskeys: passkeys > 0 };
}
