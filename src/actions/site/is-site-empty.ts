import { countReports } from '../../store/reports.js';
import { hasSettings } from '../../store/settings.js';
import type { ActionContext } from '../runtime/context.js';

/** True when the site has neither reports nor settings: a new installation. */
export async function isSiteEmpty(ctx: ActionContext): Promise<boolean> {
  return (await countReports(ctx.db)) === 0 && !(await hasSettings(ctx.db));
}
