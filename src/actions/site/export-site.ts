// `katsudo export`: everything the site owns, in open formats, into an empty folder —
// site.json (schema: docs/export.schema.json), one text file per report and page, the
// original media files, and a WordPress WXR 1.2 file. Reports, media and redirects are read
// and written in batches, so memory does not grow with the size of the site.
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatJapaneseDate } from '../../domain/dates.js';
import { japanDateTimeOf, japanDayOf } from '../../domain/japan-time.js';
import { ValidationError } from '../../domain/errors.js';
import { paths } from '../../domain/paths.js';
import { siteTitle, type NavigationLink, type SiteSettings } from '../../domain/settings.js';
import { wxrBodyHtml } from '../../domain/wxr-body.js';
import { WXR_NO_DATE, WXR_SLUG_META, wxrHead, wxrItem, wxrTail, type WxrPost } from '../../domain/wxr-document.js';
import { listCategories } from '../../store/categories.js';
import { mediaFilePath } from '../../store/media-files.js';
import type { MediaLocation } from '../../domain/media-location.js';
import type { Media } from '../../domain/media.js';
import { getSettings } from '../../store/settings.js';
import {
  listAccountNames,
  listMediaForExport,
  listPagesForExport,
  listRedirectsForExport,
  listReportsForExport,
  listTagNames,
  maxExportIds,
  type ExportAttachment,
  type ExportPageRow,
  type ExportReportRow,
} from '../../store/site-export.js';
import type { ActionContext } from '../runtime/context.js';

export const EXPORT_SCHEMA_VERSION = 1;

export interface ExportSiteOptions {
  outDir: string;
  /** The site's public root (KATSUDO_BASE_URL), for the addresses in the WXR file. */
  siteUrl: string;
  /** Rows per database read; 500 unless given. */
  batchSize?: number;
}

export interface ExportCounts {
  reports: number;
  pages: number;
  media: number;
  categories: number;
  tags: number;
  users: number;
  redirects: number;
  /** Media records whose file is not in the data folder (`name (sha256)`): listed with `file: null`, not copied. */
  missingFiles: string[];
}

interface ExportedFile {
  /** Path inside the export, e.g. `media/<sha256>/写真.jpg`. */
  file: string;
  row: Media;
}

/** @throws ValidationError when `outDir` exists and is not an empty folder. */
export async function exportSite(ctx: ActionContext, options: ExportSiteOptions): Promise<ExportCounts> {
  const { outDir } = options;
  const siteUrl = options.siteUrl.replace(/\/+$/, '');
  const batch = options.batchSize ?? 500;
  prepareFolder(outDir);
  // One read transaction: every query sees the same committed state while the server goes on
  // saving (in WAL mode a reader never blocks writers), so lists and references agree. PostgreSQL
  // needs REPEATABLE READ for that (under READ COMMITTED each statement sees the latest commits);
  // SQLite's transaction is a snapshot already and Kysely's SQLite driver ignores the level.
  return ctx.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((db) => writeExport({ ...ctx, db }, outDir, siteUrl, batch));
}

