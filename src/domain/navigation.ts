// The site menu as the public pages show it: the stored entries (domain/settings.ts) with each
// fixed page's current title and path, entries of pages no longer published left out, and
// which entry is current on a given page.
import type { PageSummary } from './page.js';
import { paths } from './paths.js';
import { isSiteLinkUrl, type NavigationLink } from './settings.js';

export interface MenuItem {
  label: string;
  url: string;
  /** Set on a fixed page's entry. */
  pageId?: number;
  children: MenuItem[];
}

export interface PageTarget {
  title: string;
  path: string;
}

/**
 * The published pages a menu entry may point to, by id, with their paths. A page under a
 * parent that is not published is unreachable, so it is not a target.
 */
export function publishedPageTargets(pages: readonly PageSummary[]): Map<number, PageTarget> {
  const byId = new Map(pages.filter((page) => page.status === 'published').map((page) => [page.id, page]));
  const targets = new Map<number, PageTarget>();
  for (const page of byId.values()) {
    const slugs: string[] = [];
    const seen = new Set<number>();
    let at: PageSummary | undefined = page;
    while (at !== undefined && !seen.has(at.id)) {
      seen.add(at.id);
      slugs.unshift(at.slug);
      if (at.parentId === null) break;
      at = byId.get(at.parentId);
    }
    if (at !== undefined && at.parentId === null) targets.set(page.id, { title: page.title, path: paths.page(slugs) });
  }
  return targets;
}

/** Whether any stored entry points to a fixed page (only then are the pages looked up). */
export function menuNeedsPages(links: readonly NavigationLink[]): boolean {
  return links.some((link) => link.pageId !== undefined || menuNeedsPages(link.children ?? []));
}

/**
 * The menu to print. ホーム always comes first on the page, so a home entry is dropped; a link
 * the settings form would refuse (javascript:, another scheme) is never printed, whatever is
 * stored; a page entry whose page is not published is left out (with its children).
 */
export function resolveMenu(links: readonly NavigationLink[], targets: ReadonlyMap<number, PageTarget>): MenuItem[] {
  const items: MenuItem[] = [];
  for (const link of links) {
    let item: MenuItem;
    if (link.pageId !== undefined) {
      const target = targets.get(link.pageId);
      if (target === undefined) continue;
      item = { label: link.label === '' ? target.title : link.label, url: target.path, pageId: link.pageId, children: [] };
    } else {
      if (link.url === paths.home() || !isSiteLinkUrl(link.url) || link.label === '') continue;
      item = { label: link.label, url: link.url, children: [] };
    }
    item.children = resolveMenu(
      (link.children ?? []).map(({ children: _ignored, ...child }) => child),
      targets,
    );
    items.push(item);
  }
  return items;
}

/**
 * "page" on the entry for this very page; "true" on the entry of the section it belongs to:
 * the page's declared section, or a site path the current one lies below (a child of 政策
 * marks 政策), or a parent whose child is current.
 */
export function menuCurrentness(item: MenuItem, section: string | undefined, currentPath: string | undefined): 'page' | 'true' | undefined {
  if (currentPath !== undefined && item.url === currentPath) return 'page';
  if (item.url === section) return 'true';
  if (currentPath !== undefined && item.url.startsWith('/') && item.url !== paths.home() && currentPath.startsWith(item.url)) return 'true';
  return item.children.some((child) => menuCurrentness(child, section, currentPath) !== undefined) ? 'true' : undefined;
}
