// The owner's choice of who must sign in with two factors; audited with the old and new value.
import { ValidationError } from '../../../domain/errors.js';
import { isSecondFactorRequired, isTwoFactorPolicy, type TwoFactorPolicy } from '../../../domain/two-factor.js';
import type { Actor } from '../../../domain/user.js';
import { recordAudit } from '../../../store/audit-log.js';
import { getTwoFactorPolicy, saveTwoFactorPolicy } from '../../../store/two-factor-policy.js';
import type { ActionContext } from '../../runtime/context.js';
import { auditActor, requireRole } from '../user-checks.js';
import { hasSecondFactor } from './has-second-factor.js';

/**
 * @returns whether anything changed.
 * @throws ForbiddenError for a non-owner; ValidationError (field `policy`) for an unknown value,
 *   or a policy that would hold the owner saving it to enrolment (they set up a factor first).
 */
export async function setTwoFactorPolicy(ctx: ActionContext, actor: Actor, value: string): Promise<boolean> {
  requireRole(actor, 'owner');
  if (!isTwoFactorPolicy(value)) throw new ValidationError(`unknown two-factor policy "${value}"`, { policy: '選択肢から選んでください。' });
  const policy: TwoFactorPolicy = value;
  if (isSecondFactorRequired(policy, actor.role) && !(await hasSecondFactor(ctx.db, actor.userId))) {
    throw new ValidationError('set up a second factor for yourself before requiring one', {
      policy: 'この方針ではあなた自身にも二段階認証が必要になります。先にアカウントの「二段階認証」で認証アプリかパスキーを設定してください。',
    });
  }
  const nowIso = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getTwoFactorPolicy(trx);
    if (before === policy) return false;
    await saveTwoFactorPolicy(trx, policy);
    await recordAudit(trx, { ...auditActor(actor), action: 'settings.two-factor-policy', target: 'settings', detail: { from: before, to: policy } }, nowIso);
    return true;
  });
}
