// Writing one imported fixed page (a WordPress page) inside the import runner's unit of work
// (its transaction, or its savepoint in a batch): through the same actions as the admin's
// page editor (savePage, transitionPage), so the page gets its revision, search entry and
// audit entry exactly as an edited page does. The import acts as the system, not as an
// account: no author, audit login 'import' (as import-report.ts).
import type { Kysely } from 'kysely';
import type { ActionContext } from '../actions/runtime/context.js';
import { fillEmptySettingsIn } from '../actions/import/import-site-settings.js';
import { transitionPage } from '../actions/pages/page-transition.js';
import { savePage } from '../actions/pages/save-page.js';
import { normalizePageSlug, MAX_IMPORTED_SLUG_LENGTH, pageSlugProblem } from '../domain/page-rules.js';
import { paths } from '../domain/paths.js';
import { SETTINGS_LIMITS, type NavigationLink } from '../domain/settings.js';
import type { Actor } from '../domain/user.js';
import type { Database } from '../store/database.js';
import { findPageImportSource, savePageImportSource, type SourceKind } from '../store/import-sources.js';
import { pageTree } from '../domain/page-tree.js';
import { getPage, listPages, pageSlugPath, siblingSlugExists } from '../store/pages.js';
import { addRedirect } from '../store/redirects.js';
import { getSettings } from '../store/settings.js';

type Q = Kysely<Database>;

/** A fixed page as an importer reads it. */
export interface ImportedPageInput {
  title: string;
  /** As the source has it (decoded); made safe here: NFKC, allowed characters, not reserved, unique among siblings. */
  slug: string;
  /** In the report text format. */
  bodySource: string;
  summary: string;
  /** Its place among its siblings. */
  position: number;
  status: 'published' | 'draft';
  /** The source key of its parent page, which the importer yields first; absent at the top. */
  parentKey?: string;
}

export interface PageWriteResult {
  outcome: 'created' | 'updated' | 'unchanged';
  /** The page's address, or /profile/ when the text went into the profile. */
  path: string;
  warnings: string[];
  /** Settings filled in (the profile text). */
  settings: string[];
}

/**
 * The system as an actor: an owner's rights, no account. Actor.userId has no "nobody", so
 * null goes in its place; save-page and page-transition only store it as the (nullable)
 * author and audit user.
 */
const IMPORT_ACTOR: Actor = { userId: null as unknown as number, login: 'import', role: 'owner' };

/**
 * Creates the page, or brings the page an earlier run made from the same item up to date.
 * A profile-like page fills the site's profile text when that is empty, and is otherwise
 * imported as a draft page; either way its old addresses lead to /profile/.
 * @throws ValidationError from the page rules (title, body length), as the editor would.
 */
export async function writePageItem(
  ctx: ActionContext,
  trx: Q,
  item: { key: string; page: ImportedPageInput; redirectsFrom: string[]; isProfile?: boolean },
  kind: SourceKind,
  contentHash: string,
  nowIso: string,
): Promise<PageWriteResult> {
  const warnings: string[] = [];
  const source = await findPageImportSource(trx, kind, item.key);
  if (item.isProfile && !source) {
    const settings = await intoProfile(trx, item.page.bodySource, nowIso);
    if (settings !== undefined) {
      await addRedirects(trx, item.redirectsFrom, paths.profile(), nowIso);
      return { outcome: settings.length > 0 ? 'created' : 'unchanged', path: paths.profile(), warnings, settings };
    }
    warnings.push('プロフィールのページですが、サイトにはすでにプロフィールの文章があるため、下書きのページとして取り込みました(旧アドレスは /profile/ に転送します)');
  }
  const page = item.isProfile ? { ...item.page, status: 'draft' as const } : item.page;
  if (source?.contentHash === contentHash) {
    return { outcome: 'unchanged', path: paths.page(await pageSlugPath(trx, source.pageId)), warnings, settings: [] };
  }
  const joined: ActionContext = { ...ctx, db: joinedDatabase(trx) };
  const parentId = await parentIdOf(trx, page.parentKey, kind, warnings);
  const existing = source ? await getPage(trx, source.pageId) : undefined;
  if (existing?.status === 'trashed') {
    warnings.push('前に取り込んだページがゴミ箱にあるため、そのままにしました');
    return { outcome: 'unchanged', path: paths.page(await pageSlugPath(trx, existing.id)), warnings, settings: [] };
  }
  // An existing page keeps its slug unless it moved to another parent, so its URL stays put.
  const slug = existing && existing.parentId === parentId ? existing.slug : await safeSlug(trx, page, parentId, existing?.id, warnings);
  const fields = { title: page.title, slug, parentId, position: page.position, summary: page.summary, bodySource: page.bodySource, isImported: true };
  const saved = existing
    ? await savePage(joined, IMPORT_ACTOR, { ...fields, pageId: existing.id, expectedVersion: existing.version, note: 'WordPressから再取り込み' })
    : await savePage(joined, IMPORT_ACTOR, { ...fields, note: 'WordPressから取り込み' });
  const status = existing?.status ?? 'draft';
  if (page.status === 'published' && status !== 'published') await transitionPage(joined, IMPORT_ACTOR, 'publish', { pageId: saved.id });
  if (page.status === 'draft' && status === 'published') await transitionPage(joined, IMPORT_ACTOR, 'unpublish', { pageId: saved.id });
  const path = paths.page(await pageSlugPath(trx, saved.id));
  await addRedirects(trx, await notOtherPages(trx, item.redirectsFrom, decodeURI(path), warnings), item.isProfile ? paths.profile() : path, nowIso);
  await savePageImportSource(trx, { kind, key: item.key, pageId: saved.id, contentHash, importedAt: nowIso });
  return { outcome: existing ? 'updated' : 'created', path, warnings, settings: [] };
}

