// The frame every public page shares: the settings, the resolved menu and the asset URLs.
import { menuNeedsPages, publishedPageTargets, resolveMenu } from '../../domain/navigation.js';
import { listPages } from '../../store/pages.js';
import { getSettings } from '../../store/settings.js';
import type { SiteDeps } from '../site-deps.js';
import type { SiteContext } from './layout.js';

export async function loadSiteContext(deps: SiteDeps): Promise<SiteContext> {
  const settings = await getSettings(deps.ctx.db);
  // Fixed pages' entries show the page's title and path as they are now.
  const targets = menuNeedsPages(settings.navigation) ? publishedPageTargets(await listPages(deps.ctx.db, 'published')) : new Map();
  const menu = resolveMenu(settings.navigation, targets);
  return { settings, menu, baseUrl: deps.baseUrl, cssHref: deps.assets.css.path, iconHref: deps.assets.icon.path };
}
