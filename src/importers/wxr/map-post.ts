// One WordPress post → the report the import writes: title, body (HTML → text format),
// excerpt → summary, dates, status, category and tags, author name, attachments and the
// old addresses that must redirect to it. Pure apart from the media lookups it is given.
import type { ImportedReportInput } from '../../actions/import/import-report.js';
import { instantOfJapanText } from '../../domain/japan-time.js';
import { LIMITS } from '../../domain/report-rules.js';
import { WXR_SLUG_META } from '../../domain/wxr-document.js';
import { htmlToReportText, type HtmlToTextResult } from '../html-to-text.js';
import type { ReportItem } from '../import-run.js';
import type { WxrChannel, WxrItem } from './read-wxr.js';
import { captionShortcodes } from './caption-shortcode.js';
import { wpautop } from './wpautop.js';

/** An attachment of the post (an item of type attachment whose parent it is). */
export interface PostAttachment {
  postId: string;
  title: string;
  link: string;
  guid: string;
  /** Set when the file was stored. */
  mediaId?: number;
}

export interface MapContext {
  channel: WxrChannel;
  /** The media reference for a file URL that was stored, if it was. */
  resolveMedia: (url: string) => string | undefined;
  /** The description stored with an image's attachment (its alt text, else its title). */
  describeImage?: (url: string) => string | undefined;
  attachments: PostAttachment[];
}

const NO_DATE = '0000-00-00 00:00:00';
const UNCATEGORIZED = new Set(['uncategorized', '未分類']);

export function sourceKeyOf(channel: WxrChannel, postId: string): string {
  return `${channel.baseSiteUrl}#${postId}`;
}

export function labelOf(item: WxrItem, channel: WxrChannel): string {
  return item.link || `${channel.baseSiteUrl}/?p=${item.postId}`;
}

/** @throws Error with a one-line reason when the post has no usable date. */
export function mapPost(item: WxrItem, ctx: MapContext): ReportItem {
  const warnings: string[] = [];
  const activityDate = activityDateOf(item);
  const body = bodyOf(item, ctx);
  warnings.push(...body.warnings);

  if (item.status === 'future') warnings.push(`WordPress で ${item.postDate} に予約されていました。下書きとして取り込んだので、管理画面で公開するか予約し直してください`);
  const { status, title } = statusAndTitle(item, body.text, 'post', warnings);
  const { category, tags } = termsOf(item, warnings);
  const report: ImportedReportInput = {
    title,
    activityDate,
    bodySource: body.text,
    summary: summaryOf(item.excerpt, warnings),
    category,
    tags,
    status,
    publishedAt: status === 'published' ? publishedAtOf(item) : null,
    authorName: ctx.channel.authors.get(item.creator) ?? (item.creator || null),
    attachments: ctx.attachments.filter((a) => a.mediaId !== undefined).map((a) => ({ mediaId: a.mediaId!, label: (a.title.trim() || 'ファイル').slice(0, 100) })),
    redirectsFrom: oldPaths(item, ctx),
  };
  // katsudo's own export names the report's URL name (WordPress's post_name is not used for it).
  const keptSlug = item.meta.get(WXR_SLUG_META);
  if (keptSlug !== undefined) report.slug = keptSlug;
  return { type: 'report', key: sourceKeyOf(ctx.channel, item.postId), label: labelOf(item, ctx.channel), report, warnings };
}

/** A post's or page's content as the text format: shortcodes and wpautop as WordPress shows it, then html-to-text. */
export function bodyOf(item: WxrItem, ctx: Pick<MapContext, 'channel' | 'resolveMedia' | 'describeImage'>): HtmlToTextResult {
  return htmlToReportText(wpautop(captionShortcodes(item.content)), {
    baseUrl: item.link || ctx.channel.baseSiteUrl,
    resolveMedia: ctx.resolveMedia,
    ...(ctx.describeImage ? { describeImage: ctx.describeImage } : {}),
  });
}

/**
 * The rules posts and pages share: only a published item is published, a password-protected
 * one never (it was meant for readers who had the password, e.g. a supporters' group), nor an
 * empty one; an untitled one is 「(無題)」. Each exception adds a warning.
 */
export function statusAndTitle(item: WxrItem, bodyText: string, kind: 'post' | 'page', warnings: string[]): { status: 'published' | 'draft'; title: string } {
  const draft = kind === 'page' ? '下書きのページ' : '下書き';
  let status: 'published' | 'draft' = item.status === 'publish' ? 'published' : 'draft';
  if (item.postPassword !== '') {
    status = 'draft';
    warnings.push(
      `WordPress でパスワード保護されていました。このサイトにはパスワード保護がないため、公開せずに${draft}として取り込みました。だれが読んでもよいときだけ公開してください`,
    );
  }
  if (status === 'published' && bodyText.trim() === '') {
    status = 'draft';
    warnings.push(`本文がないため、${draft}として取り込みました`);
  }
  let title = item.title.replace(/\s+/g, ' ').trim();
  if (title === '') {
    title = '(無題)';
    warnings.push('タイトルがないため、「(無題)」として取り込みました');
  }
  return { status, title };
}

