// Which accounts have a second factor (an enabled TOTP or a passkey), for the users page.
import { listUserIdsWithSecondFactor } from '../../../store/second-factors.js';
import type { ActionContext } from '../../runtime/context.js';

export function listUsersWithSecondFactor(ctx: Pick<ActionContext, 'db'>): Promise<number[]> {
  return listUserIdsWithSecondFactor(ctx.db);
}
