// The frame every public page shares: the settings, the resolved menu and the asset URLs.
import { menuNeedsPages, publishedPageTargets, resolveMenu } from '../../domain/navigation.js';
import { listPages } from '../../store/pages.js';
import { getSettings } from '../../store/settings.js';
import type { Db } from '../../store/database.js';
import { memoByContentVersion } from '../content-memo.js';
import type { SiteDeps } from '../site-deps.js';
import type { SiteContext } from './layout.js';

export async function loadSiteContext(deps: SiteDeps): Promise<SiteContext> {
  const { settings, menu } = await memoByContentVersion(deps.ctx.db, 'frame', () => loadFrame(deps.ctx.db));
  return { settings, menu, baseUrl: deps.baseUrl, cssHref: deps.assets.css.path, iconHref: deps.assets.icon.path };
}

async function loadFrame(db: Db): Promise<Pick<SiteContext, 'settings' | 'menu'>> {
  const settings = await getSettings(db);
  // Fixed pages' entries show the page's title and path as they are now.
  const targets = menuNeedsPages(settings.navigation) ? publishedPageTargets(await listPages(db, 'published')) : new Map();
  return { settings, menu: resolveMenu(settings.navigation, targets) };
}
