// Public URL paths, in one place so pages, feeds, sitemaps, the API and the static
// export always agree. All paths end in "/" except files, /search and the API.

export const paths = {
  home: () => '/',
  activity: () => '/activity/',
  report: (slug: string) => `/activity/${slug}/`,
  year: (year: number) => `/activity/${year}/`,
  month: (year: number, month: number) => `/activity/${year}/${String(month).padStart(2, '0')}/`,
  category: (slug: string) => `/category/${slug}/`,
  tag: (name: string) => `/tag/${nameSegment(name)}/`,
  /** The reports whose confirmed record is of this kind (issue 16). */
  activityKind: (kind: string) => `/activity/kind/${nameSegment(kind)}/`,
  people: () => '/people/',
  /** `key`: the name through domain/activity-record/person-key.ts personKey. */
  person: (key: string) => `/people/${nameSegment(key)}/`,
  profile: () => '/profile/',
  rss: () => '/feed.xml',
  atom: () => '/atom.xml',
  jsonFeed: () => '/feed.json',
  sitemap: () => '/sitemap.xml',
  apiReport: (id: number) => `/api/v1/reports/${id}`,
  search: (params: SearchParams = {}) => withQuery('/search', params),
  apiSearch: () => '/api/v1/search',
  openSearch: () => '/opensearch.xml',
  /** A fixed page by the slugs from the top of its tree down: `/seisaku/kyoiku/`. */
  page: (slugs: readonly string[]) => `/${slugs.map(encodeURIComponent).join('/')}/`,
  apiPages: () => '/api/v1/pages',
  apiPage: (id: number) => `/api/v1/pages/${id}`,
} as const;

/** '%', '/', backslash and a leading '.': escaped before a name becomes a path segment (nameSegment). */
const UNSAFE_IN_FILE_NAME = /[%/\\]|^\./g;
const escapeName = (name: string) => name.replace(UNSAFE_IN_FILE_NAME, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A name typed by staff or taken from a record (tag, kind of activity, person's key) as one
 * path segment. The characters a file name cannot hold or that paths treat specially ('/',
 * backslash, '..', a leading '.') and '%' itself are percent-escaped first, then the whole is
 * encoded: so the segment decoded once, which is what a static web server looks for on disk
 * and what the router hands over, is a plain file name (`a%2Fb` for "a/b"), and the server
 * and the export agree on every name (nameOfSegment reads it back).
 */
export function nameSegment(name: string): string {
  return encodeURIComponent(escapeName(name));
}

/** The name whose nameSegment, decoded once, is `segment`; undefined for any other segment (not found). */
export function nameOfSegment(segment: string): string | undefined {
  let name: string;
  try {
    name = decodeURIComponent(segment);
  } catch {
    return undefined;
  }
  return escapeName(name) === segment ? name : undefined;
}

/** Top-level paths served by something other than `paths` (admin, files, health, robots …). */
const OTHER_TOP_LEVEL = ['admin', 'media', 'assets', 'healthz', 'readyz', 'robots.txt', 'favicon.ico', 'people', 'events.ics', 'opendata'];

/**
 * The first path segments the site itself uses: a top-level fixed page may not take one,
 * or it would shadow (or be shadowed by) that address. Derived from `paths`, so a new
 * address added there is reserved at once.
 */
export const RESERVED_TOP_SEGMENTS: ReadonlySet<string> = new Set([
  ...Object.entries(paths)
    .filter(([name]) => name !== 'page')
    .map(([, make]) => (make as (...args: unknown[]) => string)('x', 1).split(/[/?]/)[1] ?? '')
    .filter((segment) => segment !== ''),
  ...OTHER_TOP_LEVEL,
]);

/** What a search page shows: the words as typed and the filters (a category by its slug). */
export interface SearchParams {
  q?: string;
  year?: number;
  category?: string;
  /** Only reports or only fixed pages; both when absent. */
  kind?: SearchKind;
  /** Only reports whose confirmed activity record is of this kind (issue 16; `?activity=`). */
  activity?: string;
}

export const SEARCH_KINDS = ['report', 'page'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** `path?q=…&year=…&category=…` as a browser's GET form writes it (spaces as +); empty values left out. */
function withQuery(path: string, params: SearchParams): string {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  if (params.year !== undefined) query.set('year', String(params.year));
  if (params.category) query.set('category', params.category);
  if (params.kind) query.set('kind', params.kind);
  if (params.activity) query.set('activity', params.activity);
  const text = query.toString();
  return text === '' ? path : `${path}?${text}`;
}

/** `page=N` appended when N > 1, so page 1 has one canonical URL; after `&` if the path has a query. */
export function withPage(path: string, page: number): string {
  if (page <= 1) return path;
  return `${path}${path.includes('?') ? '&' : '?'}page=${page}`;
}

/**
 * Page N of a list or archive as a path a static file server can serve too:
 * `/activity/page/2/`; page 1 is the list's own path (one canonical URL).
 */
export function pagedPath(basePath: string, page: number): string {
  return page <= 1 ? basePath : `${basePath}page/${page}/`;
}

export function absoluteUrl(baseUrl: string, path: string): string {
  return `${baseUrl}${path}`;
}
