// The read-only JSON API of reports (open data), as the server sends it:
//   /api/v1/reports?page=&limit=  → { total, items: [{ id, title, url, date, category, tags, record }] }
//   /api/v1/reports/<id>          → the same fields plus summary, html, text, outline, attachments
// `record` is the activity record staff confirmed (activity-record-json.ts), else null: an
// unconfirmed proposal is never published.
import type { ActivityRecord } from '../../domain/activity-record/activity-record.js';
import { ReportNotFoundError } from '../../domain/errors.js';
import { absoluteUrl, paths } from '../../domain/paths.js';
import type { ReportSummary } from '../../domain/report.js';
import { findPublicActivityRecords } from '../../store/public-activity-records.js';
import { findReportById, listReports } from '../../store/reports.js';
import type { SiteDeps } from '../site-deps.js';
import { activityRecordJson } from './activity-record-json.js';
import { itemDetailJson } from './item-detail-json.js';

function summaryJson(report: ReportSummary, baseUrl: string, record: ActivityRecord | undefined) {
  return {
    id: report.id,
    title: report.title,
    url: absoluteUrl(baseUrl, paths.report(report.slug)),
    date: report.activityDate,
    category: report.category?.name ?? null,
    tags: report.tags,
    record: record === undefined ? null : activityRecordJson(record, baseUrl),
  };
}

export const renderApiReports = {
  list: async (deps: SiteDeps, page: number, limit: number): Promise<string> => {
    const result = await listReports(deps.ctx.db, { status: 'published' }, { offset: (page - 1) * limit, limit });
    const records = await findPublicActivityRecords(
      deps.ctx.db,
      result.items.map((r) => r.id),
    );
    return JSON.stringify({ total: result.total, items: result.items.map((r) => summaryJson(r, deps.baseUrl, records.get(r.id))) });
  },
  /** @throws ReportNotFoundError unless a published report has this id */
  one: async (deps: SiteDeps, id: number): Promise<string> => {
    const report = await findReportById(deps.ctx.db, id, 'published');
    if (!report) throw new ReportNotFoundError(String(id));
    const record = (await findPublicActivityRecords(deps.ctx.db, [id])).get(id);
    return JSON.stringify({ ...summaryJson(report, deps.baseUrl, record), ...itemDetailJson(report, report.attachments, deps.baseUrl) });
  },
};
