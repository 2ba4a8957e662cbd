// The read-only JSON API for reuse of the record (open data): /api/v1/reports and
// /api/v1/reports/<id> (site/api/render-api-reports.ts).
import type { FastifyPluginAsync } from 'fastify';
import { renderApiReports } from '../../../site/api/render-api-reports.js';
import type { WebDeps } from '../../deps.js';
import { LIST_QUERY, pageNumber, type ListQuery } from '../../query.js';
import { sendCached } from '../../send-cached.js';
import { allowAnyOrigin, ID_PARAMS, JSON_TYPE } from './item-json.js';

export const apiReportRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  allowAnyOrigin(app);

  app.get<{ Querystring: ListQuery }>('/api/v1/reports', { schema: { querystring: LIST_QUERY } }, (request, reply) => {
    const page = pageNumber(request.query.page);
    const limit = Number(request.query.limit ?? 20);
    return sendCached(deps, request, reply, `api:list:${page}:${limit}`, JSON_TYPE, () => renderApiReports.list(deps, page, limit));
  });

  app.get<{ Params: { id: string } }>('/api/v1/reports/:id', ID_PARAMS, (request, reply) => {
    const id = Number(request.params.id);
    return sendCached(deps, request, reply, `api:report:${id}`, JSON_TYPE, () => renderApiReports.one(deps, id));
  });
};
