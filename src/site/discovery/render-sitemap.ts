// /sitemap.xml: home, the list, the profile, every public fixed page and report, the
// category, year and activity-kind archives, and the people index with every person's page.
import { absoluteUrl, paths } from '../../domain/paths.js';
import { pageTree } from '../../domain/page-tree.js';
import { escapeHtml } from '../../domain/trusted-html.js';
import { listCategories } from '../../store/categories.js';
import { listPages } from '../../store/pages.js';
import { countPublicKinds } from '../../store/public-activity-reads.js';
import { countByMonth, listPublishedForSitemap } from '../../store/reports.js';
import { getSettings } from '../../store/settings.js';
import { loadPeople } from '../people/load-people.js';
import type { SiteDeps } from '../site-deps.js';

export const SITEMAP_CONTENT_TYPE = 'application/xml; charset=utf-8';

function urlEntry(loc: string, lastmod?: string): string {
  const mod = lastmod ? `<lastmod>${escapeHtml(lastmod)}</lastmod>` : '';
  return `<url><loc>${escapeHtml(loc)}</loc>${mod}</url>`;
}

export async function renderSitemap(deps: SiteDeps): Promise<string> {
  const db = deps.ctx.db;
  const [reports, categories, months, pages, kinds, settings] = await Promise.all([
    listPublishedForSitemap(db),
    listCategories(db),
    countByMonth(db),
    listPages(db, 'published'),
    countPublicKinds(db),
    getSettings(db),
  ]);
  const people = await loadPeople(db, settings.legislatorName);
  const at = (path: string) => absoluteUrl(deps.baseUrl, path);
  const years = [...new Set(months.map((m) => m.year))];
  const entries = [
    urlEntry(at(paths.home()), reports[0]?.updatedAt),
    urlEntry(at(paths.activity()), reports[0]?.updatedAt),
    urlEntry(at(paths.profile())),
    ...pageTree(pages).map((entry) => urlEntry(at(paths.page(entry.slugs)), entry.page.updatedAt)),
    ...reports.map((r) => urlEntry(at(paths.report(r.slug)), r.updatedAt)),
    ...categories.map((c) => urlEntry(at(paths.category(c.slug)))),
    ...years.map((y) => urlEntry(at(paths.year(y)))),
    ...kinds.map((k) => urlEntry(at(paths.activityKind(k.kind)))),
    ...(people.list.length > 0 ? [urlEntry(at(paths.people()))] : []),
    ...people.list.map((p) => urlEntry(at(paths.person(p.key)))),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</urlset>\n`;
}
