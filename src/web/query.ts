// Query-string schemas shared by public pages and the API. Fastify validates them and
// answers 400 (with a Japanese page) for page=abc, page=-1 and the like. Numbers are
// matched as digit strings: coercion to number would let "1e999" through as Infinity.
// Plain JSON Schema: the few schemas here do not justify loading a schema builder at start.

export const MAX_PAGE = 100_000;

/** 1–999999 written plainly; pages past MAX_PAGE are refused by pageNumber(). */
const POSITIVE_INTEGER = { type: 'string', pattern: '^[1-9][0-9]{0,5}$' } as const;

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

export const PER_PAGE = 20;

export class BadQueryError extends Error {
  readonly statusCode = 400;
}

/** The page number of a validated query, 1 when absent. */
export function pageNumber(text: string | undefined): number {
  const page = text === undefined ? 1 : Number(text);
  if (page > MAX_PAGE) throw new BadQueryError(`page out of range: ${page}`);
  return page;
}

export function pageCountOf(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}