async function writeExport(ctx: ActionContext, outDir: string, siteUrl: string, batch: number): Promise<ExportCounts> {
  const json = new FileWriter(join(outDir, 'site.json'));
  const wxr = new FileWriter(join(outDir, 'wordpress.xml'));
  try {
    const settings = await getSettings(ctx.db);
    const categories = await listCategories(ctx.db);
    const tags = await listTagNames(ctx.db);
    const users = await listAccountNames(ctx.db);
    const max = await maxExportIds(ctx.db);
    const counts: ExportCounts = {
      reports: 0,
      pages: 0,
      media: 0,
      categories: categories.length,
      tags: tags.length,
      users: users.length,
      redirects: 0,
      missingFiles: [],
    };
    json.write(`{\n"schemaVersion": ${EXPORT_SCHEMA_VERSION},\n"exportedAt": ${JSON.stringify(ctx.now().toISOString())},\n"siteUrl": ${JSON.stringify(siteUrl)},\n`);
    json.write(`"settings": ${JSON.stringify(settingsJson(settings))},\n`);
    json.write(`"categories": ${JSON.stringify(categories.map((c) => ({ slug: c.slug, name: c.name })))},\n`);
    json.write(`"tags": ${JSON.stringify(tags)},\n`);
    json.write(`"users": ${JSON.stringify(users)},\n`);
    const authors = [...new Set(users.map((u) => u.login))].map((login) => ({ login, displayName: users.find((u) => u.login === login)!.displayName }));
    // The blog name is the legislator's name + 公式サイト, which import-wxr reads back as the name.
    const blogName = settings.legislatorName.trim() === '' ? siteTitle(settings) : `${settings.legislatorName} 公式サイト`;
    wxr.write(wxrHead({ title: blogName, description: settings.siteDescription, siteUrl, pubDate: ctx.now().toUTCString(), authors, categories, tags }));

    // Media first: the bodies and attachment lists below name the files by their place here.
    const files = new Map<number, ExportedFile>();
    /** Export path by what a body writes after `media:` (the record's id, or a file name). */
    const byRef = new Map<string, string>();
    json.write('"media": [');
    for (let after = 0; ;) {
      const rows = await listMediaForExport(ctx.db, after, batch);
      if (rows.length === 0) break;
      for (const row of rows) {
        const file = copyMediaFile(ctx, outDir, row);
        counts.media++;
        if (file === undefined) {
          counts.missingFiles.push(`${row.originalName} (${row.sha256})`);
          json.write(`${counts.media === 1 ? '\n' : ',\n'}${JSON.stringify({ ...mediaJson(row), file: null })}`);
          continue;
        }
        files.set(row.id, { file, row });
        byRef.set(String(row.id), file);
        if (!byRef.has(row.originalName)) byRef.set(row.originalName, file);
        json.write(`${counts.media === 1 ? '\n' : ',\n'}${JSON.stringify({ ...mediaJson(row), file })}`);
        wxr.write(wxrItem(attachmentPost(row.id, 0, row.originalName, file, row, siteUrl)));
      }
      after = rows[rows.length - 1]!.id;
    }
    json.write('\n],\n');

    // Files are linked under wp-content/uploads, where import-wxr --uploads looks for them.
    const bodyHtml = (source: string) =>
      wxrBodyHtml(source, (ref) => {
        const file = byRef.get(ref);
        return file === undefined ? undefined : uploadsUrl(siteUrl, file);
      });
    const attachmentsJson = (list: ExportAttachment[]) =>
      list.map((a) => ({ mediaId: a.mediaId, label: a.label, altText: a.altText, file: files.get(a.mediaId)?.file ?? null }));

    const pages = await listPagesForExport(ctx.db);
    const pageFiles = pageTextFiles(pages);
    json.write('"pages": [');
    for (const page of pages) {
      const textFile = pageFiles.get(page.id)!;
      writeText(outDir, textFile, `${page.title}\n\n${page.bodySource}\n`);
      const entry = { ...pageJson(page), path: pagePath(page, pages), textFile, attachments: attachmentsJson(page.attachments) };
      json.write(`${counts.pages === 0 ? '\n' : ',\n'}${JSON.stringify(entry)}`);
      wxr.write(wxrItem(pagePost(page, max.media, bodyHtml(page.bodySource), `${siteUrl}${entry.path}`)));
      counts.pages++;
    }
    json.write('\n],\n');

    const categoryNames = new Map(categories.map((c) => [c.slug, c.name]));
    let attachmentPostId = max.media + max.pages + max.reports;
    json.write('"reports": [');
    for (let after = 0; ;) {
      const rows = await listReportsForExport(ctx.db, after, batch);
      if (rows.length === 0) break;
      for (const report of rows) {
        const textFile = reportTextFile(report);
        const category = report.categorySlug === null ? undefined : categoryNames.get(report.categorySlug);
        writeText(outDir, textFile, reportText(report, category));
        const entry = { ...reportJson(report), textFile, attachments: attachmentsJson(report.attachments) };
        json.write(`${counts.reports === 0 ? '\n' : ',\n'}${JSON.stringify(entry)}`);
        const postId = max.media + max.pages + report.id;
        wxr.write(wxrItem(reportPost(report, postId, category, bodyHtml(report.bodySource), siteUrl)));
        for (const a of report.attachments) {
          const exported = files.get(a.mediaId);
          if (exported) wxr.write(wxrItem(attachmentPost(++attachmentPostId, postId, a.label, exported.file, exported.row, siteUrl)));
        }
        counts.reports++;
      }
      after = rows[rows.length - 1]!.id;
    }
    json.write('\n],\n');

    // The menu last: its entries name pages by their post ids, and its own ids come after all others.
    for (const entry of menuPosts(settings.navigation, attachmentPostId, max.media, siteUrl)) wxr.write(wxrItem(entry));

    json.write('"redirects": [');
    for (let after = ''; ;) {
      const rows = await listRedirectsForExport(ctx.db, after, batch);
      if (rows.length === 0) break;
      for (const r of rows) json.write(`${counts.redirects++ === 0 ? '\n' : ',\n'}${JSON.stringify({ from: r.fromPath, to: r.toPath, createdAt: r.createdAt })}`);
      after = rows[rows.length - 1]!.fromPath;
    }
    json.write('\n]\n}\n');
    wxr.write(wxrTail());
    return counts;
  } finally {
    json.close();
    wxr.close();
  }
}

