// Every public URL of the site at this moment, for the static export: home, the list and
// every archive with each of their pages, every published report and fixed page, profile,
// the empty search page, feeds, sitemap, robots.txt, OpenSearch, the stylesheet and icon.
// Not media files (list-public-media.ts) and not the 404 page (not-found-page.ts).
import { pageTree } from '../domain/page-tree.js';
import { pagedPath, paths } from '../domain/paths.js';
import { listCategories } from '../store/categories.js';
import { listPages } from '../store/pages.js';
import { countByMonth, countByTag, countReports, listPublishedForSitemap } from '../store/reports.js';
import { ROBOTS_PATH } from './discovery/render-robots.js';
import { pageCountOf, PER_PAGE } from './paging.js';
import type { SiteDeps } from './site-deps.js';

export async function listPublicPaths(deps: SiteDeps): Promise<string[]> {
  const db = deps.ctx.db;
  const [months, tags, categories, reports, pages] = await Promise.all([
    countByMonth(db),
    countByTag(db),
    listCategories(db),
    listPublishedForSitemap(db),
    listPages(db, 'published'),
  ]);
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
    ...reports.map((r) => paths.report(r.slug)),
    ...pageTree(pages).map((entry) => paths.page(entry.slugs)),
    paths.profile(),
    paths.search(),
    paths.rss(),
    paths.atom(),
    paths.jsonFeed(),
    paths.sitemap(),
    ROBOTS_PATH,
    paths.openSearch(),
    deps.assets.css.path,
    deps.assets.icon.path,
  ];
}

/** A list's path and its page paths (`…/page/2/` on), one page at least. */
function pagesOf(basePath: string, total: number): string[] {
  return Array.from({ length: pageCountOf(total, PER_PAGE) }, (_, i) => pagedPath(basePath, i + 1));
}
