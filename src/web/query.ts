// Query-string schemas shared by public pages and the API. Fastify validates them and
// answers 400 (with a Japanese page) for page=abc, page=-1 and the like.
import { Type } from 'typebox';

export const MAX_PAGE = 100_000;

export const PageQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE })),
});

export const PER_PAGE = 20;

export function pageCountOf(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}