function prepareFolder(outDir: string): void {
  if (existsSync(outDir)) {
    let entries: string[];
    try {
      entries = readdirSync(outDir);
    } catch {
      throw new ValidationError(`--out ${outDir}: フォルダではありません。`);
    }
    if (entries.length > 0) throw new ValidationError(`--out ${outDir}: フォルダが空ではありません。新しいフォルダか空のフォルダを指定してください。`);
  }
  // Each folder exists even when empty: `import-wxr --uploads <out>/media` must find it.
  for (const folder of ['media', 'pages', 'reports']) mkdirSync(join(outDir, folder), { recursive: true });
}

/** `media/<sha256>/<name>` → `<site>/wp-content/uploads/<sha256>/<name>` (import-wxr maps it back under --uploads). */
function uploadsUrl(siteUrl: string, file: string): string {
  return `${siteUrl}/wp-content/uploads/${file.slice('media/'.length).split('/').map(encodeURIComponent).join('/')}`;
}

/** A stored name as one safe path segment: no folder separators, no `.`/`..`. */
function safeFileName(name: string): string {
  const flat = name.replace(/[/\\\u0000]/g, '_').trim();
  return flat === '' || /^\.+$/.test(flat) ? '_' : flat;
}

function settingsJson(settings: SiteSettings) {
  return { title: siteTitle(settings), description: settings.siteDescription, ...settings };
}

/** Copies the stored original to `media/<sha256>/<name>` and returns that path; undefined when the data folder lacks it. */
function copyMediaFile(location: MediaLocation, outDir: string, row: Media): string | undefined {
  const from = mediaFilePath(location, row.sha256);
  if (!existsSync(from)) return undefined;
  const file = `media/${row.sha256}/${safeFileName(row.originalName)}`;
  mkdirSync(join(outDir, dirname(file)), { recursive: true });
  copyFileSync(from, join(outDir, file));
  return file;
}

function mediaJson(row: Media) {
  return {
    id: row.id,
    originalName: row.originalName,
    mime: row.mime,
    bytes: row.bytes,
    sha256: row.sha256,
    width: row.width,
    height: row.height,
    alt: row.altText,
    createdAt: row.createdAt,
  };
}

