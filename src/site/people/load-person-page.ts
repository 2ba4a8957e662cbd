// /people/<name>/: every published report whose confirmed record names this person, newest
// first, paged like the other lists, with the titles they held at each.
import { personKey } from '../../domain/activity-record/person-key.js';
import { PageNotFoundError } from '../../domain/errors.js';
import { pagedPath, paths } from '../../domain/paths.js';
import { loadSummaries } from '../components/load-summaries.js';
import { loadSiteContext } from '../layout/load-site-context.js';
import { pageCountOf, PER_PAGE } from '../paging.js';
import type { SiteDeps } from '../site-deps.js';
import { loadPeople } from './load-people.js';
import type { PersonPageProps } from './person-page.js';

/** `name`: the path segment, decoded. @throws PageNotFoundError for a name no published record holds, or a page past the last */
export async function loadPersonPage(deps: SiteDeps, name: string, page: number): Promise<PersonPageProps> {
  const site = await loadSiteContext(deps);
  const key = personKey(name);
  const person = (await loadPeople(deps.ctx.db, site.settings.legislatorName)).byKey.get(key);
  // Only the normalised spelling is the person's address; another is not a second page of them.
  if (!person || key !== name) throw new PageNotFoundError(paths.person(key));
  const basePath = paths.person(key);
  const pageCount = pageCountOf(person.appearances.length, PER_PAGE);
  if (page > pageCount) throw new PageNotFoundError(pagedPath(basePath, page));
  const shown = person.appearances.slice((page - 1) * PER_PAGE, page * PER_PAGE);
  const summaries = await loadSummaries(
    deps.ctx.db,
    shown.map((a) => a.reportId),
  );
  const rolesOf = new Map(shown.map((a) => [a.reportId, a.roles]));
  const roles = [...new Set(person.appearances.flatMap((a) => a.roles))];
  return {
    site,
    name: person.name,
    roles,
    total: person.appearances.length,
    entries: summaries.map((report) => ({ report, roles: rolesOf.get(report.id) ?? [] })),
    pageInfo: { page, pageCount, basePath },
  };
}
