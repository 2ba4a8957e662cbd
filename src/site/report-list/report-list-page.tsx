// The 活動報告 list and every archive (year, month, category, tag): same page, other filter.
import { pagedPath, paths } from '../../domain/paths.js';
import type { ReportSummary } from '../../domain/report.js';
import type { YearActivity } from '../../domain/activity-record/year-activity.js';
import { ActivityCalendar } from '../components/activity-calendar.js';
import { ArchiveNav, MonthNav, type ArchiveData } from '../components/archive-nav.js';
import { Pagination, type PageInfo } from '../components/pagination.js';
import { ReportList } from '../components/report-list.js';
import { Layout, type SiteContext } from '../layout/layout.js';
import { pagedTitle } from '../paging.js';

export interface Crumb {
  label: string;
  path?: string;
}

export interface ReportListPageProps {
  site: SiteContext;
  /** 活動報告, 2024年の活動報告, カテゴリー「国会活動」 … */
  heading: string;
  description: string;
  crumbs: Crumb[];
  reports: ReportSummary[];
  total: number;
  pageInfo: PageInfo;
  archive: ArchiveData;
  /** On year and month archives: that year, and the month shown if any. */
  period?: { year: number; month?: number };
  /** On the first page of a year archive: the year's activity calendar. */
  calendar?: YearActivity;
}

export function ReportListPage(props: ReportListPageProps) {
  const { site, heading, reports, total, pageInfo } = props;
  const { page, pageCount, basePath } = pageInfo;
  const title = pagedTitle(heading, page);
  const canonicalPath = pagedPath(basePath, page);
  return (
    <Layout
      site={site}
      meta={{
        title,
        description: props.description,
        canonicalPath,
        prevPath: page > 1 ? pagedPath(basePath, page - 1) : undefined,
        nextPath: page < pageCount ? pagedPath(basePath, page + 1) : undefined,
        section: paths.activity(),
      }}
    >
      <Breadcrumbs crumbs={props.crumbs} />
      <div class="with-aside">
        <section class="report-index" aria-labelledby="page-title">
          <h1 id="page-title">{heading}</h1>
          {props.period && <MonthNav year={props.period.year} months={props.archive.months.filter((m) => m.year === props.period!.year)} current={props.period.month} />}
          {props.calendar && <ActivityCalendar activity={props.calendar} />}
          <p class="result-count">
            {total}件{pageCount > 1 && `(${page}/${pageCount}ページ)`}
          </p>
          {reports.length === 0 ? <p>該当する活動報告はありません。</p> : <ReportList reports={reports} />}
          <Pagination info={pageInfo} hrefOf={(p) => pagedPath(basePath, p)} />
        </section>
        <ArchiveNav data={props.archive} />
      </div>
    </Layout>
  );
}

export function Breadcrumbs({ crumbs }: { crumbs: Crumb[] }) {
  return (
    <nav class="breadcrumbs" aria-label="現在位置">
      <ol>
        <li>
          <a href={paths.home()}>ホーム</a>
        </li>
        {crumbs.map((c) => (
          <li>{c.path ? <a href={c.path}>{c.label}</a> : <span aria-current="page">{c.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}
