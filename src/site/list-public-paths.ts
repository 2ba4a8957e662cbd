// Every public URL of the site at this moment, for the static export: home, the list and
// every archive with each of their pages (the activity kinds too), every published report
// and fixed page, profile, the people the records name with each of their pages, the empty
// search page, feeds, the calendar and open data files of activity records, sitemap, robots.txt,
// OpenSearch, the stylesheet and icon.
// Not media files (list-public-media.ts) and not the 404 page (not-found-page.ts).
import { activityDataPaths } from '../domain/activity-record/data-paths.js';
import { pageTree } from '../domain/page-tree.js';
import { pagedPath, paths } from '../domain/paths.js';
import { listCategories } from '../store/categories.js';
import { listPages } from '../store/pages.js';
import { countPublicKinds } from '../store/public-activity-reads.js';
import { countByMonth, countByTag, countReports, listPublishedForSitemap } from '../store/reports.js';
import { getSettings } from '../store/settings.js';
import { ROBOTS_PATH } from './discovery/render-robots.js';
import { pageCountOf, PER_PAGE } from './paging.js';
import { loadPeople } from './people/load-people.js';
import { PEOPLE_PER_PAGE } from './people/load-people-page.js';
import type { SiteDeps } from './site-deps.js';

export async function listPublicPaths(deps: SiteDeps): Promise<string[]> {
  const db = deps.ctx.db;
  const [months, tags, categories, reports, pages, kinds, settings] = await Promise.all([
    countByMonth(db),
    countByTag(db),
    listCategories(db),
    listPublishedForSitemap(db),
    listPages(db, 'published'),
    countPublicKinds(db),
    getSettings(db),
  ]);
  const people = await loadPeople(db, settings.legislatorName);
  const years = new Map<number, number>();
  for (const m of months) years.set(m.year, (years.get(m.year) ?? 0) + m.count);
  const categoryCounts = await Promise.all(categories.map((c) => countReports(db, { status: 'published', categoryId: c.id })));
  return [
    paths.home(),
    ...pagesOf(paths.activity(), reports.length),
    ...[...years].flatMap(([year, count]) => pagesOf(paths.year(year), count)),
    ...months.flatMap((m) => pagesOf(paths.month(m.year, m.month), m.count)),
    ...categories.flatMap((c, i) => pagesOf(paths.category(c.slug), categoryCounts[i]!)),
    ...tags.flatMap((t) => pagesOf(paths.tag(t.name), t.count)),
    ...kinds.flatMap((k) => pagesOf(paths.activityKind(k.kind), k.count)),
    // /people/ answers on every site, but is listed (and linked) only once a record names someone.
    ...(people.list.length > 0 ? pagesOf(paths.people(), people.list.length, PEOPLE_PER_PAGE) : []),
    ...people.list.flatMap((p) => pagesOf(paths.person(p.key), p.appearances.length)),
    ...reports.map((r) => paths.report(r.slug)),
    ...pageTree(pages).map((entry) => paths.page(entry.slugs)),
    paths.profile(),
    paths.search(),
    paths.rss(),
    paths.atom(),
    paths.jsonFeed(),
    ...Object.values(activityDataPaths),
    paths.sitemap(),
    ROBOTS_PATH,
    paths.openSearch(),
    deps.assets.css.path,
    deps.assets.icon.path,
  ];
}

/** A list's path and its page paths (`…/page/2/` on), one page at least. */
function pagesOf(basePath: string, total: number, perPage = PER_PAGE): string[] {
  return Array.from({ length: pageCountOf(total, perPage) }, (_, i) => pagedPath(basePath, i + 1));
}
