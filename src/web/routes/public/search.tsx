// GET /search?q=&year=&category=&page= (the search page) and /opensearch.xml (so browsers
// can add the site's search). Results are cached like any page, keyed by the cleaned words,
// the filters and the page; refused input answers 400 with the form and its message.
// A search that is not cached runs in the work pool (actions/workers/), reports and fixed
// pages alike.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { checkSearchRequest } from '../../../actions/search-reports.js';
import { PageNotFoundError, ValidationError, type FieldMessages } from '../../../domain/errors.js';
import { absoluteUrl, paths, type SearchParams } from '../../../domain/paths.js';
import { siteTitle, type SiteSettings } from '../../../domain/settings.js';
import { escapeHtml } from '../../../domain/trusted-html.js';
import { findCategoryBySlug } from '../../../store/categories.js';
import { getSettings } from '../../../store/settings.js';
import { loadArchiveData } from '../../archive-data.js';
import type { WebDeps } from '../../deps.js';
import { renderDocument } from '../../html.js';
import { MALFORMED_Q_MESSAGE, pageCountOf, pageNumber, PER_PAGE, SEARCH_QUERY, searchTextOf, type SearchQueryString } from '../../query.js';
import { HTML, sendCached } from '../../send-cached.js';
import { loadSiteContext } from '../../site-context.js';
import { SearchPage, type PageResults, type SearchResults } from '../../views/search-page.js';

const UNKNOWN_CATEGORY_MESSAGE = '指定されたカテゴリーはありません。一覧から選び直してください。';

export const searchRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  app.get<{ Querystring: SearchQueryString }>(paths.search(), { schema: { querystring: SEARCH_QUERY } }, async (request, reply) => {
    const input = searchTextOf(request.url);
    const page = pageNumber(request.query.page);
    const params: SearchParams = {
      q: input.text,
      year: request.query.year ? Number(request.query.year) : undefined,
      category: request.query.category || undefined,
      kind: request.query.kind || undefined,
    };
    if (input.isMalformed) return sendRefused(deps, reply, params, { q: MALFORMED_Q_MESSAGE });
    try {
      return await sendSearchPage(deps, request, reply, params, page);
    } catch (error) {
      if (error instanceof ValidationError) return sendRefused(deps, reply, params, error.fields);
      throw error;
    }
  });

  app.get(paths.openSearch(), (request, reply) =>
    sendCached(deps, request, reply, 'opensearch', 'application/opensearchdescription+xml; charset=utf-8', async () =>
      openSearchDescription(await getSettings(deps.ctx.db), deps),
    ),
  );
};

/** The words are at most 200 characters (longer ones are refused before anything is cached), so keys stay small. */
function cacheKey(params: SearchParams, page: number): string {
  return `search:${params.kind ?? ''}:${params.year ?? ''}:${params.category ?? ''}:${page}:${params.q ?? ''}`;
}

async function sendSearchPage(
  deps: WebDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  params: SearchParams,
  page: number,
): Promise<FastifyReply> {
  return sendCached(deps, request, reply, cacheKey(params, page), HTML, async () => {
    const category = params.category === undefined ? undefined : await findCategoryBySlug(deps.ctx.db, params.category);
    if (params.category !== undefined && !category) throw new ValidationError('unknown category', { category: UNKNOWN_CATEGORY_MESSAGE });
    const filter = { year: params.year, categoryId: category?.id };
    const search = { q: params.q ?? '', filter, page, perPage: PER_PAGE };
    const isRunnable = checkSearchRequest(search) !== undefined;
    // Refusals and the empty box need no worker; the searches themselves run on worker
    // threads, so a slow query never stalls other pages (a full pool answers 503 at once).
    // Fixed pages come first, on the first page of the mixed results; with the ページ
    // filter they are the results, a page at a time.
    const pageSearch = { q: search.q, page: params.kind === 'page' ? page : 1, perPage: PER_PAGE };
    const found = isRunnable && params.kind !== 'report' && (params.kind === 'page' || page === 1) ? await deps.ctx.work.run('searchPages', pageSearch) : undefined;
    const pages: PageResults | undefined = found && { total: found.total, items: found.items, page: pageSearch.page, pageCount: pageCountOf(found.total, PER_PAGE) };
    if (params.kind === 'page') {
      if (page > (pages?.pageCount ?? 1)) throw new PageNotFoundError(paths.search(params));
      return renderSearchPage(deps, params, undefined, undefined, pages);
    }
    const result = isRunnable ? await deps.ctx.work.run('search', search) : { query: undefined, total: 0, items: [] };
    const pageCount = pageCountOf(result.total, PER_PAGE);
    if (page > pageCount) throw new PageNotFoundError(paths.search(params));
    const results: SearchResults | undefined = result.query && { total: result.total, items: result.items, page, pageCount };
    return renderSearchPage(deps, params, results, undefined, pages);
  });
}

/** Input the search cannot run: the form again, with the message next to the field, never cached. */
async function sendRefused(deps: WebDeps, reply: FastifyReply, params: SearchParams, errors: FieldMessages): Promise<FastifyReply> {
  const html = await renderSearchPage(deps, params, undefined, errors);
  return reply.code(400).header('Cache-Control', 'no-store').type(HTML).send(html);
}

async function renderSearchPage(
  deps: WebDeps,
  params: SearchParams,
  results: SearchResults | undefined,
  errors: FieldMessages | undefined,
  pages?: PageResults,
): Promise<string> {
  const [site, archive] = await Promise.all([loadSiteContext(deps), loadArchiveData(deps.ctx.db)]);
  const years = [...new Set(archive.months.map((m) => m.year))].sort((a, b) => b - a);
  return renderDocument(
    <SearchPage site={site} params={params} years={years} categories={archive.categories} results={results} errors={errors} pages={pages} />,
  );
}

/** OpenSearch allows at most 16 characters of ShortName. */
const SHORT_NAME_CHARS = 16;

/** The longest of 「衆議院議員 山川さくら 公式サイト」, 「山川さくら 公式サイト」, 「山川さくら」 that fits, else cut. */
export function openSearchShortName(settings: SiteSettings): string {
  const name = settings.legislatorName.trim();
  const candidates = [siteTitle(settings), name && `${name} 公式サイト`, name].filter((c) => c !== '');
  const fits = candidates.find((c) => [...c].length <= SHORT_NAME_CHARS);
  return fits ?? [...candidates[candidates.length - 1]!].slice(0, SHORT_NAME_CHARS).join('');
}

/** https://github.com/dewitt/opensearch/blob/master/opensearch-1-1-draft-6.md */
function openSearchDescription(settings: SiteSettings, deps: WebDeps): string {
  const at = (path: string) => escapeHtml(absoluteUrl(deps.baseUrl, path));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">',
    `  <ShortName>${escapeHtml(openSearchShortName(settings))}</ShortName>`,
    `  <Description>${escapeHtml(`${siteTitle(settings)}の活動報告を検索します。`)}</Description>`,
    `  <Url type="text/html" method="get" template="${at(paths.search())}?q={searchTerms}"/>`,
    `  <Url type="application/opensearchdescription+xml" rel="self" template="${at(paths.openSearch())}"/>`,
    `  <Image width="32" height="32" type="image/svg+xml">${at(deps.assets.icon.path)}</Image>`,
    '  <InputEncoding>UTF-8</InputEncoding>',
    '  <OutputEncoding>UTF-8</OutputEncoding>',
    '  <Language>ja</Language>',
    '</OpenSearchDescription>',
    '',
  ].join('\n');
}
