// Feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1) with the full text of the latest reports.
import { Feed } from 'feed';
import { absoluteUrl, paths } from '../../domain/paths.js';
import type { Report } from '../../domain/report.js';
import { siteTitle } from '../../domain/settings.js';
import { escapeHtml } from '../../domain/trusted-html.js';
import { findReportById, listReports } from '../../store/reports.js';
import { getSettings } from '../../store/settings.js';
import type { SiteDeps } from '../site-deps.js';
import { absolutizeLinks } from './absolutize-links.js';

const FEED_SIZE = 20;

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

export async function renderFeed(deps: SiteDeps, format: FeedFormat): Promise<string> {
  const feed = await buildFeed(deps, format);
  if (format === 'rss') return feed.rss2();
  if (format === 'atom') return escapeAtomCategoryLabels(feed.atom1());
  return feed.json1();
}

/** The feed library escapes `&` and `"` in Atom's category labels but not `<` and `>`, which breaks the XML. */
export function escapeAtomCategoryLabels(xml: string): string {
  return xml.replace(/(<category label=")([^"]*)"/g, (_m, open: string, label: string) => `${open}${label.replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`);
}

async function buildFeed(deps: SiteDeps, format: FeedFormat): Promise<Feed> {
  // Feed readers read an RSS description and an Atom title or summary (`type="html"`, as the
  // feed library writes them) as HTML; an RSS title and JSON Feed's fields are plain text.
  const asIs = (text: string) => text;
  const titleOf = format === 'atom' ? escapeHtml : asIs;
  const summaryOf = format === 'json' ? asIs : escapeHtml;
  const db = deps.ctx.db;
  const settings = await getSettings(db);
  const latest = await listReports(db, { status: 'published' }, { offset: 0, limit: FEED_SIZE });
  const reports = (await Promise.all(latest.items.map((r) => findReportById(db, r.id, 'published')))).filter((r): r is Report => r !== undefined);
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
