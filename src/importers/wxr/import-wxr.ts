// katsudo import-wxr: a WordPress export → ImportItems for the runner (import-run.ts).
// Two streaming passes over the file keep memory flat in its size:
// 1. attachments only (id, parent, URL, title, alt text), since WordPress may write an
//    attachment before the post it belongs to;
// 2. every item in order: posts become reports and pages fixed pages (their files stored
//    first, see uploads.ts; a page waits for its parent when the file lists it before that
//    one; the profile-like page fills the profile, see write-page-item.ts), attachments are
//    accounted for with their post, revisions and comments are counted as ignored;
// 3. at the end, the blog's name, tagline and menu (nav_menu_item entries, see map-menu.ts)
//    as site settings, written only where the site has none.
// A file that breaks off or is malformed stops pass 2 at that point with its line and
// column: the items before it are imported, the broken one is not.
import type { ActionContext } from '../../actions/runtime/context.js';
import { SETTINGS_LIMITS } from '../../domain/settings.js';
import { describeError, type ImportItem, type PageItem, type ReportItem } from '../import-run.js';
import type { ImportedNavigationLink } from '../write-page-item.js';
import { menuEntryOf, navigationFromMenus, type MenuTarget, type WxrMenuEntry } from './map-menu.js';
import { mapPage, type PageOutline } from './map-page.js';
import { decodeSlug, labelOf, mapPost, pathOf, sourceKeyOf, type PostAttachment } from './map-post.js';
import { readWxr, WxrReadError, type WxrChannel, type WxrItem } from './read-wxr.js';
import { UploadsLibrary } from './uploads.js';

export interface WxrImportOptions {
  /** A local copy of the old site's wp-content/uploads. */
  uploadsDir?: string;
  isDryRun?: boolean;
  /** Progress through the file: bytes done of bytes to do (the file is read twice). */
  onBytes?: (done: number, total: number) => void;
  fileBytes?: number;
}

interface AttachmentInfo extends PostAttachment {
  parent: string;
  url: string;
  altText: string;
}

/** Post types that are part of a WordPress site's machinery, not its content. */
const IGNORED_TYPES = new Set([
  'revision',
  'custom_css',
  'customize_changeset',
  'oembed_cache',
  'user_request',
  'wp_block',
  'wp_template',
  'wp_template_part',
  'wp_global_styles',
  'wp_navigation',
  'wp_font_family',
  'wp_font_face',
  'acf-field',
  'acf-field-group',
  'wpcf7_contact_form',
]);
const SKIPPED_STATUSES: Record<string, string> = {
  private: '非公開の投稿です(WordPress でログインした編集者だけが見られるもの)。ここでは公開しません',
  trash: 'WordPress のゴミ箱にあります',
  'auto-draft': '中身のない自動下書きです',
};
const PROFILE = /profile|プロフィール|略歴|経歴/i;
/** Page statuses whose page is not imported at all (others become drafts unless published). */
const SKIPPED_PAGE_STATUSES: Record<string, string> = {
  trash: 'WordPress のゴミ箱にあるページです',
  'auto-draft': '中身のない自動下書きです',
};

/** What the second pass works with, besides the item at hand. */
interface WxrRun {
  channel: WxrChannel;
  /** Attachments by the post id of their parent. */
  byParent: Map<string, AttachmentInfo[]>;
  attachments: Map<string, AttachmentInfo>;
  postIds: Set<string>;
  library: UploadsLibrary;
  tree: PageTree;
  describeImage: (url: string) => string | undefined;
}

/** The pages of the export (first pass) and those whose parent comes later in the file. */
interface PageTree {
  outlines: Map<string, PageOutline>;
  /** Pages already handed out (written before their children), by post id. */
  done: Set<string>;
  /** Page items waiting for their parent, by the parent's post id. */
  waiting: Map<string, PageItem[]>;
}

/**
 * How many items the runner may write per transaction (RunOptions.itemsPerTransaction):
 * without --uploads reading the export makes no database calls, so posts are written in
 * batches; with it each file is stored in a transaction of its own between the posts, so
 * each post gets its own transaction too.
 */
export function wxrItemsPerTransaction(options: Pick<WxrImportOptions, 'uploadsDir'>): number {
  return options.uploadsDir === undefined ? 200 : 1;
}

