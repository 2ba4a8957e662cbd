// /activity/: the report list, a report page, and the year and month archives.
import type { FastifyPluginAsync } from 'fastify';
import { PageNotFoundError, ReportNotFoundError } from '../../../domain/errors.js';
import { newsArticleJsonLd } from '../../../domain/json-ld.js';
import { absoluteUrl, paths } from '../../../domain/paths.js';
import { isValidSlug } from '../../../domain/slug.js';
import { findNeighbours, findReportBySlug } from '../../../store/reports.js';
import type { WebDeps } from '../../deps.js';
import { renderDocument } from '../../html.js';
import { PAGE_QUERY, pageNumber, type PageQuery } from '../../query.js';
import { HTML, sendCached } from '../../send-cached.js';
import { loadSiteContext } from '../../site-context.js';
import { ReportPage } from '../../views/report-page.js';
import { sendListPage } from './list-page.js';

const YEAR = /^\d{4}$/;
const MONTH = /^(0[1-9]|1[0-2])$/;

export const activityRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  app.get<{ Querystring: PageQuery }>('/activity/', { schema: { querystring: PAGE_QUERY } }, (request, reply) =>
    sendListPage(
      deps,
      request,
      reply,
      {
        key: 'activity',
        heading: '活動報告',
        description: '活動報告の一覧です(新しい順)。',
        crumbs: [{ label: '活動報告' }],
        filter: {},
        basePath: paths.activity(),
        isEmptyAllowed: true,
      },
      pageNumber(request.query.page),
    ),
  );

  app.get<{ Params: { slug: string }; Querystring: PageQuery }>(
    '/activity/:slug/',
    { schema: { querystring: PAGE_QUERY } },
    async (request, reply) => {
      const { slug } = request.params;
      if (YEAR.test(slug)) {
        const year = Number(slug);
        return sendListPage(
          deps,
          request,
          reply,
          {
            key: `year:${year}`,
            heading: `${year}年の活動報告`,
            description: `${year}年の活動報告の一覧です。`,
            crumbs: [{ label: '活動報告', path: paths.activity() }, { label: `${year}年` }],
            filter: { year },
            basePath: paths.year(year),
            isEmptyAllowed: false,
          },
          pageNumber(request.query.page),
        );
      }
      if (!isValidSlug(slug)) throw new ReportNotFoundError(slug);
      return sendCached(deps, request, reply, `report:${slug}`, HTML, async () => {
        const report = await findReportBySlug(deps.ctx.db, slug, 'published');
        if (!report) throw new ReportNotFoundError(slug);
        const [site, neighbours] = await Promise.all([loadSiteContext(deps), findNeighbours(deps.ctx.db, report)]);
        const pageUrl = absoluteUrl(deps.baseUrl, paths.report(report.slug));
        const jsonLd = [newsArticleJsonLd(report, site.settings, { baseUrl: deps.baseUrl, pageUrl })];
        return renderDocument(<ReportPage site={site} report={report} older={neighbours.older} newer={neighbours.newer} jsonLd={jsonLd} />);
      });
    },
  );

  app.get<{ Params: { year: string; month: string }; Querystring: PageQuery }>(
    '/activity/:year/:month/',
    { schema: { querystring: PAGE_QUERY } },
    async (request, reply) => {
      const { year: y, month: m } = request.params;
      if (!YEAR.test(y) || !MONTH.test(m)) throw new PageNotFoundError(request.url);
      const year = Number(y);
      const month = Number(m);
      return sendListPage(
        deps,
        request,
        reply,
        {
          key: `month:${year}-${month}`,
          heading: `${year}年${month}月の活動報告`,
          description: `${year}年${month}月の活動報告の一覧です。`,
          crumbs: [
            { label: '活動報告', path: paths.activity() },
            { label: `${year}年`, path: paths.year(year) },
            { label: `${month}月` },
          ],
          filter: { year, month },
          basePath: paths.month(year, month),
          isEmptyAllowed: false,
        },
        pageNumber(request.query.page),
      );
    },
  );
};