function pageJson(page: ExportPageRow) {
  return {
    id: page.id,
    parentId: page.parentId,
    position: page.position,
    slug: page.slug,
    title: page.title,
    status: page.status,
    publishedAt: page.publishedAt,
    trashedAt: page.trashedAt,
    createdAt: page.createdAt,
    updatedAt: page.updatedAt,
    summary: page.summary,
    bodySource: page.bodySource,
    revisionCount: page.revisionCount,
  };
}

function reportJson(report: ExportReportRow) {
  return {
    id: report.id,
    slug: report.slug,
    title: report.title,
    activityDate: report.activityDate,
    status: report.status,
    publishedAt: report.publishedAt,
    scheduledAt: report.scheduledAt,
    trashedAt: report.trashedAt,
    createdAt: report.createdAt,
    updatedAt: report.updatedAt,
    category: report.categorySlug,
    tags: report.tags,
    authorName: report.authorName,
    summary: report.summary,
    bodySource: report.bodySource,
    revisionCount: report.revisionCount,
  };
}

/** `/政策/子育て/`: the page's public path from its ancestors' slugs. */
function pagePath(page: ExportPageRow, pages: ExportPageRow[]): string {
  return paths.page(slugChain(page, pages));
}

function slugChain(page: ExportPageRow, pages: ExportPageRow[]): string[] {
  const byId = new Map(pages.map((p) => [p.id, p]));
  const slugs: string[] = [];
  const seen = new Set<number>();
  for (let at: ExportPageRow | undefined = page; at && !seen.has(at.id); at = at.parentId === null ? undefined : byId.get(at.parentId)) {
    seen.add(at.id);
    slugs.unshift(at.slug);
  }
  return slugs;
}

/** `pages/政策/子育て.txt` for each page; a second page on the same path (one in the trash) gets `-<id>`. */
function pageTextFiles(pages: ExportPageRow[]): Map<number, string> {
  const out = new Map<number, string>();
  const taken = new Set<string>();
  for (const page of pages) {
    const base = `pages/${slugChain(page, pages).map(safeFileName).join('/')}`;
    const file = taken.has(`${base}.txt`) ? `${base}-${page.id}.txt` : `${base}.txt`;
    taken.add(file);
    out.set(page.id, file);
  }
  return out;
}

/** `reports/2024-05-01-port-visit.txt`; a slug that already starts with the date is not repeated. */
function reportTextFile(report: ExportReportRow): string {
  const name = report.slug.startsWith(report.activityDate) ? report.slug : `${report.activityDate}-${report.slug}`;
  return `reports/${safeFileName(name)}.txt`;
}

/** Title line, date line (as import-text reads them), the category line, a blank line, the body. */
function reportText(report: ExportReportRow, category: string | undefined): string {
  const head = [report.title, formatJapaneseDate(report.activityDate), ...(category === undefined ? [] : [`カテゴリー: ${category}`])];
  return `${head.join('\n')}\n\n${report.bodySource}\n`;
}

function writeText(outDir: string, file: string, content: string): void {
  mkdirSync(join(outDir, dirname(file)), { recursive: true });
  const fd = openSync(join(outDir, file), 'wx');
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
}

const WXR_STATUS: Record<string, string> = { published: 'publish', draft: 'draft', scheduled: 'future', trashed: 'trash' };

