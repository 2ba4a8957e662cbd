// Query-string schemas shared by public pages and the API. Fastify validates them and
// answers 400 (with a Japanese page) for page=abc, page=-1 and the like. Numbers are
// matched as digit strings: coercion to number would let "1e999" through as Infinity.
import { Type } from 'typebox';

export const MAX_PAGE = 100_000;

/** 1–999999 written plainly; pages past MAX_PAGE are refused by pageNumber(). */
const PositiveInteger = Type.String({ pattern: '^[1-9][0-9]{0,5}$' });

export const PageQuery = Type.Object({
  page: Type.Optional(PositiveInteger),
});

export const ListQuery = Type.Object({
  page: Type.Optional(PositiveInteger),
  limit: Type.Optional(Type.String({ pattern: '^([1-9]|[1-9][0-9]|100)$' })),
});

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
