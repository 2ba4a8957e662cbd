// /sitemap.xml and /robots.txt.
import type { FastifyPluginAsync } from 'fastify';
import { escapeHtml } from '../../../domain/trusted-html.js';
import { absoluteUrl, paths } from '../../../domain/paths.js';
import { listCategories } from '../../../store/categories.js';
import { countByMonth, listPublishedForSitemap } from '../../../store/reports.js';
import { pageTree } from '../../../domain/page-tree.js';
import { listPages } from '../../../store/pages.js';
import type { WebDeps } from '../../deps.js';
import { sendCached } from '../../send-cached.js';

function urlEntry(loc: string, lastmod?: string): string {
  const mod = lastmod ? `<lastmod>${escapeHtml(lastmod)}</lastmod>` : '';
  return `<url><loc>${escapeHtml(loc)}</loc>${mod}</url>`;
}

export const discoveryRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  app.get(paths.sitemap(), (request, reply) =>
    sendCached(deps, request, reply, 'sitemap', 'application/xml; charset=utf-8', async () => {
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
    }),
  );

  app.get('/robots.txt', async (_request, reply) => {
    const body = `User-agent: *\nAllow: /\nDisallow: /admin/\n\nSitemap: ${absoluteUrl(deps.baseUrl, paths.sitemap())}\n`;
    return reply.type('text/plain; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(body);
  });
};
