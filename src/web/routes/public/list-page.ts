// Shared by the 活動報告 list and every archive: page 1 at the list's path, page N at
// `<list>/page/N/` (site/paging.ts: a path a static host can serve too). The `?page=N`
// links of earlier versions answer 301 to the page path.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PageNotFoundError } from '../../../domain/errors.js';
import { nameOfSegment, pagedPath } from '../../../domain/paths.js';
import { listPageNumber } from '../../../site/paging.js';
import type { ReportListSpec } from '../../../site/report-list/report-list-spec.js';
import { HTML, sitePages } from '../../../site/site-pages.js';
import type { WebDeps } from '../../deps.js';
import { pageNumber, type PageQuery } from '../../query.js';
import { sendCached } from '../../send-cached.js';

/** The name (tag, kind of activity, person) of a path segment as the router hands it over (domain/paths.ts nameSegment); 404 for another segment. */
export function nameInPath(request: FastifyRequest, segment: string): string {
  const name = nameOfSegment(segment);
  if (name === undefined) throw new PageNotFoundError(request.url);
  return name;
}

/** A list's path: page 1, or a 301 to the page path when the query names a page. */
export async function sendListPage(deps: WebDeps, request: FastifyRequest<{ Querystring: PageQuery }>, reply: FastifyReply, spec: ReportListSpec) {
  if (request.query.page !== undefined) return reply.redirect(pagedPath(spec.basePath, pageNumber(request.query.page)), 301);
  return sendSpecPage(deps, request, reply, spec, 1);
}

/** `<list>/page/N/`: page 1 is the list's own path (301 there). */
export async function sendPagedListPage(deps: WebDeps, request: FastifyRequest, reply: FastifyReply, spec: ReportListSpec, n: string) {
  const page = listPageNumber(['page', n]);
  if (page === undefined) throw new PageNotFoundError(request.url);
  if (page === 1) return reply.redirect(spec.basePath, 301);
  return sendSpecPage(deps, request, reply, spec, page);
}

function sendSpecPage(deps: WebDeps, request: FastifyRequest, reply: FastifyReply, spec: ReportListSpec, page: number) {
  return sendCached(deps, request, reply, `${spec.key}?page=${page}`, HTML, () => sitePages.reportList(deps, spec, page));
}