function activityDateOf(item: WxrItem): string {
  for (const value of [item.postDate, item.postDateGmt]) {
    const date = value.slice(0, 10);
    if (value !== NO_DATE && /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return date;
  }
  throw new Error(`投稿の日付が読み取れません(wp:post_date "${item.postDate}")`);
}

/** post_date_gmt when WordPress wrote one; else post_date read as Japan time (drafts have no GMT date). */
function publishedAtOf(item: WxrItem): string {
  const gmt = item.postDateGmt.trim();
  const instant = gmt !== '' && gmt !== NO_DATE ? new Date(`${gmt.replace(' ', 'T')}Z`) : instantOfJapanText(item.postDate);
  return Number.isNaN(instant.getTime()) ? `${activityDateOf(item)}T00:00:00.000Z` : instant.toISOString();
}

/** The first real category is the report's; further ones become tags (a report has one category). */
function termsOf(item: WxrItem, warnings: string[]): { category: ImportedReportInput['category']; tags: string[] } {
  let category: ImportedReportInput['category'] = null;
  const tags: string[] = [];
  for (const term of item.terms) {
    const name = term.name.trim();
    if (name === '') continue;
    if (term.domain === 'category') {
      if (UNCATEGORIZED.has(term.nicename) || UNCATEGORIZED.has(name)) continue;
      if (category === null) category = { slug: decodeSlug(term.nicename), name };
      else tags.push(name);
    } else if (term.domain === 'post_tag') {
      tags.push(name);
    }
  }
  const clean = [
    ...new Set(
      tags
        .map((t) =>
          t
            .replace(/[/?#\\]/g, ' ')
            .replace(/\s+/g, ' ')
            .trim(),
        )
        .filter((t) => t !== ''),
    ),
  ];
  const fitting = clean.map((t) => [...t].slice(0, LIMITS.tagChars).join(''));
  if (fitting.some((t, i) => t !== clean[i]) || clean.some((t, i) => t !== tags[i])) warnings.push('タグの一部を短くするか、/ ? # \\ を置き換えました');
  if (fitting.length > LIMITS.tags) warnings.push(`タグが${fitting.length}個あったため、最初の${LIMITS.tags}個だけを残しました`);
  return { category, tags: fitting.slice(0, LIMITS.tags) };
}

/** A percent-encoded WordPress slug (post_name, a term's nicename) as text; kept as written when it is not valid. */
export function decodeSlug(nicename: string): string {
  try {
    return decodeURIComponent(nicename);
  } catch {
    return nicename;
  }
}

function summaryOf(excerpt: string, warnings: string[]): string {
  if (excerpt.trim() === '') return '';
  const text = htmlToReportText(excerpt).text.replace(/\s+/g, ' ').trim();
  const chars = [...text];
  if (chars.length <= LIMITS.summaryChars) return text;
  warnings.push(`抜粋が${LIMITS.summaryChars}文字を超えていたため、短くしました`);
  return `${chars.slice(0, LIMITS.summaryChars - 1).join('')}…`;
}

/**
 * The old addresses of the post and of its attachments' pages, as the redirect table keys
 * them: the path (decoded as the web app decodes request paths), plus `?p=ID` forms.
 */
function oldPaths(item: WxrItem, ctx: MapContext): string[] {
  const out = new Set<string>();
  const add = (url: string) => {
    const path = pathOf(url, ctx.channel.baseSiteUrl);
    if (path !== undefined) out.add(path);
  };
  const roots = new Set(['/', blogRoot(ctx.channel)]);
  add(item.link);
  add(item.guid);
  for (const root of roots) out.add(`${root}?p=${item.postId}`);
  for (const a of ctx.attachments) {
    add(a.link);
    add(a.guid);
    for (const root of roots) {
      out.add(`${root}?p=${a.postId}`);
      out.add(`${root}?attachment_id=${a.postId}`);
    }
  }
  return [...out];
}

/** The blog's root path with a trailing slash (`/` or `/blog/`). */
export function blogRoot(channel: WxrChannel): string {
  const path = pathOf(channel.baseBlogUrl || channel.baseSiteUrl, channel.baseSiteUrl) ?? '/';
  const bare = path.split('?')[0]!;
  return bare.endsWith('/') ? bare : `${bare}/`;
}

/** `/2020/01/post/` or `/?p=12` for a URL of any host; undefined for what is not a URL. */
export function pathOf(url: string, base: string): string | undefined {
  if (url.trim() === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim(), base || 'http://old.invalid/');
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  let path: string;
  try {
    path = decodeURI(parsed.pathname);
  } catch {
    path = parsed.pathname;
  }
  return `${path}${parsed.search}`;
}
