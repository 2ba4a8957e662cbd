// Saved pages of an old site → import items (see importers/import-run.ts for the contract):
// each file is decoded, its report extracted, the PDFs and images it links to copied into
// the media library when they were saved alongside, and its body converted to the text
// format. A page that is no report (a list, no date) is skipped with the reason.
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import * as cheerio from 'cheerio';
import type { ActionContext } from '../../actions/runtime/context.js';
import { uploadMedia } from '../../actions/media/upload-media.js';
import { mediaPath } from '../../domain/media-path.js';
import { describeError, type ImportItem } from '../import-run.js';
import { htmlToReportText } from '../html-to-text.js';
import type { FoundFile } from '../find-files.js';
import { decodeHtml } from './decode-html.js';
import { extractPage } from './extract-page.js';

export interface HtmlImportOptions {
  /** The old site's address (https://example.jp/): page URLs are this plus the file's path. */
  baseUrl?: string;
  /** Where the site's files were saved, for links written from the site root (/files/a.pdf). */
  root?: string;
  category?: string;
  isDryRun: boolean;
}

/** Larger than any page someone wrote by hand; a mistake or a dump. */
const MAX_PAGE_BYTES = 20 * 1024 * 1024;
/** Links to these are files of the report: copied when saved alongside. */
const ATTACHMENT = /\.(pdf|jpe?g|png|webp)$/i;
/** Stands for the old site's address when neither --base-url nor the page gives one. */
const UNKNOWN_ORIGIN = 'http://old-site.invalid';
const IMPORT_ACTOR = { login: 'import' };

export async function* htmlPageItems(ctx: ActionContext, files: FoundFile[], options: HtmlImportOptions): AsyncGenerator<ImportItem> {
  // Files linked from several pages are copied (and counted) once.
  const copied = new Map<string, string>();
  // Two pages claiming one address (a theme that gives every page the top page's canonical
  // URL) must not overwrite each other's report: the later one is keyed by its file.
  const keys = new Map<string, string>();
  for (const file of files) {
    try {
      for (const item of await pageItems(ctx, file, options, copied)) {
        if (item.type === 'report') {
          const first = keys.get(item.key);
          if (first !== undefined) {
            if (options.baseUrl !== undefined) {
              yield { type: 'failed', label: item.label, reason: `${first} と同じページのアドレスです。保存したサイトごとに分けて取り込んでください` };
              continue;
            }
            item.warnings = [...(item.warnings ?? []), `its canonical URL is also that of ${first}: imported by file path, without a redirect`];
            item.key = file.relativePath;
            item.label = file.relativePath;
            item.report.redirectsFrom = [];
          }
          keys.set(item.key, item.label);
        }
        yield item;
      }
    } catch (error) {
      yield { type: 'failed', label: file.relativePath, reason: describeError(error), error };
    }
  }
}

