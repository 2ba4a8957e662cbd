// /people/: the index of people the activity reports name, by gojūon row.
import { pagedPath, paths } from '../../domain/paths.js';
import { Pagination, type PageInfo } from '../components/pagination.js';
import { Layout, type SiteContext } from '../layout/layout.js';
import { pagedTitle } from '../paging.js';
import { Breadcrumbs } from '../report-list/report-list-page.js';

export interface PeoplePageProps {
  site: SiteContext;
  groups: { row: string; people: { name: string; path: string; count: number }[] }[];
  total: number;
  pageInfo: PageInfo;
}

export function PeoplePage({ site, groups, total, pageInfo }: PeoplePageProps) {
  const { page, pageCount } = pageInfo;
  const heading = '活動で会った人';
  return (
    <Layout
      site={site}
      meta={{
        title: pagedTitle(heading, page),
        description: '活動報告の記録に出席者として載っている人の一覧です。',
        canonicalPath: pagedPath(paths.people(), page),
        prevPath: page > 1 ? pagedPath(paths.people(), page - 1) : undefined,
        nextPath: page < pageCount ? pagedPath(paths.people(), page + 1) : undefined,
        section: paths.activity(),
      }}
    >
      <Breadcrumbs crumbs={[{ label: '活動報告', path: paths.activity() }, { label: heading }]} />
      <section class="people" aria-labelledby="page-title">
        <h1 id="page-title">{heading}</h1>
        <p class="result-count">{total}人</p>
        {groups.length === 0 && <p>記録に載っている人はまだいません。</p>}
        {groups.map((group, i) => (
          <section aria-labelledby={`people-row-${i}`}>
            <h2 id={`people-row-${i}`}>{group.row}</h2>
            <ul class="people-list">
              {group.people.map((person) => (
                <li>
                  <a href={person.path}>{person.name}</a>
                  <span class="people-count">({person.count}件)</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
        <Pagination info={pageInfo} hrefOf={(p) => pagedPath(paths.people(), p)} />
      </section>
    </Layout>
  );
}
