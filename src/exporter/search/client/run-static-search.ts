// One search over the static index, as the server's search page loads it
// (site/search/load-search-page.ts, actions/search/search-reports.ts, actions/search/search-pages.ts): the
// fixed pages first (all of them with the ページ filter, on the first page otherwise), then a
// page of reports with the highlighted title and the snippet around the first match (from the
// first attached PDF holding a term when neither title nor body does). With the kind-of-activity
// filter only reports are searched (a fixed page has no kind), unless the ページ filter is on. Shared by the search
// page's script and the tests that compare it with the server. In two steps (startStaticSearch):
// the list (titles and paths from the names file, fetched with the shards) once the evaluation
// is done, then the snippets from the shown reports' text files, a round of fetches later.
import { ValidationError, type FieldMessages } from '../../../domain/errors.js';
import { checkSearchDepth, parseSearchQuery, positiveTerms, type SearchQuery } from '../../../domain/search/query.js';
import { firstSnippet, highlight, snippet, type TextPart } from '../../../domain/search/snippet.js';
import { pageCountOf, PER_PAGE } from '../../../site/paging.js';
import { UNKNOWN_ACTIVITY_MESSAGE, UNKNOWN_CATEGORY_MESSAGE } from '../../../site/search/search-filters.js';
import { findStaticPageHits, findStaticReportHits, queryShards, type StaticIndex } from './find-static-hits.js';
import { reportIndex, textShard, type ReportNames, type ReportRow, type ReportText } from './format.js';

export interface StaticSearchParams {
  q: string;
  year?: number;
  category?: string;
  kind?: 'report' | 'page';
  /** Kind of activity (`?activity=`). */
  activity?: string;
  page: number;
}

/** A report as the list shows it before its text file is in. */
export interface StaticReportListing {
  id: number;
  path: string;
  title: string;
  activityDate: string;
  category: { slug: string; name: string } | null;
  titleParts: TextPart[];
}

