// The read-only JSON API of reports (open data), as the server sends it:
//   /api/v1/reports?page=&limit=  → { total, items: [{ id, title, url, date, category, tags }] }
//   /api/v1/reports/<id>          → the same fields plus summary, html, text, outline, attachments
import { ReportNotFoundError } from '../../domain/errors.js';
import { absoluteUrl, paths } from '../../domain/paths.js';
import type { ReportSummary } from '../../domain/report.js';
import { findReportById, listReports } from '../../store/reports.js';
import type { SiteDeps } from '../site-deps.js';
import { itemDetailJson } from './item-detail-json.js';

function summaryJson(report: ReportSummary, baseUrl: string) {
  return {
    id: report.id,
    title: report.title,
    url: absoluteUrl(baseUrl, paths.report(report.slug)),
    date: report.activityDate,
    category: report.category?.name ?? null,
    tags: report.tags,
  };
}

export const renderApiReports = {
  list: async (deps: SiteDeps, page: number, limit: number): Promise<string> => {
    const result = await listReports(deps.ctx.db, { status: 'published' }, { offset: (page - 1) * limit, limit });
    return JSON.stringify({ total: result.total, items: result.items.map((r) => summaryJson(r, deps.baseUrl)) });
  },
  /** @throws ReportNotFoundError unless a published report has this id */
  one: async (deps: SiteDeps, id: number): Promise<string> => {
    const report = await findReportById(deps.ctx.db, id, 'published');
    if (!report) throw new ReportNotFoundError(String(id));
    return JSON.stringify({ ...summaryJson(report, deps.baseUrl), ...itemDetailJson(report, report.attachments, deps.baseUrl) });
  },
};
