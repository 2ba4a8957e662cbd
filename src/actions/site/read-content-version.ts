// The site's content version (bumped by every write): a one-row read, cheap enough for the
// publish hook to poll every second.
import { getContentVersion } from '../../store/site-state.js';
import type { ActionContext } from '../runtime/context.js';

export function readContentVersion(ctx: ActionContext): Promise<number> {
  return getContentVersion(ctx.db);
}
