import { sitePages } from './site-pages.js';
import type { SiteDeps } from './site-deps.js';

/** The body of the 404 page, exactly as the server sends it (static hosts serve it as 404.html). */
export function renderNotFoundPage(deps: SiteDeps): Promise<string> {
  return sitePages.error(deps, 404);
}
