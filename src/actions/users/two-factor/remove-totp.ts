// Removing the authenticator app (after the password). When it was the user's last second
// factor, their recovery codes go too: they would back up nothing.
import { ValidationError } from '../../../domain/errors.js';
import type { Actor } from '../../../domain/user.js';
import { recordAudit } from '../../../store/audit-log.js';
import { countPasskeysOfUser } from '../../../store/passkeys.js';
import { deleteRecoveryCodes, deleteTotpFactor, findTotpFactor } from '../../../store/second-factors.js';
import type { ActionContext } from '../../runtime/context.js';
import { auditActor } from '../user-checks.js';
import { confirmIdentity } from './confirm-identity.js';

/** @throws ValidationError (field `proof`) when the password is wrong or no app is set up. */
export async function removeTotp(ctx: ActionContext, actor: Actor, input: { proof: string }): Promise<void> {
  const now = ctx.now();
  const factor = await findTotpFactor(ctx.db, actor.userId);
  if (!factor) throw new ValidationError('no authenticator app is set up', { proof: '認証アプリは設定されていません。' });
  if (factor.enabledAt !== undefined) await confirmIdentity(ctx.db, actor, input.proof, now, { isCodeAccepted: false });
  const nowIso = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await deleteTotpFactor(trx, actor.userId);
    const isLast = (await countPasskeysOfUser(trx, actor.userId)) === 0;
    if (isLast) await deleteRecoveryCodes(trx, actor.userId);
    if (factor.enabledAt !== undefined) {
      await recordAudit(trx, { ...auditActor(actor), action: 'two-factor.totp.remove', target: `user:${actor.userId}`, detail: { wasLastFactor: isLast } }, nowIso);
    }
  });
}
