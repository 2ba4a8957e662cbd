// Every public path answered without a server: the page (the same bytes the server sends),
// a 301, or not-found. The static export calls it for each path of listPublicPaths; the
// server's routes call the same page functions (site-pages.tsx) through Fastify.
import { NotFoundError, ValidationError } from '../domain/errors.js';
import { nameOfSegment, pagedPath, paths, type SearchParams } from '../domain/paths.js';
import { normalizeTag } from '../domain/report-rules.js';
import { activityDataPaths } from '../domain/activity-record/data-paths.js';
import { ICS_CONTENT_TYPE, renderEventsIcs } from './events/render-events-ics.js';
import { FEED_CONTENT_TYPES, renderFeed } from './feeds/render-feed.js';
import { activitiesCsv, ACTIVITIES_CSV_CONTENT_TYPE } from './opendata/activities-csv.js';
import { activitiesJson, ACTIVITIES_JSON_CONTENT_TYPE } from './opendata/activities-json.js';
import { OPEN_SEARCH_CONTENT_TYPE, renderOpenSearch } from './discovery/render-open-search.js';
import { renderRobots, ROBOTS_CONTENT_TYPE, ROBOTS_PATH } from './discovery/render-robots.js';
import { renderSitemap, SITEMAP_CONTENT_TYPE } from './discovery/render-sitemap.js';
import { listPageNumber, parsePageNumber } from './paging.js';
import { findLegacyQueryRedirect, findPublicRedirect } from './public-redirects.js';
import { findCategoryList } from './report-list/find-category-list.js';
import { periodList, reportListSpec, type ReportListSpec } from './report-list/report-list-spec.js';
import { searchFiltersOf } from './search/search-filters.js';
import { searchTextOf } from './search/search-text-of.js';
import type { SiteDeps } from './site-deps.js';
import { HTML, sitePages } from './site-pages.js';
import type { SiteResult } from './site-result.js';

export interface RenderOptions {
  /** The static export's /search: the empty form plus the static search script (search-page.tsx). */
  staticSearch?: boolean;
  /** With staticSearch: the head of the index written beside it (exporter/search/read-search-head.ts), carried by the page. */
  staticIndexHead?: string;
}

