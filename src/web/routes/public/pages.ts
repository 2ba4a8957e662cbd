// Fixed pages at /<slug>/, /<parent>/<child>/ and one level deeper (site/fixed-page/).
// Registered after every other public route: Fastify prefers static segments, so
// /activity/, /profile/ … always win, and a top-level page cannot take their names
// (domain/page-rules.ts). A path that names no published page is a 404 (which still
// follows stored redirects: web/errors.tsx).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { paths } from '../../../domain/paths.js';
import { HTML, sitePages } from '../../../site/site-pages.js';
import type { WebDeps } from '../../deps.js';
import { sendCached } from '../../send-cached.js';

export const pageRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  const send = (request: FastifyRequest, reply: FastifyReply, slugs: string[]) =>
    sendCached(deps, request, reply, `page:${paths.page(slugs)}`, HTML, () => sitePages.fixedPage(deps, slugs));
  app.get<{ Params: { a: string } }>('/:a/', (request, reply) => send(request, reply, [request.params.a]));
  app.get<{ Params: { a: string; b: string } }>('/:a/:b/', (request, reply) => send(request, reply, [request.params.a, request.params.b]));
  app.get<{ Params: { a: string; b: string; c: string } }>('/:a/:b/:c/', (request, reply) =>
    send(request, reply, [request.params.a, request.params.b, request.params.c]),
  );
};
