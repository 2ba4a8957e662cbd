// Which link targets a report may contain. An allow-list rather than a block-list: a
// scheme we did not think of (javascript:, data:, vbscript:, in any spelling) is refused.

export type LinkTarget = { kind: 'web'; href: string } | { kind: 'media'; ref: string } | { kind: 'refused' };

const WEB_SCHEMES = /^(?:https?|mailto|tel):/i;
const MEDIA = /^media:/i;
// A site path, but not `//host` or `/\host`, which browsers read as another site.
const SITE_PATH = /^\/(?![/\\])/;

/** `href` as markdown-it produced it (entities and backslash escapes already decoded). */
export function linkTarget(href: string): LinkTarget {
  if (MEDIA.test(href)) return { kind: 'media', ref: href.slice('media:'.length) };
  if (WEB_SCHEMES.test(href) || SITE_PATH.test(href) || href.startsWith('#')) return { kind: 'web', href };
  return { kind: 'refused' };
}
