// One search over the static index, as the server's search page loads it
// (site/search/load-search-page.ts, actions/search/search-reports.ts, actions/search/search-pages.ts): the
// fixed pages first (all of them with the ページ filter, on the first page otherwise), then a
// page of reports with the highlighted title and the snippet around the first match (from the
// first attached PDF holding a term when neither title nor body does). With the kind-of-activity
// filter only reports are searched (a fixed page has no kind), unless the ページ filter is on. Shared by the search
// page's script and the tests that compare it with the server.
import { ValidationError, type FieldMessages } from '../../../domain/errors.js';
import { checkSearchDepth, parseSearchQuery, positiveTerms, type SearchQuery } from '../../../domain/search/query.js';
import { firstSnippet, highlight, snippet, type TextPart } from '../../../domain/search/snippet.js';
import { pageCountOf, PER_PAGE } from '../../../site/paging.js';
import { UNKNOWN_ACTIVITY_MESSAGE, UNKNOWN_CATEGORY_MESSAGE } from '../../../site/search/search-filters.js';
import { findStaticPageHits, findStaticReportHits, queryShards, type StaticIndex } from './find-static-hits.js';
import { textShard, type ReportRow, type ReportText } from './format.js';

export interface StaticSearchParams {
  q: string;
  year?: number;
  category?: string;
  kind?: 'report' | 'page';
  /** Kind of activity (`?activity=`). */
  activity?: string;
  page: number;
}

export interface StaticReportHit {
  id: number;
  path: string;
  title: string;
  activityDate: string;
  category: { slug: string; name: string } | null;
  titleParts: TextPart[];
  snippet: TextPart[];
  matchedIn: 'report' | 'attachment';
  attachmentLabel?: string;
}

export interface Paged<T> {
  total: number;
  items: T[];
  page: number;
  pageCount: number;
}

export type StaticSearchOutcome =
  | { kind: 'empty' }
  | { kind: 'refused'; errors: FieldMessages }
  | { kind: 'past-end' }
  | { kind: 'found'; pages?: Paged<{ title: string; path: string; excerpt: string }>; results?: Paged<StaticReportHit> };

export interface StaticTexts {
  /** A text shard by name (client/format.ts): report id → its texts. */
  texts(name: string): Promise<Record<string, ReportText>>;
}

export async function runStaticSearch(index: StaticIndex & StaticTexts, params: StaticSearchParams): Promise<StaticSearchOutcome> {
  if (params.category !== undefined && !index.table.categories.some(([slug]) => slug === params.category)) {
    return { kind: 'refused', errors: { category: UNKNOWN_CATEGORY_MESSAGE } };
  }
  if (params.activity !== undefined && !index.table.activityKinds.includes(params.activity)) {
    return { kind: 'refused', errors: { activity: UNKNOWN_ACTIVITY_MESSAGE } };
  }
  let query;
  try {
    query = parseSearchQuery(params.q);
    if (query) checkSearchDepth(params.page, PER_PAGE);
  } catch (error) {
    if (error instanceof ValidationError) return { kind: 'refused', errors: error.fields };
    throw error;
  }
  if (!query) return { kind: 'empty' };
  // Started together; the evaluation awaits each where it needs it (a failure surfaces there).
  for (const name of queryShards(index.table, query)) index.shard(name).catch(() => undefined);
  const terms = positiveTerms(query).map((t) => t.text);
  if (params.kind === 'page') {
    const pages = await pageResults(index, query, params.page);
    return params.page > pages.pageCount ? { kind: 'past-end' } : { kind: 'found', pages };
  }
  const filter = { year: params.year, category: params.category, activity: params.activity };
  const hits = await findStaticReportHits(index, query, filter, params.page * PER_PAGE);
  const pageCount = pageCountOf(hits.total, PER_PAGE);
  if (params.page > pageCount) return { kind: 'past-end' };
  const rows = hits.rows.slice((params.page - 1) * PER_PAGE, params.page * PER_PAGE);
  // The shown reports' text files are asked for first; the fixed pages are searched while they load.
  const items = Promise.all(rows.map((row) => reportHit(index, row, terms)));
  items.catch(() => undefined);
  const pages = params.kind !== 'report' && params.activity === undefined && params.page === 1 ? await pageResults(index, query, 1) : undefined;
  return { kind: 'found', pages, results: { total: hits.total, items: await items, page: params.page, pageCount } };
}

/** Page `page` of the fixed pages matching the query. */
async function pageResults(index: StaticIndex, query: SearchQuery, page: number): Promise<Paged<{ title: string; path: string; excerpt: string }>> {
  const hits = await findStaticPageHits(index, query);
  const items = hits.slice((page - 1) * PER_PAGE, page * PER_PAGE).map(([, , path, title, excerpt]) => ({ title, path: path!, excerpt }));
  return { total: hits.length, items, page, pageCount: pageCountOf(hits.length, PER_PAGE) };
}

async function reportHit(index: StaticIndex & StaticTexts, row: ReportRow, terms: string[]): Promise<StaticReportHit> {
  const [id, , activityDate, categoryIndex] = row;
  const category = categoryIndex < 0 ? null : { slug: index.table.categories[categoryIndex]![0], name: index.table.categories[categoryIndex]![1] };
  const [path, title, bodyText, attachments] = (await index.texts(textShard(id)))[id] ?? ['', '', '', []];
  const titleParts = highlight(title, terms);
  const inBody = snippet(bodyText, terms);
  const base = { id, path, title, activityDate, category, titleParts };
  if (!hasMatch(titleParts) && !hasMatch(inBody)) {
    for (const [label, text] of attachments) {
      const parts = firstSnippet(text, terms);
      if (parts) return { ...base, snippet: parts, matchedIn: 'attachment', attachmentLabel: label };
    }
  }
  return { ...base, snippet: inBody, matchedIn: 'report' };
}

const hasMatch = (parts: TextPart[]) => parts.some((p) => p.isMatch);
