// GET /search?q=&year=&category=&kind=&page= (site/search/) and /opensearch.xml. Results are
// cached like any page, keyed by the cleaned words, the filters and the page; refused input
// answers 400 with the form and its message, never cached.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { ValidationError, type FieldMessages } from '../../../domain/errors.js';
import { paths, type SearchParams } from '../../../domain/paths.js';
import { OPEN_SEARCH_CONTENT_TYPE, renderOpenSearch } from '../../../site/discovery/render-open-search.js';
import { searchFiltersOf } from '../../../site/search/search-filters.js';
import { MALFORMED_Q_MESSAGE, searchTextOf } from '../../../site/search/search-text-of.js';
import { HTML, sitePages } from '../../../site/site-pages.js';
import type { WebDeps } from '../../deps.js';
import { pageNumber, SEARCH_QUERY, type SearchQueryString } from '../../query.js';
import { sendCached } from '../../send-cached.js';

export const searchRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  app.get<{ Querystring: SearchQueryString }>(paths.search(), { schema: { querystring: SEARCH_QUERY } }, async (request, reply) => {
    const input = searchTextOf(request.url);
    const page = pageNumber(request.query.page);
    // The schema has refused any filter the form does not send, so searchFiltersOf finds them all.
    const filters = searchFiltersOf(new URLSearchParams(request.query as Record<string, string>)) ?? {};
    const params: SearchParams = { q: input.text, ...filters };
    if (input.isMalformed) return sendRefused(deps, reply, params, { q: MALFORMED_Q_MESSAGE });
    try {
      return await sendCached(deps, request, reply, cacheKey(params, page), HTML, () => sitePages.search(deps, params, page));
    } catch (error) {
      if (error instanceof ValidationError) return sendRefused(deps, reply, params, error.fields);
      throw error;
    }
  });

  app.get(paths.openSearch(), (request, reply) => sendCached(deps, request, reply, 'opensearch', OPEN_SEARCH_CONTENT_TYPE, () => renderOpenSearch(deps)));
};

/** The words are at most 200 characters (longer ones are refused before anything is cached), so keys stay small. */
function cacheKey(params: SearchParams, page: number): string {
  return `search:${params.kind ?? ''}:${params.year ?? ''}:${params.category ?? ''}:${params.activity ?? ''}:${page}:${params.q ?? ''}`;
}

async function sendRefused(deps: WebDeps, reply: FastifyReply, params: SearchParams, errors: FieldMessages): Promise<FastifyReply> {
  const html = await sitePages.searchRefusal(deps, params, errors);
  return reply.code(400).header('Cache-Control', 'no-store').type(HTML).send(html);
}
