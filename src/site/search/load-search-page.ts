// /search: the form, and for words the matching fixed pages and reports. The searches run in
// the work pool (actions/runtime/), so a slow query never stalls other pages (a full pool
// answers 503 at once); refusals and the empty box need no worker.
import { readActivityKinds } from '../../actions/records/read-activity-record.js';
import { checkSearchRequest } from '../../actions/search/search-reports.js';
import { PageNotFoundError, ValidationError, type FieldMessages } from '../../domain/errors.js';
import { paths, type SearchParams } from '../../domain/paths.js';
import { findCategoryBySlug } from '../../store/categories.js';
import { loadArchiveData } from '../components/load-archive-data.js';
import { loadSiteContext } from '../layout/load-site-context.js';
import { pageCountOf, PER_PAGE } from '../paging.js';
import type { SiteDeps } from '../site-deps.js';
import { checkActivityFilter } from './check-activity-filter.js';
import { UNKNOWN_CATEGORY_MESSAGE } from './search-filters.js';
import type { SearchPageProps } from './search-page.js';
import type { PageResults, SearchResults } from './search-results.js';

/**
 * @throws ValidationError for words the search refuses and an unknown category (the page shows the form with the message: loadSearchRefusal)
 * @throws PageNotFoundError for a page past the last
 */
export async function loadSearchPage(deps: SiteDeps, params: SearchParams, page: number): Promise<SearchPageProps> {
  const category = params.category === undefined ? undefined : await findCategoryBySlug(deps.ctx.db, params.category);
  if (params.category !== undefined && !category) throw new ValidationError('unknown category', { category: UNKNOWN_CATEGORY_MESSAGE });
  await checkActivityFilter(deps.ctx, params.activity);
  const filter = { year: params.year, categoryId: category?.id, activityKind: params.activity };
  const search = { q: params.q ?? '', filter, page, perPage: PER_PAGE };
  const isRunnable = checkSearchRequest(search) !== undefined;
  // Fixed pages come first, on the first page of the mixed results; with the ページ filter
  // they are the results, a page at a time.
  const pageSearch = { q: search.q, page: params.kind === 'page' ? page : 1, perPage: PER_PAGE };
  // A fixed page has no kind of activity: with that filter only reports are found.
  const isPageSearched = params.kind === 'page' || (params.kind !== 'report' && params.activity === undefined && page === 1);
  const found = isRunnable && isPageSearched ? await deps.ctx.work.run('searchPages', pageSearch) : undefined;
  const pages: PageResults | undefined = found && { total: found.total, items: found.items, page: pageSearch.page, pageCount: pageCountOf(found.total, PER_PAGE) };
  if (params.kind === 'page') {
    if (page > (pages?.pageCount ?? 1)) throw new PageNotFoundError(paths.search(params));
    return loadSearchForm(deps, params, { pages });
  }
  const result = isRunnable ? await deps.ctx.work.run('search', search) : { query: undefined, total: 0, items: [] };
  const pageCount = pageCountOf(result.total, PER_PAGE);
  if (page > pageCount) throw new PageNotFoundError(paths.search(params));
  const results: SearchResults | undefined = result.query && { total: result.total, items: result.items, page, pageCount };
  return loadSearchForm(deps, params, { results, pages });
}

/** Input the search cannot run: the form again, with the message next to the field. */
export function loadSearchRefusal(deps: SiteDeps, params: SearchParams, errors: FieldMessages): Promise<SearchPageProps> {
  return loadSearchForm(deps, params, { errors });
}

async function loadSearchForm(deps: SiteDeps, params: SearchParams, found: Pick<SearchPageProps, 'results' | 'pages' | 'errors'>): Promise<SearchPageProps> {
  const [site, archive, activityKinds] = await Promise.all([loadSiteContext(deps), loadArchiveData(deps.ctx.db), readActivityKinds(deps.ctx)]);
  const years = [...new Set(archive.months.map((m) => m.year))].sort((a, b) => b - a);
  return { site, params, years, categories: archive.categories, activityKinds, ...found };
}