function gmtDateTime(instantIso: string | null): string {
  return instantIso === null ? WXR_NO_DATE : new Date(instantIso).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * post_date carries the activity date (import-wxr's activity date) with the time of day it
 * was published in Japan when that was the same day; post_date_gmt the publishing instant.
 */
function reportPost(report: ExportReportRow, postId: number, category: string | undefined, content: string, siteUrl: string): WxrPost {
  const published = report.publishedAt ?? report.scheduledAt;
  const time = published !== null && japanDayOf(published) === report.activityDate ? japanDateTimeOf(published).slice(11) : '00:00:00';
  return {
    postId,
    postType: 'post',
    title: report.title,
    link: `${siteUrl}${paths.report(report.slug)}`,
    content,
    excerpt: report.summary,
    creator: report.authorName ?? '',
    postDate: `${report.activityDate} ${time}`,
    postDateGmt: gmtDateTime(published),
    postName: report.slug,
    status: WXR_STATUS[report.status] ?? 'draft',
    postParent: 0,
    menuOrder: 0,
    categories: report.categorySlug === null || category === undefined ? [] : [{ slug: report.categorySlug, name: category }],
    tags: report.tags,
    meta: [[WXR_SLUG_META, report.slug]],
  };
}

function pagePost(page: ExportPageRow, mediaMax: number, content: string, link: string): WxrPost {
  const at = page.publishedAt ?? page.createdAt;
  return {
    postId: mediaMax + page.id,
    postType: 'page',
    title: page.title,
    link,
    content,
    excerpt: page.summary,
    creator: '',
    postDate: japanDateTimeOf(at),
    postDateGmt: gmtDateTime(page.publishedAt),
    postName: page.slug,
    status: WXR_STATUS[page.status] ?? 'draft',
    postParent: page.parentId === null ? 0 : mediaMax + page.parentId,
    menuOrder: page.position,
  };
}

function attachmentPost(postId: number, parent: number, title: string, file: string, row: Media, siteUrl: string): WxrPost {
  const rel = file.slice('media/'.length);
  const url = uploadsUrl(siteUrl, file);
  return {
    postId,
    postType: 'attachment',
    title,
    link: url,
    content: '',
    excerpt: '',
    creator: '',
    postDate: japanDateTimeOf(row.createdAt),
    postDateGmt: gmtDateTime(row.createdAt),
    postName: `media-${row.id}`,
    status: 'inherit',
    postParent: parent,
    menuOrder: 0,
    attachmentUrl: url,
    meta: [
      ['_wp_attached_file', rel],
      ['_wp_attachment_image_alt', row.altText],
    ],
  };
}

/** The site menu as WordPress menu entries (menu `main`): links by URL, fixed pages by their post id. */
function menuPosts(navigation: NavigationLink[], lastPostId: number, mediaMax: number, siteUrl: string): WxrPost[] {
  const posts: WxrPost[] = [];
  let postId = lastPostId;
  const add = (link: NavigationLink, parent: number, order: number) => {
    const id = ++postId;
    const isPage = link.pageId !== undefined;
    const url = link.url.startsWith('/') ? `${siteUrl}${link.url}` : link.url;
    posts.push({
      postId: id,
      postType: 'nav_menu_item',
      title: link.label,
      link: '',
      content: '',
      excerpt: '',
      creator: '',
      postDate: WXR_NO_DATE,
      postDateGmt: WXR_NO_DATE,
      postName: `menu-${id}`,
      status: 'publish',
      postParent: 0,
      menuOrder: order,
      menu: 'main',
      meta: [
        ['_menu_item_type', isPage ? 'post_type' : 'custom'],
        ['_menu_item_menu_item_parent', String(parent)],
        ['_menu_item_object_id', isPage ? String(mediaMax + link.pageId!) : String(id)],
        ['_menu_item_object', isPage ? 'page' : 'custom'],
        ['_menu_item_url', isPage ? '' : url],
      ],
    });
    return id;
  };
  navigation.forEach((link, i) => {
    const id = add(link, 0, i + 1);
    (link.children ?? []).forEach((child, j) => add(child, id, j + 1));
  });
  return posts;
}

/** Appends to a file through a buffer, with synchronous writes: one open file, bounded memory. */
class FileWriter {
  private readonly fd: number;
  private chunks: string[] = [];
  private size = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'wx');
  }

  write(text: string): void {
    this.chunks.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.chunks.length === 0) return;
    writeSync(this.fd, this.chunks.join(''));
    this.chunks = [];
    this.size = 0;
  }
}
