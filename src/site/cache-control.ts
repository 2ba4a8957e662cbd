// How long browsers and shared caches may keep what the public site sends: one rule for
// katsudo serve (web/) and for the header files the static export writes for its hosts
// (exporter/host-headers.ts, deploy/nginx-static.conf).
export const CACHE_CONTROL = {
  /** Pages may be reused for a minute, then revalidated cheaply (the server's ETag). */
  page: 'public, max-age=60, stale-while-revalidate=300',
  /**
   * Media for 5 minutes, not for ever, so that a withdrawal takes effect within that time in
   * browsers and shared caches; the ETag (the bytes' hash) makes revalidation a 304.
   */
  media: 'public, max-age=300',
  /** The site's own assets are content-addressed and never withdrawn: a year, immutable. */
  asset: 'public, max-age=31536000, immutable',
} as const;