/** `path`: a URL path with an optional query string, as requested (percent-encoded). */
export async function renderPublicPath(deps: SiteDeps, path: string, options: RenderOptions = {}): Promise<SiteResult> {
  const legacy = await findLegacyQueryRedirect(deps, path);
  if (legacy) return { kind: 'redirect', location: legacy };
  try {
    const result = await route(deps, path, options);
    if (result) return result;
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  const target = await findPublicRedirect(deps, path);
  return target ? { kind: 'redirect', location: target } : { kind: 'not-found' };
}

const html = (body: string): SiteResult => ({ kind: 'page', contentType: HTML, body });

async function joined(chunks: AsyncGenerator<string>): Promise<string> {
  let body = '';
  for await (const chunk of chunks) body += chunk;
  return body;
}

/** The page a path names; undefined (or a NotFoundError) when it names none. */
async function route(deps: SiteDeps, url: string, options: RenderOptions): Promise<SiteResult | undefined> {
  const queryAt = url.indexOf('?');
  const pathname = queryAt < 0 ? url : url.slice(0, queryAt);
  const query = new URLSearchParams(queryAt < 0 ? '' : url.slice(queryAt + 1));
  for (const asset of [deps.assets.css, deps.assets.icon]) {
    if (pathname === asset.path) return { kind: 'page', contentType: asset.contentType, body: asset.body };
  }
  switch (pathname) {
    case paths.home():
      return html(await sitePages.home(deps));
    case paths.profile():
      return html(await sitePages.profile(deps));
    case paths.rss():
      return { kind: 'page', contentType: FEED_CONTENT_TYPES.rss, body: await renderFeed(deps, 'rss') };
    case paths.atom():
      return { kind: 'page', contentType: FEED_CONTENT_TYPES.atom, body: await renderFeed(deps, 'atom') };
    case paths.jsonFeed():
      return { kind: 'page', contentType: FEED_CONTENT_TYPES.json, body: await renderFeed(deps, 'json') };
    case activityDataPaths.ics:
      return { kind: 'page', contentType: ICS_CONTENT_TYPE, body: await renderEventsIcs(deps) };
    // Whole here (the static build writes a file's bytes at once); the server streams them.
    case activityDataPaths.csv:
      return { kind: 'page', contentType: ACTIVITIES_CSV_CONTENT_TYPE, body: await joined(activitiesCsv(deps)) };
    case activityDataPaths.json:
      return { kind: 'page', contentType: ACTIVITIES_JSON_CONTENT_TYPE, body: await joined(activitiesJson(deps)) };
    case paths.sitemap():
      return { kind: 'page', contentType: SITEMAP_CONTENT_TYPE, body: await renderSitemap(deps) };
    case ROBOTS_PATH:
      return { kind: 'page', contentType: ROBOTS_CONTENT_TYPE, body: renderRobots(deps.baseUrl) };
    case paths.openSearch():
      return { kind: 'page', contentType: OPEN_SEARCH_CONTENT_TYPE, body: await renderOpenSearch(deps) };
    case '/favicon.ico':
      return { kind: 'redirect', location: deps.assets.icon.path };
    case paths.search():
      return renderSearch(deps, url, query, options);
  }
  if (!pathname.endsWith('/')) return undefined;
  const segments = decodeSegments(pathname);
  if (segments === undefined) return undefined;
  const [first, ...rest] = segments;
  if (first === 'activity' || first === 'category' || first === 'tag') return renderListOrReport(deps, segments, query);
  if (first === 'people') return renderPeople(deps, rest);
  if (first === 'profile' || segments.length > 3) return undefined;
  return html(await sitePages.fixedPage(deps, [first!, ...rest]));
}

/** `/a/b/` → ['a', 'b']; undefined for an empty segment or one that cannot be decoded. */
function decodeSegments(pathname: string): string[] | undefined {
  const raw = pathname.slice(1, -1).split('/');
  if (raw.some((s) => s === '')) return undefined;
  try {
    return raw.map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}

async function renderListOrReport(deps: SiteDeps, segments: string[], query: URLSearchParams): Promise<SiteResult | undefined> {
  const { list, rest } = await listOf(deps, segments);
  if (!list) {
    // Only /activity/<slug>/ is a report: /category/<slug>/ of no category is not found.
    const [first, slug] = segments;
    return first === 'activity' && segments.length === 2 && slug !== undefined ? html(await sitePages.report(deps, slug)) : undefined;
  }
  if (rest.length === 0) {
    // The server's old `?page=N` links lead to the page paths.
    const asked = query.get('page');
    if (asked !== null) {
      const page = parsePageNumber(asked);
      return page === undefined ? undefined : { kind: 'redirect', location: pagedPath(list.basePath, page) };
    }
    return html(await sitePages.reportList(deps, list, 1));
  }
  const page = listPageNumber(rest);
  if (page === undefined) return undefined;
  if (page === 1) return { kind: 'redirect', location: list.basePath };
  return html(await sitePages.reportList(deps, list, page));
}

/** `/people/`, `/people/page/N/`, `/people/<name>/` and `/people/<name>/page/N/`. */
async function renderPeople(deps: SiteDeps, rest: string[]): Promise<SiteResult | undefined> {
  const [segment, ...after] = rest;
  if (segment === undefined) return html(await sitePages.people(deps, 1));
  const indexPage = listPageNumber(rest);
  if (indexPage !== undefined) return indexPage === 1 ? { kind: 'redirect', location: paths.people() } : html(await sitePages.people(deps, indexPage));
  const name = nameOfSegment(segment);
  if (name === undefined) return undefined;
  if (after.length === 0) return html(await sitePages.person(deps, name, 1));
  const page = listPageNumber(after);
  if (page === undefined) return undefined;
  return page === 1 ? { kind: 'redirect', location: paths.person(name) } : html(await sitePages.person(deps, name, page));
}

/** Which list a path names (activity, year, month, category, tag), and the segments after it. */
async function listOf(deps: SiteDeps, segments: string[]): Promise<{ list?: ReportListSpec; rest: string[] }> {
  const [first, second, third] = segments;
  if (first === 'activity') {
    // `/activity/page/2/` is page 2 of the list; `/activity/page/` may be a report's slug.
    if (second === undefined || (second === 'page' && third !== undefined)) return { list: reportListSpec.activity(), rest: segments.slice(1) };
    // `/activity/kind/<kind>/`; `/activity/kind/` alone may be a report's slug.
    if (second === 'kind' && third !== undefined) {
      const kind = nameOfSegment(third);
      return kind === undefined ? { rest: [] } : { list: reportListSpec.activityKind(kind), rest: segments.slice(3) };
    }
    const month = third === undefined ? undefined : periodList(second, third);
    if (month) return { list: month, rest: segments.slice(3) };
    const year = periodList(second);
    return year ? { list: year, rest: segments.slice(2) } : { rest: [] };
  }
  if (second === undefined) return { rest: [] };
  if (first === 'category') {
    const list = await findCategoryList(deps, second);
    return list ? { list, rest: segments.slice(2) } : { rest: [] };
  }
  const name = normalizeTag(nameOfSegment(second) ?? '');
  return name === '' ? { rest: [] } : { list: reportListSpec.tag(name), rest: segments.slice(2) };
}

async function renderSearch(deps: SiteDeps, url: string, query: URLSearchParams, options: RenderOptions): Promise<SiteResult | undefined> {
  if (options.staticSearch) return html(await sitePages.search(deps, {}, 1, { isStaticSearch: true, staticIndexHead: options.staticIndexHead }));
  const input = searchTextOf(url);
  const page = parsePageNumber(query.get('page') ?? '1');
  const filters = searchFiltersOf(query);
  if (input.isMalformed || page === undefined || filters === undefined) return undefined;
  const params: SearchParams = { q: input.text, ...filters };
  try {
    return html(await sitePages.search(deps, params, page));
  } catch (error) {
    // Refused words: the server answers 400 with the form; there is no such page to write.
    if (error instanceof ValidationError) return undefined;
    throw error;
  }
}
