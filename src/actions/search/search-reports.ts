// Searching published reports: parse the query, find the ranked page of hits, and
// prepare each result's highlighted title and snippet from the original text (or, for a
// report found only through an attached PDF, from that PDF's text, with its label).
import { checkSearchDepth, positiveTerms, parseSearchQuery, type SearchQuery } from '../../domain/search/query.js';
import { firstSnippet, highlight, snippet, type TextPart } from '../../domain/search/snippet.js';
import type { ReportSummary } from '../../domain/report.js';
import type { Db } from '../../store/database.js';
import { listAttachmentTexts } from '../../store/media-text.js';
import { listSummariesWithText } from '../../store/reports.js';
import { findSearchHits, type SearchFilter } from '../../store/search.js';

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
  /** Where the words were found: in the report itself, or only in an attached PDF (「添付資料内」). */
  matchedIn: 'report' | 'attachment';
  /** The label of that attachment, when matchedIn is 'attachment'. */
  attachmentLabel?: string;
}

export interface SearchResult {
  /** Undefined when the box was empty: show the form only. */
  query: SearchQuery | undefined;
  total: number;
  items: SearchResultItem[];
}

export const SNIPPET_CHARS = 120;

/**
 * The parsed query, or undefined for an empty box. Throws ValidationError for a query that
 * cannot be searched or would cost too much (domain/search/query.ts). Cheap: callers may run
 * it before handing the search to the work pool, so refusals never wait for a worker.
 */
export function checkSearchRequest(request: SearchRequest): SearchQuery | undefined {
  const query = parseSearchQuery(request.q);
  if (query) checkSearchDepth(request.page, request.perPage);
  return query;
}

/** Throws ValidationError as checkSearchRequest does. */
export async function searchReports(db: Db, request: SearchRequest): Promise<SearchResult> {
  const query = checkSearchRequest(request);
  if (!query) return { query, total: 0, items: [] };
  const hits = await findSearchHits(db, query, request.filter, {
    offset: (request.page - 1) * request.perPage,
    limit: request.perPage,
  });
  const terms = positiveTerms(query).map((t) => t.text);
  const found = await listSummariesWithText(db, hits.ids);
  const items: SearchResultItem[] = [];
  for (const { summary, bodyText } of found) {
    const title = highlight(summary.title, terms);
    const inBody = snippet(bodyText, terms, SNIPPET_CHARS);
    const inAttachment = hasMatch(title) || hasMatch(inBody) ? undefined : await attachmentSnippet(db, summary.id, terms);
    items.push(
      inAttachment
        ? { report: summary, title, snippet: inAttachment.snippet, matchedIn: 'attachment', attachmentLabel: inAttachment.label }
        : { report: summary, title, snippet: inBody, matchedIn: 'report' },
    );
  }
  return { query, total: hits.total, items };
}

const hasMatch = (parts: TextPart[]) => parts.some((p) => p.isMatch);

/** The snippet from the first attached PDF whose text holds a term, with the attachment's label. */
async function attachmentSnippet(db: Db, reportId: number, terms: string[]): Promise<{ label: string; snippet: TextPart[] } | undefined> {
  for (const attachment of await listAttachmentTexts(db, reportId)) {
    const parts = firstSnippet(attachment.text, terms, SNIPPET_CHARS);
    if (parts) return { label: attachment.label, snippet: parts };
  }
  return undefined;
}
