// Query-string schemas shared by public pages and the API. Fastify validates them and
// answers 400 (with a Japanese page) for page=abc, page=-1 and the like. Numbers are
// matched as digit strings: coercion to number would let "1e999" through as Infinity.
// Plain JSON Schema: the few schemas here do not justify loading a schema builder at start.
import { SEARCH_KINDS } from '../domain/paths.js';
import { MAX_PAGE, PAGE_NUMBER, parsePageNumber } from '../site/paging.js';
import { MAX_ACTIVITY_LENGTH, SEARCH_CATEGORY, SEARCH_YEAR } from '../site/search/search-filters.js';

/** 1–999999 written plainly; pages past MAX_PAGE are refused by pageNumber(). */
const POSITIVE_INTEGER = { type: 'string', pattern: PAGE_NUMBER.source } as const;

export interface PageQuery {
  page?: string;
}

export const PAGE_QUERY = {
  type: 'object',
  properties: { page: POSITIVE_INTEGER },
} as const;

export interface ListQuery extends PageQuery {
  limit?: string;
}

export const LIST_QUERY = {
  type: 'object',
  properties: { page: POSITIVE_INTEGER, limit: { type: 'string', pattern: '^([1-9]|[1-9][0-9]|100)$' } },
} as const;

export class BadQueryError extends Error {
  readonly statusCode = 400;
}

/** The page number of a query, 1 when absent; a 400 for anything but 1–MAX_PAGE written plainly. */
export function pageNumber(text: unknown): number {
  if (text === undefined) return 1;
  const page = typeof text === 'string' ? parsePageNumber(text) : undefined;
  if (page === undefined) throw new BadQueryError(`not a page number (1–${MAX_PAGE}): ${String(text)}`);
  return page;
}

// Search. `q` is only typed as a string here (an array from a repeated q is refused): its
// rules (length, number of terms) belong to the search action, whose Japanese message the
// page shows next to the box. Empty year and category are what the form's 「すべて」 sends.

export interface SearchQueryString extends PageQuery {
  q?: string;
  year?: string;
  category?: string;
  kind?: '' | 'report' | 'page';
  activity?: string;
}

export const SEARCH_QUERY = {
  type: 'object',
  properties: {
    q: { type: 'string' },
    page: POSITIVE_INTEGER,
    year: { type: 'string', pattern: SEARCH_YEAR.source },
    category: { type: 'string', pattern: SEARCH_CATEGORY.source },
    kind: { type: 'string', enum: ['', ...SEARCH_KINDS] },
    activity: { type: 'string', maxLength: MAX_ACTIVITY_LENGTH },
  },
} as const;

export interface ApiSearchQueryString extends ListQuery {
  q?: string;
  activity?: string;
}

export const API_SEARCH_QUERY = {
  type: 'object',
  properties: {
    q: { type: 'string' },
    page: LIST_QUERY.properties.page,
    limit: LIST_QUERY.properties.limit,
    activity: { type: 'string', maxLength: MAX_ACTIVITY_LENGTH },
  },
} as const;
