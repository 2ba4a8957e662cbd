// Site search over fixed pages (issue 10): the same query language and index columns as
// reports (store/page-search.ts), each hit with its URL, a page of results at a time. Only
// pages a reader can reach (published, under published parents) are counted and returned.
// Runs in the work pool like report search (task `searchPages`, actions/runtime/tasks.ts).
import { pageTree } from '../../domain/page-tree.js';
import { paths } from '../../domain/paths.js';
import type { SearchQuery } from '../../domain/search/query.js';
import type { Db } from '../../store/database.js';
import { findPageHits } from '../../store/page-search.js';
import { findPage, listPages } from '../../store/pages.js';
import { checkSearchRequest } from './search-reports.js';

export interface PageSearchHit {
  id: number;
  title: string;
  path: string;
  /** The page's summary, or the start of its text. */
  excerpt: string;
}

export interface PageSearchRequest {
  q: string;
  /** 1-based. */
  page: number;
  perPage: number;
}

export interface PageSearchResult {
  /** Undefined when the box was empty. */
  query: SearchQuery | undefined;
  /** How many reachable pages match. */
  total: number;
  items: PageSearchHit[];
}

const EXCERPT_CHARS = 120;
/** Pages are tens, not thousands: every hit is read, so the total counts only reachable ones. */
const MAX_PAGE_HITS = 1000;

/** Throws ValidationError as report search does (domain/search/query.ts). */
export async function searchPages(db: Db, request: PageSearchRequest): Promise<PageSearchResult> {
  const query = checkSearchRequest({ ...request, filter: {} });
  if (!query) return { query, total: 0, items: [] };
  const hits = await findPageHits(db, query, { offset: 0, limit: MAX_PAGE_HITS });
  if (hits.ids.length === 0) return { query, total: 0, items: [] };
  const reachable = new Map(pageTree(await listPages(db, 'published')).map((entry) => [entry.page.id, entry]));
  const ids = hits.ids.filter((id) => reachable.has(id));
  const items: PageSearchHit[] = [];
  for (const id of ids.slice((request.page - 1) * request.perPage, request.page * request.perPage)) {
    const page = await findPage(db, id);
    if (!page) continue;
    items.push({ id, title: page.title, path: paths.page(reachable.get(id)!.slugs), excerpt: pageExcerpt(page) });
  }
  return { query, total: ids.length, items };
}

/** What a page hit shows: the page's summary, or the start of its text (the static index stores the same). */
export function pageExcerpt(page: { summary: string; bodyText: string }): string {
  return page.summary || [...page.bodyText.replace(/\s+/g, ' ')].slice(0, EXCERPT_CHARS).join('');
}
