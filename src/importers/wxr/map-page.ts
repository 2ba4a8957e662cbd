// One WordPress page → the fixed page the import writes (write-page-item.ts): title, slug
// (post_name is percent-encoded), body (HTML → text format, as posts), order, status, and
// the old addresses that must redirect to it. Pure apart from the media lookups it is given.
import type { PageItem } from '../import-run.js';
import { blogRoot, bodyOf, decodeSlug, labelOf, pathOf, sourceKeyOf, statusAndTitle, type MapContext } from './map-post.js';
import type { WxrChannel, WxrItem } from './read-wxr.js';

/** What the first pass keeps of each page: enough to build hierarchical paths and find parents. */
export interface PageOutline {
  parent: string;
  /** post_name, decoded. */
  slug: string;
}

/**
 * @param parentKey the parent page's source key, when it is imported (the caller yields it first)
 * @param outlines every page of the export, for the old hierarchical path
 */
export function mapPage(
  item: WxrItem,
  ctx: Pick<MapContext, 'channel' | 'resolveMedia' | 'describeImage'>,
  parentKey: string | undefined,
  outlines: ReadonlyMap<string, PageOutline>,
  isProfile: boolean,
): PageItem {
  const warnings: string[] = [];
  const body = bodyOf(item, ctx);
  warnings.push(...body.warnings);
  if (item.status !== 'publish' && item.status !== 'draft' && item.postPassword === '')
    warnings.push(`WordPress で「${item.status}」のページです。下書きのページとして取り込みました`);
  const { status, title } = statusAndTitle(item, body.text, 'page', warnings);
  const position = Number.parseInt(item.menuOrder, 10);
  return {
    type: 'page',
    key: sourceKeyOf(ctx.channel, item.postId),
    label: labelOf(item, ctx.channel),
    page: {
      title,
      slug: decodeSlug(item.postName),
      bodySource: body.text,
      summary: '',
      position: Number.isInteger(position) && position >= 0 ? Math.min(position, 9999) : 0,
      status,
      ...(parentKey === undefined ? {} : { parentKey }),
    },
    redirectsFrom: oldPagePaths(item, ctx.channel, outlines),
    ...(isProfile ? { isProfile } : {}),
    warnings,
  };
}

/** The page's link and guid paths, `?page_id=N` at the site and blog roots, and /parent/child/ from post names. */
function oldPagePaths(item: WxrItem, channel: WxrChannel, outlines: ReadonlyMap<string, PageOutline>): string[] {
  const out = new Set<string>();
  for (const url of [item.link, item.guid]) {
    const path = pathOf(url, channel.baseSiteUrl);
    if (path !== undefined && path !== '/') out.add(path);
  }
  const bare = pathOf(channel.baseSiteUrl || '/', channel.baseSiteUrl)?.split('?')[0] ?? '/';
  const siteRoot = bare.endsWith('/') ? bare : `${bare}/`;
  for (const base of new Set(['/', siteRoot, blogRoot(channel)])) {
    out.add(`${base}?page_id=${item.postId}`);
    out.add(`${base}?p=${item.postId}`);
  }
  const slugs: string[] = [];
  const seen = new Set<string>();
  for (let id = item.postId; id !== '0' && !seen.has(id);) {
    seen.add(id);
    const outline = outlines.get(id);
    if (!outline || outline.slug === '') break;
    slugs.unshift(outline.slug);
    id = outline.parent;
  }
  if (slugs.length > 0) out.add(`${siteRoot}${slugs.join('/')}/`);
  return [...out];
}
