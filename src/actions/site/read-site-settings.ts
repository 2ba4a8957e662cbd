// Reading the site's settings (profile, contact, menu) for pages that show them, so web
// code need not reach into store.
import type { SiteSettings } from '../../domain/settings.js';
import { getSettings } from '../../store/settings.js';
import type { ActionContext } from '../runtime/context.js';

export async function readSiteSettings(ctx: Pick<ActionContext, 'db'>): Promise<SiteSettings> {
  return getSettings(ctx.db);
}
