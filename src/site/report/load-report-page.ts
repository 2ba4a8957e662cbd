// /activity/<slug>/: one published report with its neighbours in time.
import { eventJsonLd } from '../../domain/activity-record/event-json-ld.js';
import { personKey } from '../../domain/activity-record/person-key.js';
import { ReportNotFoundError } from '../../domain/errors.js';
import { newsArticleJsonLd } from '../../domain/json-ld.js';
import { absoluteUrl, paths } from '../../domain/paths.js';
import { isValidSlug } from '../../domain/slug.js';
import type { ReportSummary } from '../../domain/report.js';
import { findActivityRecord } from '../../store/activity-records.js';
import { findPublishedReportBySlug } from '../../store/reports.js';
import { loadSummaries } from '../components/load-summaries.js';
import { loadSiteContext } from '../layout/load-site-context.js';
import { listedPersonKey } from '../people/load-people.js';
import { loadNeighbourIds } from '../report-list/load-list-order.js';
import type { SiteDeps } from '../site-deps.js';
import type { ReportPageProps } from './report-page.js';

/** @throws ReportNotFoundError unless a published report has this slug (an old slug is the redirects' business) */
export async function loadReportPage(deps: SiteDeps, slug: string): Promise<ReportPageProps> {
  if (!isValidSlug(slug)) throw new ReportNotFoundError(slug);
  const report = await findPublishedReportBySlug(deps.ctx.db, slug);
  if (!report) throw new ReportNotFoundError(slug);
  const [site, neighbours, stored] = await Promise.all([loadSiteContext(deps), loadNeighbours(deps, report), findActivityRecord(deps.ctx.db, report.id)]);
  const pageUrl = absoluteUrl(deps.baseUrl, paths.report(report.slug));
  const jsonLd = [newsArticleJsonLd(report, site.settings, { baseUrl: deps.baseUrl, pageUrl })];
  // Only what staff confirmed is public: an unconfirmed proposal shows nowhere on the site.
  const record = stored?.isConfirmed ? stored.record : undefined;
  if (!record) return { site, report, older: neighbours.older, newer: neighbours.newer, jsonLd };
  const legislator = { id: `${deps.baseUrl}/#person`, name: site.settings.legislatorName };
  jsonLd.push(eventJsonLd({ record, report, legislator, pageUrl }));
  const legislatorKey = personKey(legislator.name);
  const personKeys = record.participants.map((p) => listedPersonKey(p, legislatorKey));
  return { site, report, older: neighbours.older, newer: neighbours.newer, jsonLd, record: { record, activityDate: report.activityDate, personKeys } };
}

async function loadNeighbours(deps: SiteDeps, report: Pick<ReportSummary, 'id' | 'activityDate'>): Promise<{ older?: ReportSummary; newer?: ReportSummary }> {
  const { olderId, newerId } = await loadNeighbourIds(deps.ctx.db, report);
  const found = await loadSummaries(
    deps.ctx.db,
    [olderId, newerId].filter((id): id is number => id !== undefined),
    deps.summariesKept,
  );
  return { older: found.find((r) => r.id === olderId), newer: found.find((r) => r.id === newerId) };
}
