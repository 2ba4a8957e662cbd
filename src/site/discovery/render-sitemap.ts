// /sitemap.xml: home, the list, the profile, every public fixed page and report, the
// category and year archives.
import { absoluteUrl, paths } from '../../domain/paths.js';
import { pageTree } from '../../domain/page-tree.js';
import { escapeHtml } from '../../domain/trusted-html.js';
import { listCategories } from '../../store/categories.js';
import { listPages } from '../../store/pages.js';
import { countByMonth, listPublishedForSitemap } from '../../store/reports.js';
import type { SiteDeps } from '../site-deps.js';

export const SITEMAP_CONTENT_TYPE = 'application/xml; charset=utf-8';

function urlEntry(loc: string, lastmod?: string): string {
  const mod = lastmod ? `<lastmod>${escapeHtml(lastmod)}</lastmod>` : '';
  return `<url><loc>${escapeHtml(loc)}</loc>${mod}</url>`;
}

export async function renderSitemap(deps: SiteDeps): Promise<string> {
  const db = deps.ctx.db;
  const [reports, categories, months, pages] = await Promise.all([listPublishedForSitemap(db), listCategories(db), countByMonth(db), listPages(db, 'published')]);
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
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</urlset>\n`;
}
