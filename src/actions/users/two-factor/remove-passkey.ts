// Removing one of one's passkeys. Removing the last second factor asks for the password
// (a borrowed unlocked session must not be enough to weaken the account), and takes the
// recovery codes with it.
import type { Actor } from '../../../domain/user.js';
import { recordAudit } from '../../../store/audit-log.js';
import { deletePasskey, listPasskeysOfUser } from '../../../store/passkeys.js';
import { deleteRecoveryCodes, findTotpFactor } from '../../../store/second-factors.js';
import type { ActionContext } from '../../runtime/context.js';
import { auditActor } from '../user-checks.js';
import { confirmIdentity } from './confirm-identity.js';

/** @throws ValidationError (field `proof`) when the password is needed and wrong. */
export async function removePasskey(ctx: ActionContext, actor: Actor, input: { id: number; proof: string }): Promise<void> {
  const now = ctx.now();
  const passkeys = await listPasskeysOfUser(ctx.db, actor.userId);
  if (!passkeys.some((p) => p.id === input.id)) return;
  const hasTotp = (await findTotpFactor(ctx.db, actor.userId))?.enabledAt !== undefined;
  const isLast = passkeys.length === 1 && !hasTotp;
  if (isLast) await confirmIdentity(ctx.db, actor, input.proof, now, { isCodeAccepted: false });
  const nowIso = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await deletePasskey(trx, actor.userId, input.id);
    if (!removed) return;
    if (isLast) await deleteRecoveryCodes(trx, actor.userId);
    await recordAudit(
      trx,
      { ...auditActor(actor), action: 'two-factor.passkey.remove', target: `passkey:${removed.id}`, detail: { name: removed.name, wasLastFactor: isLast } },
      nowIso,
    );
  });
}
