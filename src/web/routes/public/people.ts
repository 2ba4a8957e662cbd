// /people/ (the index of people the activity records name) and /people/<name>/, each with
// its page paths (`…/page/2/`). Pages come from site/people/.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { PageNotFoundError } from '../../../domain/errors.js';
import { paths } from '../../../domain/paths.js';
import { listPageNumber } from '../../../site/paging.js';
import { HTML, sitePages } from '../../../site/site-pages.js';
import type { WebDeps } from '../../deps.js';
import { sendCached } from '../../send-cached.js';
import { nameInPath } from './list-page.js';

export const peopleRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  /** Page N of a list from its `page/N/` segment; page 1 answers 301 to the list's own path. */
  const paged = (request: FastifyRequest, reply: FastifyReply, n: string, basePath: string, send: (page: number) => Promise<unknown>) => {
    const page = listPageNumber(['page', n]);
    if (page === undefined) throw new PageNotFoundError(request.url);
    return page === 1 ? reply.redirect(basePath, 301) : send(page);
  };
  const sendPeople = (request: FastifyRequest, reply: FastifyReply, page: number) =>
    sendCached(deps, request, reply, `people?page=${page}`, HTML, () => sitePages.people(deps, page));
  const sendPerson = (request: FastifyRequest, reply: FastifyReply, name: string, page: number) =>
    sendCached(deps, request, reply, `person:${name}?page=${page}`, HTML, () => sitePages.person(deps, name, page));

  app.get(paths.people(), (request, reply) => sendPeople(request, reply, 1));
  app.get<{ Params: { n: string } }>('/people/page/:n/', (request, reply) =>
    paged(request, reply, request.params.n, paths.people(), (page) => sendPeople(request, reply, page)),
  );
  app.get<{ Params: { name: string } }>('/people/:name/', (request, reply) => sendPerson(request, reply, nameInPath(request, request.params.name), 1));
  app.get<{ Params: { name: string; n: string } }>('/people/:name/page/:n/', (request, reply) => {
    const name = nameInPath(request, request.params.name);
    return paged(request, reply, request.params.n, paths.person(name), (page) => sendPerson(request, reply, name, page));
  });
};
