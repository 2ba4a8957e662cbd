// The page tree in reading order: each page after its parent, siblings by their order,
// with its depth and the slugs of its URL. Used by the admin list, the sitemap and the API.
import type { PageSummary } from './page.js';

export interface TreeEntry<P extends PageSummary = PageSummary> {
  page: P;
  depth: number;
  /** From the top of the tree down to the page: paths.page(slugs). */
  slugs: string[];
}

/**
 * Depth-first, siblings by (position, id). A page whose parent is not in `pages` (e.g. a
 * published child of a draft when only published pages are given) is left out with its
 * subtree, so a public list never links to an unreachable page.
 */
export function pageTree<P extends PageSummary>(pages: readonly P[]): TreeEntry<P>[] {
  const children = new Map<number | null, P[]>();
  for (const page of pages) {
    const list = children.get(page.parentId) ?? [];
    list.push(page);
    children.set(page.parentId, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.id - b.id);
  const out: TreeEntry<P>[] = [];
  const visit = (parentId: number | null, depth: number, slugs: string[]) => {
    for (const page of children.get(parentId) ?? []) {
      const path = [...slugs, page.slug];
      out.push({ page, depth, slugs: path });
      visit(page.id, depth + 1, path);
    }
  };
  visit(null, 0, []);
  return out;
}
