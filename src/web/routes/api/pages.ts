// The read-only JSON API of fixed pages: /api/v1/pages and /api/v1/pages/<id>
// (site/api/render-api-pages.ts).
import type { FastifyPluginAsync } from 'fastify';
import { paths } from '../../../domain/paths.js';
import { renderApiPages } from '../../../site/api/render-api-pages.js';
import type { WebDeps } from '../../deps.js';
import { sendCached } from '../../send-cached.js';
import { allowAnyOrigin, ID_PARAMS, JSON_TYPE } from './item-json.js';

export const apiPageRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  allowAnyOrigin(app);

  app.get(paths.apiPages(), (request, reply) => sendCached(deps, request, reply, 'api:pages', JSON_TYPE, () => renderApiPages.list(deps)));

  app.get<{ Params: { id: string } }>('/api/v1/pages/:id', ID_PARAMS, (request, reply) => {
    const id = Number(request.params.id);
    return sendCached(deps, request, reply, `api:page:${id}`, JSON_TYPE, () => renderApiPages.one(deps, id));
  });
};