export async function* wxrImportItems(ctx: ActionContext, file: string, options: WxrImportOptions = {}): AsyncGenerator<ImportItem> {
  const total = (options.fileBytes ?? 0) * 2;
  const channel: WxrChannel = { baseSiteUrl: '', baseBlogUrl: '', wxrVersion: '', authors: new Map() };
  const { attachments, postIds, menuEntries, pageOutlines } = await collectAttachments(file, (bytes) => options.onBytes?.(bytes, total));
  const tree: PageTree = { outlines: pageOutlines, done: new Set(), waiting: new Map() };
  const menuTargets = new Map<string, MenuTarget>();
  const wanted = new Set(menuEntries.filter((e) => e.kind === 'post_type').map((e) => e.objectId));
  const byParent = new Map<string, AttachmentInfo[]>();
  for (const a of attachments.values()) {
    const list = byParent.get(a.parent) ?? [];
    list.push(a);
    byParent.set(a.parent, list);
  }
  const library = new UploadsLibrary(ctx, options.uploadsDir, options.isDryRun ?? false);
  const run: WxrRun = { channel, byParent, attachments, postIds, library, tree, describeImage: imageDescriber(attachments, channel) };
  const half = options.fileBytes ?? 0;
  for await (const item of readWxr(file, channel, { onBytes: (bytes) => options.onBytes?.(half + bytes, total) })) {
    if (item.comments > 0) yield { type: 'ignored', what: 'comment', count: item.comments };
    if (wanted.has(item.postId)) menuTargets.set(item.postId, menuTargetOf(item, channel));
    yield* itemsFor(item, run);
  }
  // Pages whose parent was listed but never written (it could not be read): at the top.
  for (const list of tree.waiting.values()) {
    for (const page of list) {
      const { parentKey: _, ...top } = page.page;
      yield { ...page, page: top, warnings: [...(page.warnings ?? []), '親ページを取り込まなかったため、最上位のページとして取り込みました'] };
    }
  }
  yield* siteSettingsItems(channel, menuEntries, menuTargets);
}

/** The blog name, tagline and menu as settings for an empty site, with what was left out. */
function* siteSettingsItems(channel: WxrChannel, menuEntries: WxrMenuEntry[], targets: Map<string, MenuTarget>): Generator<ImportItem> {
  const label = channel.baseSiteUrl || 'site';
  const settings: { legislatorName?: string; siteDescription?: string; navigation?: ImportedNavigationLink[] } = {};
  const name = nameOfBlog(channel.title ?? '');
  if (name !== '') settings.legislatorName = name;
  const description = oneLineWithin(channel.description ?? '', SETTINGS_LIMITS.siteDescription);
  if (description !== '') settings.siteDescription = description;
  if (menuEntries.length > 0) {
    const { links, warnings } = navigationFromMenus(menuEntries, targets, channel);
    for (const message of warnings) yield { type: 'warning', label: `${label} (menu)`, message };
    if (links.length > 0) settings.navigation = links;
  }
  if (Object.keys(settings).length > 0) yield { type: 'site-settings', label, settings };
}

/** A site title ends in 「公式サイト」 here (domain/settings.ts siteTitle), so the blog name's own such ending goes. */
function nameOfBlog(title: string): string {
  const bare = title
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*[|｜:：\-ー–—]?\s*(公式(ウェブ|web|Web|ホームページ)?サイト|オフィシャル(ウェブ)?サイト|公式ホームページ|ホームページ|official (web)?site)$/i, '')
    .trim();
  return oneLineWithin(bare, SETTINGS_LIMITS.legislatorName);
}

