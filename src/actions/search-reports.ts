// Searching published reports: parse the query, find the ranked page of hits, and
// prepare each result's highlighted title and snippet from the original text.
import { positiveTerms, parseSearchQuery, type SearchQuery } from '../domain/search/query.js';
import { highlight, snippet, type TextPart } from '../domain/search/snippet.js';
import type { ReportSummary } from '../domain/report.js';
import type { Db } from '../store/database.js';
import { listSummariesWithText } from '../store/reports.js';
import { findSearchHits, type SearchFilter } from '../store/search.js';

export interface SearchRequest {
  q: string;
  filter: SearchFilter;
  page: number;
  perPage: number;
}

export interface SearchResultItem {
  report: ReportSummary;
  title: TextPart[];
  snippet: TextPart[];
}

export interface SearchResult {
  /** Undefined when the box was empty: show the form only. */
  query: SearchQuery | undefined;
  total: number;
  items: SearchResultItem[];
}

export const SNIPPET_CHARS = 120;

/** Throws ValidationError for a query that cannot be searched (too long, only exclusions). */
export async function searchReports(db: Db, request: SearchRequest): Promise<SearchResult> {
  const query = parseSearchQuery(request.q);
  if (!query) return { query, total: 0, items: [] };
  const hits = await findSearchHits(db, query, request.filter, {
    offset: (request.page - 1) * request.perPage,
    limit: request.perPage,
  });
  const terms = positiveTerms(query).map((t) => t.text);
  const found = await listSummariesWithText(db, hits.ids);
  return {
    query,
    total: hits.total,
    items: found.map(({ summary, bodyText }) => ({
      report: summary,
      title: highlight(summary.title, terms),
      snippet: snippet(bodyText, terms, SNIPPET_CHARS),
    })),
  };
}
