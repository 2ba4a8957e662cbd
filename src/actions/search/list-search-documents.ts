// What the static search index is built from (exporter/search/): every published report and
// every published fixed page with the text the server's search indexes and shows — title,
// plain body text, the texts of attached PDFs with their labels — and what a result shows
// (URL path, date, category, the kind of its confirmed activity record); the site's kinds of
// activity (the search's `activity` filter accepts these); and bm25's statistics of the server's indexes. Pages under an unpublished parent are listed too, marked
// unreachable: they still count in bm25's statistics of the page index, as in page_search.
import { pageTree } from '../../domain/page-tree.js';
import { paths } from '../../domain/paths.js';
import type { Category } from '../../domain/report.js';
import { getActivityKinds } from '../../store/activity-records.js';
import { confirmedActivityKinds } from '../../store/activity-kind-filter.js';
import type { Db } from '../../store/database.js';
import { listAttachmentTexts, listReportsAttachmentTexts } from '../../store/media-text.js';
import { findPage, listPages } from '../../store/pages.js';
import { listPublishedIdsAfter, listSummariesWithText } from '../../store/reports.js';
import { readSearchStatistics, type SearchStatistics } from '../../store/search-statistics.js';
import { pageExcerpt } from './search-pages.js';

export interface SearchSourceAttachment {
  label: string;
  text: string;
}

export interface ReportSearchSource {
  id: number;
  path: string;
  title: string;
  /** ISO `YYYY-MM-DD`. */
  activityDate: string;
  category: Category | null;
  /** The kind of the report's confirmed activity record (what the search's `activity` filter matches); null without one. */
  activityKind: string | null;
  bodyText: string;
  attachments: SearchSourceAttachment[];
}

export interface PageSearchSource {
  id: number;
  /** Undefined for a published page under an unpublished parent: indexed (statistics), never shown. */
  path: string | undefined;
  title: string;
  /** What a result shows: the summary, or the start of the text (actions/search/search-pages.ts). */
  excerpt: string;
  bodyText: string;
  attachments: SearchSourceAttachment[];
}

export interface SearchSources {
  reports: ReportSearchSource[];
  pages: PageSearchSource[];
  /** The site's kinds of activity, in the site's order: the only values the `activity` filter accepts. */
  activityKinds: string[];
  /** bm25's statistics of the server's two indexes, as FTS5 holds them (store/search-statistics.ts). */
  statistics: { report: SearchStatistics; page: SearchStatistics };
}

export interface SearchSourceSelection {
  /** Only these reports (the others are left out); all published ones when absent. */
  reportIds?: readonly number[];
  /** Only these pages; all published ones when absent. */
  pageIds?: readonly number[];
}

const BATCH = 500;

const attachmentsOf = async (db: Db, owner: Parameters<typeof listAttachmentTexts>[1]) =>
  (await listAttachmentTexts(db, owner)).map((a) => ({ label: a.label, text: a.text }));

/** The published reports and pages (or those of `selection` that are published), in id order. */
export async function listSearchDocuments(db: Db, selection: SearchSourceSelection = {}): Promise<SearchSources> {
  return {
    reports: await listReportSources(db, selection.reportIds),
    pages: await listPageSources(db, selection.pageIds),
    activityKinds: await getActivityKinds(db),
    statistics: { report: await readSearchStatistics(db, 'report_search'), page: await readSearchStatistics(db, 'page_search') },
  };
}

async function listReportSources(db: Db, only: readonly number[] | undefined): Promise<ReportSearchSource[]> {
  if (only)
    return reportSources(
      db,
      [...new Set(only)].sort((a, b) => a - b),
    );
  const out: ReportSearchSource[] = [];
  // Ids alone to page through: reportSources reads each row, its text included, once.
  for (let afterId = 0; ;) {
    const ids = await listPublishedIdsAfter(db, afterId, BATCH);
    if (ids.length === 0) return out;
    afterId = ids[ids.length - 1]!;
    out.push(...(await reportSources(db, ids)));
  }
}

/** The published ones of `ids`, in the order given. */
async function reportSources(db: Db, ids: number[]): Promise<ReportSearchSource[]> {
  const out: ReportSearchSource[] = [];
  const kinds = await confirmedActivityKinds(db, ids);
  // One query for the attachments of all of them, not one per report (10,000 round trips for a full index).
  const attachments = await listReportsAttachmentTexts(db, ids);
  for (const { summary, bodyText } of await listSummariesWithText(db, ids)) {
    if (summary.status !== 'published') continue;
    out.push({
      id: summary.id,
      path: paths.report(summary.slug),
      title: summary.title,
      activityDate: summary.activityDate,
      category: summary.category,
      activityKind: kinds.get(summary.id) ?? null,
      bodyText,
      attachments: (attachments.get(summary.id) ?? []).map((a) => ({ label: a.label, text: a.text })),
    });
  }
  return out;
}

async function listPageSources(db: Db, only: readonly number[] | undefined): Promise<PageSearchSource[]> {
  const published = await listPages(db, 'published');
  const reachable = new Map(pageTree(published).map((entry) => [entry.page.id, entry.slugs]));
  const out: PageSearchSource[] = [];
  for (const summary of [...published].sort((a, b) => a.id - b.id)) {
    if (only && !only.includes(summary.id)) continue;
    const page = await findPage(db, summary.id);
    if (!page) continue;
    const slugs = reachable.get(page.id);
    out.push({
      id: page.id,
      path: slugs && paths.page(slugs),
      title: page.title,
      excerpt: pageExcerpt(page),
      bodyText: page.bodyText,
      attachments: await attachmentsOf(db, { kind: 'page', id: page.id }),
    });
  }
  return out;
}
