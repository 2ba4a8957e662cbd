import { getSettings } from '../store/settings.js';
import type { WebDeps } from './deps.js';
import type { SiteContext } from './views/layout.js';

export async function loadSiteContext(deps: WebDeps): Promise<SiteContext> {
  return { settings: await getSettings(deps.ctx.db), baseUrl: deps.baseUrl, cssHref: deps.assets.css.path, iconHref: deps.assets.icon.path };
}
