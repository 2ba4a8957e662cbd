// One page of the 活動報告 list or of an archive: the reports of its filter, and pages
// past the end refused.
import { PageNotFoundError } from '../../domain/errors.js';
import { pagedPath } from '../../domain/paths.js';
import { loadSummaries } from '../components/load-summaries.js';
import { loadArchiveData } from '../components/load-archive-data.js';
import { loadYearActivity } from '../components/load-year-activity.js';
import { loadListOrder } from './load-list-order.js';
import { loadSiteContext } from '../layout/load-site-context.js';
import { pageCountOf, PER_PAGE } from '../paging.js';
import type { SiteDeps } from '../site-deps.js';
import type { ReportListPageProps } from './report-list-page.js';
import type { ReportListSpec } from './report-list-spec.js';

/** @throws PageNotFoundError for an empty archive (not the main list) and a page past the last */
export async function loadReportListPage(deps: SiteDeps, spec: ReportListSpec, page: number): Promise<ReportListPageProps> {
  const db = deps.ctx.db;
  // The list's order is read once per content version and each page takes its slice: a
  // tag's list cannot be skipped through an index, and every page shows the total anyway.
  const order = await loadListOrder(db, spec.filter);
  const total = order.length;
  const pageCount = pageCountOf(total, PER_PAGE);
  if (total === 0 && !spec.isEmptyAllowed) throw new PageNotFoundError(spec.basePath);
  if (page > pageCount) throw new PageNotFoundError(pagedPath(spec.basePath, page));
  const { year, month } = spec.filter;
  // The year archive's first page carries the year's calendar (issue 16).
  const isCalendarShown = year !== undefined && month === undefined && page === 1;
  const [reports, site, archive, calendar] = await Promise.all([
    loadSummaries(db, order.slice((page - 1) * PER_PAGE, page * PER_PAGE), deps.summariesKept),
    loadSiteContext(deps),
    loadArchiveData(db),
    isCalendarShown ? loadYearActivity(db, year) : undefined,
  ]);
  return {
    site,
    heading: spec.heading,
    description: spec.description,
    crumbs: spec.crumbs,
    reports,
    total,
    pageInfo: { page, pageCount, basePath: spec.basePath },
    archive,
    period: year === undefined ? undefined : { year, month },
    calendar,
  };
}
