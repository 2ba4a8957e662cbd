// Shared by the 活動報告 list and every archive: load one page of reports for a filter,
// refuse pages past the end, render the list page through the cache.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PageNotFoundError } from '../../../domain/errors.js';
import { listReports, type ReportFilter } from '../../../store/reports.js';
import { loadArchiveData } from '../../archive-data.js';
import type { WebDeps } from '../../deps.js';
import { renderDocument } from '../../html.js';
import { pageCountOf, PER_PAGE } from '../../query.js';
import { HTML, sendCached } from '../../send-cached.js';
import { loadSiteContext } from '../../site-context.js';
import { ReportListPage, type Crumb } from '../../views/report-list-page.js';

export interface ListPageSpec {
  /** Cache key without the page number. */
  key: string;
  heading: string;
  description: string;
  crumbs: Crumb[];
  filter: ReportFilter;
  basePath: string;
  /** An archive with no report at all is a 404; the main list is shown empty. */
  isEmptyAllowed: boolean;
}

export async function sendListPage(
  deps: WebDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  spec: ListPageSpec,
  page: number,
): Promise<FastifyReply> {
  return sendCached(deps, request, reply, `${spec.key}?page=${page}`, HTML, async () => {
    const filter = { ...spec.filter, status: 'published' as const };
    const result = await listReports(deps.ctx.db, filter, { offset: (page - 1) * PER_PAGE, limit: PER_PAGE });
    const pageCount = pageCountOf(result.total, PER_PAGE);
    if (result.total === 0 && !spec.isEmptyAllowed) throw new PageNotFoundError(spec.basePath);
    if (page > pageCount) throw new PageNotFoundError(`${spec.basePath}?page=${page}`);
    const [site, archive] = await Promise.all([loadSiteContext(deps), loadArchiveData(deps.ctx.db)]);
    return renderDocument(
      <ReportListPage
        site={site}
        heading={spec.heading}
        description={spec.description}
        crumbs={spec.crumbs}
        reports={result.items}
        total={result.total}
        pageInfo={{ page, pageCount, basePath: spec.basePath }}
        archive={archive}
        period={spec.filter.year === undefined ? undefined : { year: spec.filter.year, month: spec.filter.month }}
      />,
    );
  });
}
