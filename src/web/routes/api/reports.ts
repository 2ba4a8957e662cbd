// The read-only JSON API for reuse of the record (open data):
// GET /api/v1/reports?page=&limit=  → { total, items: [{ id, title, url, date, category, tags }] }
// GET /api/v1/reports/<id>          → the same fields plus summary, html, text, outline, attachments
import type { FastifyPluginAsync } from 'fastify';
import { ReportNotFoundError } from '../../../domain/errors.js';
import { absoluteUrl, paths } from '../../../domain/paths.js';
import type { ReportSummary } from '../../../domain/report.js';
import { findReportById, listReports } from '../../../store/reports.js';
import type { WebDeps } from '../../deps.js';
import { LIST_QUERY, pageNumber, type ListQuery } from '../../query.js';
import { sendCached } from '../../send-cached.js';
import { allowAnyOrigin, ID_PARAMS, itemDetailJson, JSON_TYPE } from './item-json.js';

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

export const apiReportRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  allowAnyOrigin(app);

  app.get<{ Querystring: ListQuery }>('/api/v1/reports', { schema: { querystring: LIST_QUERY } }, (request, reply) => {
    const page = pageNumber(request.query.page);
    const limit = Number(request.query.limit ?? 20);
    return sendCached(deps, request, reply, `api:list:${page}:${limit}`, JSON_TYPE, async () => {
      const result = await listReports(deps.ctx.db, { status: 'published' }, { offset: (page - 1) * limit, limit });
      return JSON.stringify({ total: result.total, items: result.items.map((r) => summaryJson(r, deps.baseUrl)) });
    });
  });

  app.get<{ Params: { id: string } }>(
    '/api/v1/reports/:id',
    ID_PARAMS,
    (request, reply) => {
      const id = Number(request.params.id);
      return sendCached(deps, request, reply, `api:report:${id}`, JSON_TYPE, async () => {
        const report = await findReportById(deps.ctx.db, id, 'published');
        if (!report) throw new ReportNotFoundError(String(id));
        return JSON.stringify({ ...summaryJson(report, deps.baseUrl), ...itemDetailJson(report, report.attachments, deps.baseUrl) });
      });
    },
  );
};