export interface StaticReportHit extends StaticReportListing {
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

/** `Hit`: StaticReportListing while the snippets load (StartedSearch.listed). */
export type StaticSearchOutcome<Hit extends StaticReportListing = StaticReportHit> =
  | { kind: 'empty' }
  | { kind: 'refused'; errors: FieldMessages }
  | { kind: 'past-end' }
  | { kind: 'found'; pages?: Paged<{ title: string; path: string; excerpt: string }>; results?: Paged<Hit> };

export interface StaticTexts {
  /** A text shard by name (client/format.ts): report id → its texts. */
  texts(name: string): Promise<Record<string, ReportText>>;
  /** The names file (DocTable.names): [path, title] per row of the doc table's reports. */
  names(): Promise<ReportNames>;
}

export interface StartedSearch {
  /** The outcome with the reports listed (no snippets yet). */
  listed: StaticSearchOutcome<StaticReportListing>;
  /** Each listed report with its snippet, as its text file arrives (listed.results.items' order). */
  hits: Promise<StaticReportHit>[];
  /** The outcome complete: the shown reports' snippets in. */
  complete: Promise<StaticSearchOutcome>;
}

export async function runStaticSearch(index: StaticIndex & StaticTexts, params: StaticSearchParams): Promise<StaticSearchOutcome> {
  return (await startStaticSearch(index, params)).complete;
}

/** The search up to its list; the snippets follow in `complete`. */
export async function startStaticSearch(index: StaticIndex & StaticTexts, params: StaticSearchParams): Promise<StartedSearch> {
  const done = (outcome: StaticSearchOutcome): StartedSearch => ({ listed: outcome, hits: [], complete: Promise.resolve(outcome) });
  if (params.category !== undefined && !index.table.categories.some(([slug]) => slug === params.category)) {
    return done({ kind: 'refused', errors: { category: UNKNOWN_CATEGORY_MESSAGE } });
  }
  if (params.activity !== undefined && !index.table.activityKinds.includes(params.activity)) {
    return done({ kind: 'refused', errors: { activity: UNKNOWN_ACTIVITY_MESSAGE } });
  }
  let query;
  try {
    query = parseSearchQuery(params.q);
    if (query) checkSearchDepth(params.page, PER_PAGE);
  } catch (error) {
    if (error instanceof ValidationError) return done({ kind: 'refused', errors: error.fields });
    throw error;
  }
  if (!query) return done({ kind: 'empty' });
  // Started together; the evaluation awaits each where it needs it (a failure surfaces there).
  for (const name of queryShards(index.table, query)) index.shard(name).catch(() => undefined);
  const terms = positiveTerms(query).map((t) => t.text);
  if (params.kind === 'page') {
    const pages = await pageResults(index, query, params.page);
    return done(params.page > pages.pageCount ? { kind: 'past-end' } : { kind: 'found', pages });
  }
  index.names().catch(() => undefined);
  const filter = { year: params.year, category: params.category, activity: params.activity };
  const found = await findStaticReportHits(index, query, filter, params.page * PER_PAGE);
  const pageCount = pageCountOf(found.total, PER_PAGE);
  if (params.page > pageCount) return done({ kind: 'past-end' });
  const rows = found.rows.slice((params.page - 1) * PER_PAGE, params.page * PER_PAGE);
  // The shown reports' text files are asked for first; the fixed pages are searched while they load.
  const texts = rows.map(([id]) => index.texts(textShard(id)));
  for (const text of texts) text.catch(() => undefined);
  const pages = params.kind !== 'report' && params.activity === undefined && params.page === 1 ? await pageResults(index, query, 1) : undefined;
  const listings = await reportListings(index, rows, terms);
  const listed = { kind: 'found' as const, pages, results: { total: found.total, items: listings, page: params.page, pageCount } };
  const hits = listings.map(async (listing, i) => reportHit(listing, (await texts[i]!)[listing.id], terms));
  const complete = Promise.all(hits).then((items): StaticSearchOutcome => ({ ...listed, results: { ...listed.results, items } }));
  return { listed, hits, complete };
}

/** Page `page` of the fixed pages matching the query. */
async function pageResults(index: StaticIndex, query: SearchQuery, page: number): Promise<Paged<{ title: string; path: string; excerpt: string }>> {
  const hits = await findStaticPageHits(index, query);
  const items = hits.slice((page - 1) * PER_PAGE, page * PER_PAGE).map(([, , path, title, excerpt]) => ({ title, path: path!, excerpt }));
  return { total: hits.length, items, page, pageCount: pageCountOf(hits.length, PER_PAGE) };
}

/** The shown reports as listed: their rows with path and title from the names file. */
async function reportListings(index: StaticIndex & StaticTexts, rows: ReportRow[], terms: string[]): Promise<StaticReportListing[]> {
  const names = await index.names();
  return rows.map(([id, , activityDate, categoryIndex]) => {
    const category = categoryIndex < 0 ? null : { slug: index.table.categories[categoryIndex]![0], name: index.table.categories[categoryIndex]![1] };
    const [path, title] = names.at(reportIndex(index.table, id)) ?? ['', ''];
    return { id, path, title, activityDate, category, titleParts: highlight(title, terms) };
  });
}

/** A listed report with its snippet, from its texts (the first attached text holding a term when neither title nor body does). */
function reportHit(base: StaticReportListing, text: ReportText | undefined, terms: string[]): StaticReportHit {
  const [bodyText, attachments] = text ?? ['', []];
  const inBody = snippet(bodyText, terms);
  if (!hasMatch(base.titleParts) && !hasMatch(inBody)) {
    for (const [label, text] of attachments) {
      const parts = firstSnippet(text, terms);
      if (parts) return { ...base, snippet: parts, matchedIn: 'attachment', attachmentLabel: label };
    }
  }
  return { ...base, snippet: inBody, matchedIn: 'report' };
}

const hasMatch = (parts: TextPart[]) => parts.some((p) => p.isMatch);
