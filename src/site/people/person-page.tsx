// /people/<name>/: the reports of activities with one person, and the titles they held.
import { formatJapaneseDate } from '../../domain/dates.js';
import { pagedPath, paths } from '../../domain/paths.js';
import type { ReportSummary } from '../../domain/report.js';
import { Pagination, type PageInfo } from '../components/pagination.js';
import { Phrases } from '../components/phrases.js';
import { Layout, type SiteContext } from '../layout/layout.js';
import { pagedTitle } from '../paging.js';
import { Breadcrumbs } from '../report-list/report-list-page.js';

export interface PersonPageProps {
  site: SiteContext;
  name: string;
  /** Every title or role the records give them, newest first. */
  roles: string[];
  total: number;
  entries: { report: ReportSummary; roles: string[] }[];
  pageInfo: PageInfo;
}

export function PersonPage({ site, name, roles, total, entries, pageInfo }: PersonPageProps) {
  const { page, pageCount, basePath } = pageInfo;
  const heading = `${name}さんとの活動`;
  return (
    <Layout
      site={site}
      meta={{
        title: pagedTitle(heading, page),
        description: `活動報告のうち、記録の出席者に${name}さんが載っているものの一覧です(新しい順)。`,
        canonicalPath: pagedPath(basePath, page),
        prevPath: page > 1 ? pagedPath(basePath, page - 1) : undefined,
        nextPath: page < pageCount ? pagedPath(basePath, page + 1) : undefined,
        section: paths.activity(),
      }}
    >
      <Breadcrumbs crumbs={[{ label: '活動報告', path: paths.activity() }, { label: '活動で会った人', path: paths.people() }, { label: name }]} />
      <section class="report-index" aria-labelledby="page-title">
        <h1 id="page-title">{heading}</h1>
        {roles.length > 0 && <p class="person-roles">記録上の肩書き: {roles.join('、')}</p>}
        <p class="result-count">
          {total}件{pageCount > 1 && `(${page}/${pageCount}ページ)`}
        </p>
        <ol class="report-list">
          {entries.map(({ report, roles: held }) => (
            <li class="report-list-item">
              <h2 class="report-list-title">
                <a href={paths.report(report.slug)}>
                  <Phrases text={report.title} />
                </a>
              </h2>
              <p class="report-list-meta">
                <time datetime={report.activityDate}>{formatJapaneseDate(report.activityDate)}</time>
                {held.length > 0 && (
                  <>
                    <span class="sep" aria-hidden="true">
                      ・
                    </span>
                    {held.join('、')}
                  </>
                )}
              </p>
            </li>
          ))}
        </ol>
        <Pagination info={pageInfo} hrefOf={(p) => pagedPath(basePath, p)} />
      </section>
    </Layout>
  );
}