/** The page's address: --base-url plus its path, else what the page says of itself. */
export function pageUrlOf(file: FoundFile, baseUrl: string | undefined, canonicalUrl: string | undefined): URL | undefined {
  if (baseUrl !== undefined) return new URL(file.relativePath.split('/').map(encodeURIComponent).join('/'), withSlash(baseUrl));
  if (canonicalUrl === undefined) return undefined;
  try {
    const url = new URL(canonicalUrl);
    return /^https?:$/.test(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** A URL path as people and the redirect table read it; as written when it is not valid UTF-8. */
function safeDecode(path: string, decode: (text: string) => string = decodeURI): string {
  try {
    return decode(path);
  } catch {
    return path;
  }
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** The old paths that must lead to the new report: /a/b.html, and /a/ for /a/index.html. */
export function oldPathsOf(url: URL): string[] {
  const path = safeDecode(url.pathname);
  const paths = [path];
  const index = /^(.*\/)index\.html?$/i.exec(path);
  if (index) paths.push(index[1]!);
  return paths;
}

/** The page's report (or why it is none), after the items of the files it links to. */
async function pageItems(ctx: ActionContext, file: FoundFile, options: HtmlImportOptions, copied: Map<string, string>): Promise<ImportItem[]> {
  const item = await pageItem(ctx, file, options, copied);
  return Array.isArray(item) ? item : [item];
}

async function pageItem(ctx: ActionContext, file: FoundFile, options: HtmlImportOptions, copied: Map<string, string>): Promise<ImportItem | ImportItem[]> {
  const label = file.relativePath;
  const size = statSync(file.path).size;
  if (size === 0) return { type: 'failed', label, reason: '空のファイルです' };
  if (size > MAX_PAGE_BYTES) return { type: 'failed', label, reason: 'ファイルが20MBを超えています。保存したページではありません' };
  const bytes = readFileSync(file.path);
  const decoded = decodeHtml(bytes);
  if (!decoded.encoding.startsWith('utf-16') && bytes.includes(0)) return { type: 'failed', label, reason: 'バイナリファイルです。保存したページではありません' };
  if (!/<(html|body|p|div|h1|title)\b/i.test(decoded.text)) return { type: 'failed', label, reason: 'HTML が含まれていません' };
  const pageUrl = pageUrlOf(file, options.baseUrl, undefined);
  const page = extractPage(decoded.text, pageUrl ? safeDecode(pageUrl.pathname) : `/${file.relativePath}`);
  if (page.listReason) return { type: 'skipped', label, reason: `活動報告ではありません: ${page.listReason}` };
  if (page.title === '') return { type: 'skipped', label, reason: '活動報告ではありません: タイトルがありません' };
  if (!page.activityDate) return { type: 'skipped', label, reason: `活動報告ではありません: ${page.dateProblem ?? '日付が見つかりません'}` };

  const url = pageUrl ?? pageUrlOf(file, undefined, page.canonicalUrl);
  const base = url?.href ?? `${UNKNOWN_ORIGIN}/${file.relativePath.split('/').map(encodeURIComponent).join('/')}`;
  // Checked before copying files, so that a page skipped here leaves no files behind.
  if (htmlToReportText(page.contentHtml).text.trim() === '') {
    return { type: 'skipped', label, reason: '活動報告ではありません: タイトルのほかに本文がありません' };
  }
  const warnings: string[] = decoded.warning ? [decoded.warning] : [];
  const { media, items } = await copyAttachments(ctx, file, page.contentHtml, base, options, copied);
  const converted = htmlToReportText(page.contentHtml, { baseUrl: base, resolveMedia: (u) => media.get(u) });
  warnings.push(...converted.warnings);
  const bodySource = sitePathLinks(converted.text, new URL(base).origin, url === undefined);
  if (!url) warnings.push('--base-url の指定もページの canonical URL もないため、旧アドレスからの転送は作りません');
  return [
    ...items,
    {
      type: 'report',
      key: url?.href ?? file.relativePath,
      label: url ? safeDecode(url.pathname) : label,
      report: {
        title: page.title,
        activityDate: page.activityDate,
        bodySource,
        category: options.category === undefined ? null : { name: options.category },
        status: 'published',
        redirectsFrom: url ? oldPathsOf(url) : [],
      },
      warnings,
    },
  ];
}

/**
 * Links to the old site's pages become site paths (/activity/2013/a.html), which the
 * redirects of imported pages answer once the domain points at katsudo. A file that was
 * not copied keeps its old address, where it may still be found — unless that address
 * is unknown.
 */
function sitePathLinks(text: string, origin: string, isOriginUnknown: boolean): string {
  const escaped = origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`\\]\\(${escaped}(/[^)\\s]*)\\)`, 'g'), (whole, path: string) =>
    isOriginUnknown || !ATTACHMENT.test(path.split(/[?#]/)[0]!) ? `](${path})` : whole,
  );
}

/**
 * Uploads the PDFs and images the content links to that were saved next to the page (or
 * under the root), returning absolute URL → media reference, and the items that count
 * them and redirect their old addresses to the copies. In a dry run nothing is written; a
 * missing file keeps its link to the old address, with a warning.
 */
async function copyAttachments(
  ctx: ActionContext,
  file: FoundFile,
  contentHtml: string,
  base: string,
  options: HtmlImportOptions,
  copied: Map<string, string>,
): Promise<{ media: Map<string, string>; items: ImportItem[] }> {
  const $ = cheerio.load(contentHtml, null, false);
  const links: { raw: string; label: string }[] = [];
  $('a[href]').each((_, el) => {
    links.push({ raw: $(el).attr('href')!, label: $(el).text().trim() || ($(el).find('img').attr('alt') ?? '') });
  });
  $('img[src]').each((_, el) => {
    links.push({ raw: $(el).attr('src')!, label: $(el).attr('alt')?.trim() ?? '' });
  });
  const origin = new URL(base).origin;
  const media = new Map<string, string>();
  const items: ImportItem[] = [];
  for (const link of links) {
    let url: URL;
    try {
      url = new URL(link.raw.trim(), base);
    } catch {
      continue;
    }
    if (!ATTACHMENT.test(url.pathname) || media.has(url.href) || url.origin !== origin) continue;
    const known = copied.get(url.href);
    if (known !== undefined) {
      media.set(url.href, known);
      continue;
    }
    const shown = origin === UNKNOWN_ORIGIN ? safeDecode(url.pathname) : url.href;
    const local = localFileFor(file, url, base, options.root);
    if (!local) {
      items.push({ type: 'media', label: shown, missingReason: `ページと一緒に保存されていません。リンクは旧アドレス ${shown} のままです` });
      continue;
    }
    const fileName = basename(local);
    if (options.isDryRun) {
      media.set(url.href, fileName);
      items.push({ type: 'media', label: shown });
      continue;
    }
    try {
      const uploaded = await uploadMedia(ctx, {
        bytes: readFileSync(local),
        fileName,
        altText: link.label || fileName.replace(/\.[^.]+$/, ''),
        user: IMPORT_ACTOR,
      });
      media.set(url.href, String(uploaded.id));
      copied.set(url.href, String(uploaded.id));
      items.push({ type: 'media', label: shown });
      if (origin !== UNKNOWN_ORIGIN) {
        items.push({ type: 'redirect', label: shown, from: [safeDecode(url.pathname)], to: mediaPath(uploaded.sha256, uploaded.originalName) });
      }
    } catch (error) {
      items.push({ type: 'media', label: shown, missingReason: `コピーできませんでした(${describeError(error)})。リンクは旧アドレス ${shown} のままです`, error });
    }
  }
  return { media, items };
}

/** The saved copy of a linked file: under the root by its URL path, else beside the page. */
function localFileFor(file: FoundFile, url: URL, base: string, root: string | undefined): string | undefined {
  const path = safeDecode(url.pathname, decodeURIComponent);
  const basePath = safeDecode(new URL('./', base).pathname, decodeURIComponent);
  const siteBase = safeDecode(new URL(base).pathname, decodeURIComponent).slice(0, -file.relativePath.length) || '/';
  const candidates: string[] = [];
  for (const dir of [root, file.root]) {
    if (dir === undefined) continue;
    const fromSiteRoot = path.startsWith(siteBase) ? path.slice(siteBase.length) : path.slice(1);
    candidates.push(join(dir, fromSiteRoot));
  }
  if (path.startsWith(basePath)) candidates.push(join(dirname(file.path), path.slice(basePath.length)));
  for (const candidate of candidates) {
    const full = resolve(candidate);
    // Never read outside the directories the user gave (a ../../ link in a hostile page).
    const allowed = [root, file.root].filter((d): d is string => d !== undefined).map((d) => resolve(d) + sep);
    if (!allowed.some((d) => full.startsWith(d))) continue;
    try {
      if (statSync(full).isFile()) return full;
    } catch {
      // not saved; try the next place
    }
  }
  return undefined;
}
