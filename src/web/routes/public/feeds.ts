// Feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1) with the full text of the latest reports.
import type { FastifyPluginAsync } from 'fastify';
import { Feed } from 'feed';
import { absoluteUrl, paths } from '../../../domain/paths.js';
import type { Report } from '../../../domain/report.js';
import { siteTitle } from '../../../domain/settings.js';
import { escapeHtml } from '../../../domain/trusted-html.js';
import { findReportById, listReports } from '../../../store/reports.js';
import { getSettings } from '../../../store/settings.js';
import type { WebDeps } from '../../deps.js';
import { sendCached } from '../../send-cached.js';

const FEED_SIZE = 20;

/** Report HTML uses site-relative links; feed readers need absolute ones (every srcset candidate too). */
export function absolutizeLinks(html: string, baseUrl: string): string {
  const absolute = (url: string) => (/^\/(?!\/)/.test(url) ? `${baseUrl}${url}` : url);
  return html
    .replace(/(\s(?:href|src)=")\/(?!\/)/g, `$1${baseUrl}/`)
    .replace(/(\ssrcset=")([^"]*)"/g, (_m, open: string, candidates: string) => `${open}${candidates.replace(/(^|,\s*)(\S+)/g, (_c, lead: string, url: string) => lead + absolute(url))}"`);
}

type FeedFormat = 'rss' | 'atom' | 'json';

/** The feed library escapes `&` and `"` in Atom's category labels but not `<` and `>`, which breaks the XML. */
export function escapeAtomCategoryLabels(xml: string): string {
  return xml.replace(/(<category label=")([^"]*)"/g, (_m, open: string, label: string) => `${open}${label.replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`);
}

async function buildFeed(deps: WebDeps, format: FeedFormat): Promise<Feed> {
  // Feed readers read an RSS description and an Atom title or summary (`type="html"`, as the
  // feed library writes them) as HTML; an RSS title and JSON Feed's fields are plain text.
  const asIs = (text: string) => text;
  const titleOf = format === 'atom' ? escapeHtml : asIs;
  const summaryOf = format === 'json' ? asIs : escapeHtml;
  const db = deps.ctx.db;
  const settings = await getSettings(db);
  const latest = await listReports(db, { status: 'published' }, { offset: 0, limit: FEED_SIZE });
  const reports = (await Promise.all(latest.items.map((r) => findReportById(db, r.id, 'published')))).filter(
    (r): r is Report => r !== undefined,
  );
  const base = deps.baseUrl;
  const author = { name: settings.legislatorName || siteTitle(settings), link: absoluteUrl(base, paths.profile()) };
  const updated = reports.reduce((max, r) => (r.updatedAt > max ? r.updatedAt : max), '1970-01-01T00:00:00.000Z');
  const feed = new Feed({
    id: `${base}/`,
    title: `${siteTitle(settings)} 活動報告`,
    description: settings.siteDescription || undefined,
    link: `${base}/`,
    language: 'ja',
    updated: new Date(updated),
    generator: 'katsudo',
    copyright: `© ${settings.legislatorName || 'katsudo'} 事務所`,
    feedLinks: { rss: absoluteUrl(base, paths.rss()), atom: absoluteUrl(base, paths.atom()), json: absoluteUrl(base, paths.jsonFeed()) },
    author,
  });
  for (const report of reports) {
    const url = absoluteUrl(base, paths.report(report.slug));
    feed.addItem({
      title: titleOf(report.title),
      id: url,
      link: url,
      date: new Date(report.updatedAt),
      published: new Date(report.publishedAt ?? report.createdAt),
      description: summaryOf(report.summary || report.bodyText.slice(0, 200)),
      content: absolutizeLinks(report.bodyHtml, base),
      category: [report.category?.name, ...report.tags].filter((n): n is string => !!n).map((name) => ({ name })),
      author: [author],
    });
  }
  return feed;
}

export const feedRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  app.get(paths.rss(), (request, reply) =>
    sendCached(deps, request, reply, 'feed:rss', 'application/rss+xml; charset=utf-8', async () => (await buildFeed(deps, 'rss')).rss2()),
  );
  app.get(paths.atom(), (request, reply) =>
    sendCached(deps, request, reply, 'feed:atom', 'application/atom+xml; charset=utf-8', async () => escapeAtomCategoryLabels((await buildFeed(deps, 'atom')).atom1())),
  );
  app.get(paths.jsonFeed(), (request, reply) =>
    sendCached(deps, request, reply, 'feed:json', 'application/feed+json; charset=utf-8', async () => (await buildFeed(deps, 'json')).json1()),
  );
};
