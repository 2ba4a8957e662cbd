// /category/<slug>/ and /tag/<name>/ archives, with their page paths (`…/page/2/`).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { PageNotFoundError } from '../../../domain/errors.js';
import { normalizeTag } from '../../../domain/report-rules.js';
import { findCategoryList } from '../../../site/report-list/find-category-list.js';
import { reportListSpec } from '../../../site/report-list/report-list-spec.js';
import type { WebDeps } from '../../deps.js';
import { PAGE_QUERY, type PageQuery } from '../../query.js';
import { nameInPath, sendListPage, sendPagedListPage } from './list-page.js';

export const archiveRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  const withPage = { schema: { querystring: PAGE_QUERY } };
  const categoryList = async (request: FastifyRequest, slug: string) => {
    const list = await findCategoryList(deps, slug);
    if (!list) throw new PageNotFoundError(request.url);
    return list;
  };
  const tagList = (request: FastifyRequest, raw: string) => {
    const name = normalizeTag(nameInPath(request, raw));
    if (name === '') throw new PageNotFoundError(request.url);
    return reportListSpec.tag(name);
  };

  app.get<{ Params: { slug: string }; Querystring: PageQuery }>('/category/:slug/', withPage, async (request, reply) =>
    sendListPage(deps, request, reply, await categoryList(request, request.params.slug)),
  );
  app.get<{ Params: { slug: string; n: string } }>('/category/:slug/page/:n/', async (request, reply) =>
    sendPagedListPage(deps, request, reply, await categoryList(request, request.params.slug), request.params.n),
  );
  app.get<{ Params: { name: string }; Querystring: PageQuery }>('/tag/:name/', withPage, (request, reply) =>
    sendListPage(deps, request, reply, tagList(request, request.params.name)),
  );
  app.get<{ Params: { name: string; n: string } }>('/tag/:name/page/:n/', (request, reply) =>
    sendPagedListPage(deps, request, reply, tagList(request, request.params.name), request.params.n),
  );
};