/** The profile text filled in (its keys; none when it held this text already), or undefined when the site has another one. */
async function intoProfile(trx: Q, bodySource: string, nowIso: string): Promise<string[] | undefined> {
  const current = (await getSettings(trx)).profileSource;
  if (current === bodySource) return [];
  if (current.trim() !== '' || [...bodySource].length > SETTINGS_LIMITS.profileSource) return undefined;
  return fillEmptySettingsIn(trx, { profileSource: bodySource }, nowIso);
}

async function parentIdOf(trx: Q, parentKey: string | undefined, kind: SourceKind, warnings: string[]): Promise<number | null> {
  if (parentKey === undefined) return null;
  const parent = await findPageImportSource(trx, kind, parentKey);
  if (parent) return parent.pageId;
  warnings.push('親ページを取り込まなかったため、最上位のページとして取り込みました');
  return null;
}

/**
 * The source's slug made acceptable: characters the page rules refuse become `-`, and a
 * reserved name or one a sibling already has gets `-2`, `-3`… with a warning.
 */
async function safeSlug(trx: Q, page: ImportedPageInput, parentId: number | null, pageId: number | undefined, warnings: string[]): Promise<string> {
  const clean = (text: string) =>
    [
      ...normalizePageSlug(text)
        .replace(/[^\p{L}\p{N}\p{M}_-]+/gu, '-')
        .replace(/^-+|-+$/g, ''),
    ]
      .slice(0, MAX_IMPORTED_SLUG_LENGTH - 4)
      .join('');
  const base = clean(page.slug) || clean(page.title) || 'page';
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (pageSlugProblem(slug, parentId === null, MAX_IMPORTED_SLUG_LENGTH) !== undefined) continue;
    if (await siblingSlugExists(trx, parentId, slug, pageId)) continue;
    if (slug !== page.slug) warnings.push(`URL 名「${page.slug}」は${n === 1 ? '整えました' : '予約済みか使用中です'}。ページは「${slug}」にあります`);
    return slug;
  }
}

/** The old paths that are not the address of a page of this site (which would answer for it once unpublished). */
async function notOtherPages(trx: Q, from: readonly string[], ownPath: string, warnings: string[]): Promise<string[]> {
  const taken = new Set(pageTree(await listPages(trx)).map((entry) => `/${entry.slugs.join('/')}/`));
  taken.delete(ownPath);
  const kept = from.filter((path) => !taken.has(path));
  for (const path of from) if (taken.has(path)) warnings.push(`旧アドレス ${path} はこのサイトのページのアドレスなので、転送しません`);
  return kept;
}

/** Old paths are stored decoded (as the web app decodes request paths): the page's own path, decoded, is never one. */
async function addRedirects(trx: Q, from: readonly string[], to: string, nowIso: string): Promise<void> {
  const own = decodeURI(to);
  for (const path of new Set(from)) if (path !== to && path !== own) await addRedirect(trx, path, to, nowIso);
}

/**
 * The runner's transaction as the database of an action that opens its own: the action's
 * `transaction().execute(work)` runs `work` inside the runner's unit, so the page is written
 * whole with the item (and rolled back with it in a dry run).
 */
function joinedDatabase(trx: Q): Q {
  return new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') return () => ({ execute: <T>(work: (t: Q) => Promise<T>) => work(target) });
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** A navigation link as an importer makes it: `pageKey` names an imported page to link by id. */
export type ImportedNavigationLink = NavigationLink & { pageKey?: string; children?: ImportedNavigationLink[] };

/** Links to imported pages become links by page id (published pages; others keep their old path, which redirects). */
export async function resolvePageLinks(trx: Q, links: readonly ImportedNavigationLink[], kind: SourceKind): Promise<NavigationLink[]> {
  const out: NavigationLink[] = [];
  for (const { pageKey, children, ...link } of links) {
    const resolved: NavigationLink = { ...link };
    const source = pageKey === undefined ? undefined : await findPageImportSource(trx, kind, pageKey);
    if (source && (await getPage(trx, source.pageId)).status === 'published') {
      resolved.url = paths.page(await pageSlugPath(trx, source.pageId));
      resolved.pageId = source.pageId;
    }
    if (children && children.length > 0) resolved.children = await resolvePageLinks(trx, children, kind);
    out.push(resolved);
  }
  return out;
}
