// The site's two-factor policy (who must have a second factor), for the owner's policy page.
import type { TwoFactorPolicy } from '../../../domain/two-factor.js';
import { getTwoFactorPolicy } from '../../../store/two-factor-policy.js';
import type { ActionContext } from '../../runtime/context.js';

export function readTwoFactorPolicy(ctx: Pick<ActionContext, 'db'>): Promise<TwoFactorPolicy> {
  return getTwoFactorPolicy(ctx.db);
}
