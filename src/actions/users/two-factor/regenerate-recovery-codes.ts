// New recovery codes on demand (after the password or a current code): the old ones stop
// working at once, the new ten are returned to be shown once.
import type { Actor } from '../../../domain/user.js';
import { recordAudit } from '../../../store/audit-log.js';
import { replaceRecoveryCodes } from '../../../store/second-factors.js';
import type { ActionContext } from '../../runtime/context.js';
import { auditActor } from '../user-checks.js';
import { confirmIdentity } from './confirm-identity.js';
import { newRecoveryCodes } from './recovery-codes.js';

/** @throws ValidationError (field `proof`) when the password or code is wrong. */
export async function regenerateRecoveryCodes(ctx: ActionContext, actor: Actor, input: { proof: string }): Promise<string[]> {
  const now = ctx.now();
  await confirmIdentity(ctx.db, actor, input.proof, now, { isCodeAccepted: true });
  const { codes, hashes } = newRecoveryCodes();
  const nowIso = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await replaceRecoveryCodes(trx, actor.userId, hashes, nowIso);
    await recordAudit(trx, { ...auditActor(actor), action: 'two-factor.recovery.regenerate', target: `user:${actor.userId}` }, nowIso);
  });
  return codes;
}
