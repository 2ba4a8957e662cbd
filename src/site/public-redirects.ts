// Where an address that names no page sends the reader (301), for the server's not-found
// handling (web/errors.tsx) and renderPublicPath alike: the redirects table (old slugs,
// imported WordPress addresses), the `?p=12` forms of an imported site, and the site's own
// paths written without their trailing slash.
import { findRedirect } from '../store/redirects.js';
import type { SiteDeps } from './site-deps.js';

/** Paths that exist with a trailing slash: /activity → /activity/. */
const SLASHLESS = /^\/(activity|category|tag|profile)(\/[^.]*)?$/;

/** WordPress's address forms that carry the post in the query: /?p=12, /?page_id=3, /?attachment_id=51. */
const LEGACY_QUERY = /[?&](p|page_id|attachment_id)=(\d+)(?:&|$)/;

/** The stored redirect, else the slash-added path, for a URL (path and query) that names no page. */
export async function findPublicRedirect(deps: SiteDeps, url: string): Promise<string | undefined> {
  return (await findStoredRedirect(deps, url)) ?? slashlessRedirect(url);
}

/** The redirects table's target for the URL's (decoded) path. */
export async function findStoredRedirect(deps: SiteDeps, url: string): Promise<string | undefined> {
  const path = decodedPath(url);
  return path === undefined ? undefined : findRedirect(deps.ctx.db, path);
}

/** Whether the URL carries an imported site's post id in its query (answered before routing: /?p=12 is the home page's path). */
export function hasLegacyQuery(url: string): boolean {
  return LEGACY_QUERY.test(url);
}

/** The stored redirect for an imported site's `?p=ID` address, if the URL is one. */
export async function findLegacyQueryRedirect(deps: SiteDeps, url: string): Promise<string | undefined> {
  const match = LEGACY_QUERY.exec(url);
  const path = match ? decodedPath(url) : undefined;
  return path === undefined ? undefined : findRedirect(deps.ctx.db, `${path}?${match![1]}=${match![2]}`);
}

/** `/activity` → `/activity/` (the query kept), for the site's own slash-ended paths. */
export function slashlessRedirect(url: string): string | undefined {
  const path = decodedPath(url);
  if (path === undefined || path.endsWith('/') || !SLASHLESS.test(path)) return undefined;
  const query = url.includes('?') ? url.slice(url.indexOf('?')) : '';
  return `${url.split('?')[0]}/${query}`;
}

/** The URL's path, percent-decoded; undefined when it cannot be decoded. */
export function decodedPath(url: string): string | undefined {
  const path = url.split('?')[0]!;
  try {
    return decodeURI(path);
  } catch {
    return undefined;
  }
}