function oneLineWithin(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

async function* itemsFor(item: WxrItem, run: WxrRun): AsyncGenerator<ImportItem> {
  const { channel, byParent, attachments, postIds, library } = run;
  const label = labelOf(item, channel);
  if (item.postType === 'attachment') {
    // Stored and listed with its post; one without a post (or of a page) is stored on its own.
    const info = attachments.get(item.postId);
    if (info && !postIds.has(info.parent)) yield* storeFiles([{ url: info.url, altText: info.altText }], library, channel);
    return;
  }
  if (item.postType === 'nav_menu_item') return; // read in the first pass: the navigation, at the end
  if (IGNORED_TYPES.has(item.postType)) {
    yield { type: 'ignored', what: item.postType };
    return;
  }
  if (item.postType === 'page') {
    yield* pageItems(item, label, run);
    return;
  }
  if (item.postType !== 'post') {
    yield { type: 'skipped', label, reason: `投稿タイプ「${item.postType}」は取り込みません` };
    return;
  }
  const skipReason = SKIPPED_STATUSES[item.status];
  if (skipReason !== undefined) {
    yield { type: 'skipped', label, reason: skipReason };
    return;
  }
  const own = byParent.get(item.postId) ?? [];
  const files = [...own.map((a) => ({ url: a.url, altText: a.altText })), ...linkedUploads(item.content, channel)];
  const { companions, discard } = yield* storeItemFiles(files, library, channel);
  const postAttachments: PostAttachment[] = own.map((a) => {
    const outcome = library.known(uploadsRel(a.url));
    return { ...a, ...(outcome?.kind === 'stored' && outcome.file.mediaId > 0 ? { mediaId: outcome.file.mediaId } : {}) };
  });
  let report: ReportItem;
  try {
    report = mapPost(item, { channel, attachments: postAttachments, resolveMedia: mediaResolver(library), describeImage: run.describeImage });
  } catch (error) {
    await discard();
    yield { type: 'failed', label, reason: describeError(error), error };
    return;
  }
  yield { ...report, companions, discard };
}

/**
 * Stores an item's files first (its body refers to them): their media items are yielded at
 * once, their old addresses come back as companions that count only once the item is
 * written, and `discard` removes those stored for this item alone if it fails.
 */
async function* storeItemFiles(
  files: { url: string; altText: string }[],
  library: UploadsLibrary,
  channel: WxrChannel,
): AsyncGenerator<ImportItem, { companions: ImportItem[]; discard: () => Promise<void> }> {
  const firstSeen: string[] = [];
  const companions: ImportItem[] = [];
  for await (const fileItem of storeFiles(files, library, channel, firstSeen)) {
    if (fileItem.type === 'redirect') companions.push(fileItem);
    else yield fileItem;
  }
  return { companions, discard: () => library.discard(firstSeen) };
}

/** The media reference of a file URL stored in this run. */
function mediaResolver(library: UploadsLibrary): (url: string) => string | undefined {
  return (url) => {
    const outcome = library.known(uploadsRel(url));
    return outcome?.kind === 'stored' ? outcome.file.ref : undefined;
  };
}

/**
 * The description stored with an image's attachment, by the image's path under uploads:
 * its own file or a resized copy (`photo-300x200.jpg` is a size of `photo.jpg`).
 */
function imageDescriber(attachments: Map<string, AttachmentInfo>, channel: WxrChannel): (url: string) => string | undefined {
  const byPath = new Map<string, string>();
  for (const a of attachments.values()) if (a.altText !== '') byPath.set(uploadsRel(absolute(a.url, channel)), a.altText);
  return (url) => {
    const rel = uploadsRel(url);
    return byPath.get(rel) ?? byPath.get(rel.replace(/-\d+x\d+(\.[a-z0-9]+)$/i, '$1'));
  };
}

function uploadsRel(url: string): string {
  const at = url.indexOf('/wp-content/uploads/');
  if (at < 0) return '';
  const rel = url.slice(at + '/wp-content/uploads/'.length).split(/[?#]/)[0]!;
  try {
    return decodeURIComponent(rel);
  } catch {
    return rel;
  }
}

/** Stores each file once per run, yielding a media item the first time and a redirect for its old address. */
async function* storeFiles(
  files: { url: string; altText: string }[],
  library: UploadsLibrary,
  channel: WxrChannel,
  firstSeen: string[] = [],
): AsyncGenerator<ImportItem> {
  for (const file of files) {
    const url = absolute(file.url, channel);
    const result = await library.store(url, file.altText);
    if (!result || !result.isFirstSeen) continue;
    const { outcome } = result;
    firstSeen.push(outcome.relPath);
    const label = `wp-content/uploads/${outcome.relPath}`;
    if (outcome.kind === 'missing') {
      yield { type: 'media', label, missingReason: outcome.reason, error: outcome.error };
      continue;
    }
    yield { type: 'media', label };
    const from = pathOf(url, channel.baseSiteUrl);
    if (from !== undefined && outcome.file.path !== '') yield { type: 'redirect', label, from: [from], to: outcome.file.path };
  }
}

function absolute(url: string, channel: WxrChannel): string {
  try {
    return new URL(url, channel.baseSiteUrl || 'http://old.invalid/').href;
  } catch {
    return url;
  }
}

/** Files under wp-content/uploads the post's HTML links to or shows. */
function linkedUploads(content: string, channel: WxrChannel): { url: string; altText: string }[] {
  const found: { url: string; altText: string }[] = [];
  for (const m of content.matchAll(/<(a|img)\b[^>]*?\b(?:href|src)\s*=\s*["']([^"']*\/wp-content\/uploads\/[^"']+)["'][^>]*>/gi)) {
    const alt = m[1]!.toLowerCase() === 'img' ? (/\balt\s*=\s*["']([^"']*)["']/i.exec(m[0])?.[1] ?? '') : '';
    found.push({ url: absolute(m[2]!.replace(/&amp;/g, '&'), channel), altText: alt });
  }
  return found;
}

/** The profile-like page (by slug or title), whose old addresses lead to /profile/. */
function isProfilePage(item: WxrItem): boolean {
  return item.postType === 'page' && (PROFILE.test(decodeSlug(item.postName)) || PROFILE.test(item.title));
}

function menuTargetOf(item: WxrItem, channel: WxrChannel): MenuTarget {
  const target: MenuTarget = { title: item.title, link: item.link, isProfile: isProfilePage(item) };
  if (item.postType === 'page' && !target.isProfile && SKIPPED_PAGE_STATUSES[item.status] === undefined) target.pageKey = sourceKeyOf(channel, item.postId);
  return target;
}

/**
 * A page → a fixed page, handed out after its parent: one listed before its parent waits
 * for it (and its own waiting children follow it); one whose parent is not in the export
 * goes to the top level with a warning.
 */
async function* pageItems(item: WxrItem, label: string, run: WxrRun): AsyncGenerator<ImportItem> {
  const { channel, library, tree } = run;
  const skipReason = SKIPPED_PAGE_STATUSES[item.status];
  if (skipReason !== undefined) {
    yield { type: 'skipped', label, reason: skipReason };
    return;
  }
  const parent = item.postParent.trim() || '0';
  const hasParent = parent !== '0' && tree.outlines.has(parent);
  const { companions, discard } = yield* storeItemFiles(linkedUploads(item.content, channel), library, channel);
  let page: PageItem;
  try {
    page = mapPage(
      item,
      { channel, resolveMedia: mediaResolver(library), describeImage: run.describeImage },
      hasParent ? sourceKeyOf(channel, parent) : undefined,
      tree.outlines,
      isProfilePage(item),
    );
  } catch (error) {
    await discard();
    yield { type: 'failed', label, reason: describeError(error), error };
    return;
  }
  page = { ...page, companions, discard };
  if (parent !== '0' && !hasParent)
    page.warnings = [...(page.warnings ?? []), `親ページ(ID ${parent})がエクスポートにないか、ゴミ箱にあって取り込まなかったため、最上位のページとして取り込みました`];
  if (hasParent && !tree.done.has(parent)) {
    tree.waiting.set(parent, [...(tree.waiting.get(parent) ?? []), page]);
    return;
  }
  yield* releasePage(page, item.postId, tree);
}

/** Hands out a page, then every page that waited for it (and theirs, in turn). */
function* releasePage(page: PageItem, postId: string, tree: PageTree): Generator<ImportItem> {
  yield page;
  tree.done.add(postId);
  const children = tree.waiting.get(postId) ?? [];
  tree.waiting.delete(postId);
  for (const child of children) yield* releasePage(child, postIdOfKey(child.key), tree);
}

function postIdOfKey(key: string): string {
  return key.slice(key.lastIndexOf('#') + 1);
}

/** The attachments (small records) and the ids of the posts, from a first pass over the file. */
async function collectAttachments(
  file: string,
  onBytes: (bytes: number) => void,
): Promise<{ attachments: Map<string, AttachmentInfo>; postIds: Set<string>; menuEntries: WxrMenuEntry[]; pageOutlines: Map<string, PageOutline> }> {
  const found = new Map<string, AttachmentInfo>();
  const pageOutlines = new Map<string, PageOutline>();
  const postIds = new Set<string>();
  const menuEntries: WxrMenuEntry[] = [];
  const channel: WxrChannel = { baseSiteUrl: '', baseBlogUrl: '', wxrVersion: '', authors: new Map() };
  try {
    for await (const item of readWxr(file, channel, { onBytes })) {
      if (item.postType === 'post') postIds.add(item.postId);
      if (item.postType === 'nav_menu_item') menuEntries.push(menuEntryOf(item));
      if (item.postType === 'page' && SKIPPED_PAGE_STATUSES[item.status] === undefined) {
        pageOutlines.set(item.postId, { parent: item.postParent.trim() || '0', slug: decodeSlug(item.postName) });
      }
      if (item.postType !== 'attachment') continue;
      found.set(item.postId, {
        postId: item.postId,
        parent: item.postParent.trim() || '0',
        url: item.attachmentUrl || item.guid,
        title: item.title,
        link: item.link,
        guid: item.guid,
        altText: (item.meta.get('_wp_attachment_image_alt') ?? '').trim() || item.title.trim(),
      });
    }
  } catch (error) {
    // The second pass meets the same error at the same place and reports it after
    // importing the items before it.
    if (!(error instanceof WxrReadError)) throw error;
  }
  return { attachments: found, postIds, menuEntries, pageOutlines };
}
