// /people/ (and its page paths): everyone the published records name, under the gojūon
// row of their name.
import { KANA_ROW_ORDER, kanaRowOf } from '../../domain/activity-record/kana-row.js';
import { PageNotFoundError } from '../../domain/errors.js';
import { pagedPath, paths } from '../../domain/paths.js';
import { loadSiteContext } from '../layout/load-site-context.js';
import { pageCountOf } from '../paging.js';
import type { SiteDeps } from '../site-deps.js';
import { loadPeople } from './load-people.js';
import type { PeoplePageProps } from './people-page.js';

/** Names per page of the index: a long index is cut, each page still grouped by row. */
export const PEOPLE_PER_PAGE = 200;

/** @throws PageNotFoundError for a page past the last */
export async function loadPeoplePage(deps: SiteDeps, page: number): Promise<PeoplePageProps> {
  const site = await loadSiteContext(deps);
  const people = await loadPeople(deps.ctx.db, site.settings.legislatorName);
  const pageCount = pageCountOf(people.list.length, PEOPLE_PER_PAGE);
  if (page > pageCount) throw new PageNotFoundError(pagedPath(paths.people(), page));
  const rows = new Map<string, PeoplePageProps['groups'][number]['people']>();
  for (const person of people.list.slice((page - 1) * PEOPLE_PER_PAGE, page * PEOPLE_PER_PAGE)) {
    const row = kanaRowOf(person.key);
    const list = rows.get(row) ?? [];
    list.push({ name: person.name, path: paths.person(person.key), count: person.appearances.length });
    rows.set(row, list);
  }
  const groups = KANA_ROW_ORDER.filter((row) => rows.has(row)).map((row) => ({ row, people: rows.get(row)! }));
  return { site, groups, total: people.list.length, pageInfo: { page, pageCount, basePath: paths.people() } };
}
