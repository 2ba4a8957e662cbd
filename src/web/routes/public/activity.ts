// /activity/: the report list, a report page, and the year and month archives, each list
// with its page paths (`…/page/2/`). Pages come from site/.
import type { FastifyPluginAsync } from 'fastify';
import { PageNotFoundError } from '../../../domain/errors.js';
import { isYearSegment, periodList, reportListSpec } from '../../../site/report-list/report-list-spec.js';
import { HTML, sitePages } from '../../../site/site-pages.js';
import type { WebDeps } from '../../deps.js';
import { PAGE_QUERY, type PageQuery } from '../../query.js';
import { sendCached } from '../../send-cached.js';
import { nameInPath, sendListPage, sendPagedListPage } from './list-page.js';

export const activityRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  const withPage = { schema: { querystring: PAGE_QUERY } };
  /** The year, or year and month, of an archive path; a 404 for anything else. */
  const period = (year: string, month?: string) => {
    const list = periodList(year, month);
    if (!list) throw new PageNotFoundError(`/activity/${year}/${month ?? ''}`);
    return list;
  };

  app.get<{ Querystring: PageQuery }>('/activity/', withPage, (request, reply) => sendListPage(deps, request, reply, reportListSpec.activity()));
  app.get<{ Params: { n: string } }>('/activity/page/:n/', (request, reply) => sendPagedListPage(deps, request, reply, reportListSpec.activity(), request.params.n));

  // No query schema: a report page ignores the query (as its static copy does); a year
  // archive reads ?page through sendListPage, which refuses a bad one.
  app.get<{ Params: { slug: string }; Querystring: PageQuery }>('/activity/:slug/', async (request, reply) => {
    const { slug } = request.params;
    if (isYearSegment(slug)) return sendListPage(deps, request, reply, period(slug));
    return sendCached(deps, request, reply, `report:${slug}`, HTML, () => sitePages.report(deps, slug));
  });
  app.get<{ Params: { year: string; n: string } }>('/activity/:year/page/:n/', (request, reply) =>
    sendPagedListPage(deps, request, reply, period(request.params.year), request.params.n),
  );

  // Static segments win over parameters, so `/activity/kind/…` is never read as a month.
  app.get<{ Params: { kind: string }; Querystring: PageQuery }>('/activity/kind/:kind/', withPage, (request, reply) =>
    sendListPage(deps, request, reply, reportListSpec.activityKind(nameInPath(request, request.params.kind))),
  );
  app.get<{ Params: { kind: string; n: string } }>('/activity/kind/:kind/page/:n/', (request, reply) =>
    sendPagedListPage(deps, request, reply, reportListSpec.activityKind(nameInPath(request, request.params.kind)), request.params.n),
  );

  app.get<{ Params: { year: string; month: string }; Querystring: PageQuery }>('/activity/:year/:month/', withPage, (request, reply) =>
    sendListPage(deps, request, reply, period(request.params.year, request.params.month)),
  );
  app.get<{ Params: { year: string; month: string; n: string } }>('/activity/:year/:month/page/:n/', (request, reply) =>
    sendPagedListPage(deps, request, reply, period(request.params.year, request.params.month), request.params.n),
  );
};
