// Site search over fixed pages (issue 10): the same query language and index columns as
// reports (store/page-search.ts), each hit with its URL. Only pages a reader can reach
// (published, under published parents) are returned. Pages are few (tens), so this runs
// inline: one FTS5 lookup and a read of the page tree.
import { pageTree } from '../domain/page-tree.js';
import { paths } from '../domain/paths.js';
import { parseSearchQuery } from '../domain/search/query.js';
import type { Db } from '../store/database.js';
import { findPageHits } from '../store/page-search.js';
import { findPage, listPages } from '../store/pages.js';

export interface PageSearchHit {
  id: number;
  title: string;
  path: string;
  /** The page's summary, or the start of its text. */
  excerpt: string;
}

const EXCERPT_CHARS = 120;
/** More would be a list, not an answer; pages are few. */
const MAX_PAGE_HITS = 50;

export async function searchPages(db: Db, q: string, limit = MAX_PAGE_HITS): Promise<{ total: number; items: PageSearchHit[] }> {
  const query = parseSearchQuery(q);
  if (!query) return { total: 0, items: [] };
  const hits = await findPageHits(db, query, { offset: 0, limit: MAX_PAGE_HITS });
  if (hits.ids.length === 0) return { total: 0, items: [] };
  const published = await listPages(db, 'published');
  const reachable = new Map(pageTree(published).map((entry) => [entry.page.id, entry]));
  const items: PageSearchHit[] = [];
  for (const id of hits.ids) {
    const entry = reachable.get(id);
    const page = entry && (await findPage(db, id));
    if (!entry || !page) continue;
    items.push({ id, title: page.title, path: paths.page(entry.slugs), excerpt: page.summary || [...page.bodyText.replace(/\s+/g, ' ')].slice(0, EXCERPT_CHARS).join('') });
  }
  return { total: items.length, items: items.slice(0, limit) };
}
