// What every public page's loader needs, with no HTTP types: the web server hands in its
// own deps (a superset), the static exporter builds one from the configuration.
import type { ActionContext } from '../actions/runtime/context.js';

/** A file served as it is (the stylesheet, the icon), under a content-hashed path. */
export interface SiteAsset {
  path: string;
  body: Buffer;
  contentType: string;
}

export interface SiteDeps {
  ctx: ActionContext;
  /** Canonical origin, no trailing slash (KATSUDO_BASE_URL or `katsudo build --base-url`). */
  baseUrl: string;
  /** The public site's stylesheet and icon (web/assets.ts loads them). */
  assets: { css: SiteAsset; icon: SiteAsset };
  /**
   * Most report summaries kept per content version (components/load-summaries.ts); unset, a
   * whole large site's, which the static build reads each several times. The server keeps a
   * few pages' worth: its page cache holds what readers ask for again.
   */
  summariesKept?: number;
}
