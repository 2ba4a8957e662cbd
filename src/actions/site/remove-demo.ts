// Removing the first-start demo (issue 12 item 6), in one step: its reports and fixed pages
// whose text is still the demo's (one the office has rewritten is its own and stays), its
// categories once empty, its files once nothing uses them, and the site settings and menu
// entries that are still the demo's. Owner only; one audit entry says what went.
import type { Kysely } from 'kysely';
import { ForbiddenError, MediaInUseError, MediaNotFoundError } from '../../domain/errors.js';
import { checkPageFields } from '../../domain/page-rules.js';
import { checkDraft } from '../../domain/report-rules.js';
import { EMPTY_SETTINGS, type NavigationLink, type SiteSettings } from '../../domain/settings.js';
import type { Role } from '../../domain/user.js';
import { recordAudit } from '../../store/audit-log.js';
import { deleteCategoryIfUnused } from '../../store/categories.js';
import type { Database } from '../../store/database.js';
import { forgetDemoItems, listDemoItems } from '../../store/demo-items.js';
import { getSettings, saveSettings } from '../../store/settings.js';
import { bumpContentVersion } from '../../store/site-state.js';
import type { ActionContext } from '../runtime/context.js';
import { deleteMedia } from '../media/delete-media.js';
import { removePageIn } from '../pages/delete-page-permanently.js';
import { removeReportIn } from '../reports/delete-report-permanently.js';
import { DEMO_CATEGORIES, DEMO_PAGES, DEMO_REPORTS, DEMO_SETTINGS } from '../../demo/demo-content.js';
import { auditBy, type MediaActor } from '../media/media-actor.js';

type Q = Kysely<Database>;

/** Who removes the demo: an owner in the admin, or the command line (no role: whoever runs it owns the data directory). */
export interface DemoRemover extends MediaActor {
  role?: Role;
}

export interface DemoContent {
  reports: { id: number; title: string }[];
  pages: { id: number; title: string }[];
  mediaIds: number[];
  /** Settings fields (and menu entries) still as the demo wrote them. */
  hasDemoSettings: boolean;
}

export interface RemovedDemo {
  reports: number;
  pages: number;
  files: number;
  categories: number;
  settingsFields: (keyof SiteSettings)[];
}

const SETTINGS_FIELDS = (Object.keys(EMPTY_SETTINGS) as (keyof SiteSettings)[]).filter((k) => k !== 'navigation');

/** What removing the demo would take away now (nothing when the site has none left). */
export async function findDemoContent(ctx: ActionContext): Promise<DemoContent> {
  const [reports, pages, mediaIds, settings] = await Promise.all([demoReports(ctx.db), demoPages(ctx.db), demoMedia(ctx.db), getSettings(ctx.db)]);
  return { reports, pages, mediaIds, hasDemoSettings: demoSettingsFields(settings).length > 0 };
}

export function isDemoContentFound(content: DemoContent): boolean {
  return content.reports.length + content.pages.length + content.mediaIds.length > 0 || content.hasDemoSettings;
}

/** @throws ForbiddenError when the remover is signed in with a role other than owner */
export async function removeDemoContent(ctx: ActionContext, by: DemoRemover): Promise<RemovedDemo> {
  if (by.role !== undefined && by.role !== 'owner') throw new ForbiddenError('デモの内容を削除できるのはオーナーだけです。');
  const nowIso = ctx.now().toISOString();
  const removed = await ctx.db.transaction().execute(async (trx) => {
    const reports = await demoReports(trx);
    for (const report of reports) await removeReportIn(trx, report);
    const pageIds = await removeDemoPages(trx);
    let categories = 0;
    for (const c of DEMO_CATEGORIES) if (await deleteCategoryIfUnused(trx, c.slug)) categories++;
    const settingsFields = await resetDemoSettings(trx, new Set(pageIds));
    await bumpContentVersion(trx);
    return { reports: reports.length, pages: pageIds.length, categories, settingsFields };
  });
  // Files after the texts that used them are gone, each in its own transaction (media/delete-media.ts).
  let files = 0;
  const mediaIds = await demoMedia(ctx.db);
  for (const mediaId of mediaIds) {
    try {
      await deleteMedia(ctx, { mediaId, user: by });
      files++;
    } catch (error) {
      // Still used by the office's own report or page, or already deleted: it stays (or is gone).
      if (!(error instanceof MediaInUseError) && !(error instanceof MediaNotFoundError)) throw error;
    }
  }
  const result = { ...removed, files };
  await ctx.db.transaction().execute(async (trx) => {
    await forgetDemoItems(trx, 'media', mediaIds);
    await recordAudit(trx, { ...auditBy(by), action: 'demo.remove', target: 'site', detail: { ...result } }, nowIso);
  });
  return result;
}

/** Reports nobody wrote (the demo has no author) whose title and text are a demo report's as seeded. */
function demoReports(db: Q): Promise<SeededItem[]> {
  return unchangedSeeded(
    db,
    'reports',
    DEMO_REPORTS.map((r) => checkDraft(r)),
  );
}

function demoPages(db: Q): Promise<SeededItem[]> {
  const seeded = DEMO_PAGES.map((p) => checkPageFields({ title: p.title, slug: p.slug, parentId: null, position: 0, summary: p.summary, bodySource: p.bodySource }));
  return unchangedSeeded(db, 'pages', seeded);
}

interface SeededItem {
  id: number;
  title: string;
  slug: string;
}

/** Rows without an author whose title and body source are still those of a seeded item. */
async function unchangedSeeded(db: Q, table: 'reports' | 'pages', seeded: { title: string; bodySource: string }[]): Promise<SeededItem[]> {
  const bodies = new Map(seeded.map((item) => [item.title, item.bodySource]));
  const rows = await db
    .selectFrom(table)
    .select(['id', 'title', 'slug', 'body_source'])
    .where('author_id', 'is', null)
    .where('title', 'in', [...bodies.keys()])
    .execute();
  return rows.filter((r) => bodies.get(r.title) === r.body_source).map((r) => ({ id: r.id, title: r.title, slug: r.slug }));
}

/** Children before parents; a demo page under which the office put a page of its own stays. */
async function removeDemoPages(trx: Q): Promise<number[]> {
  const pages = await demoPages(trx);
  const removed: number[] = [];
  let pending = pages;
  while (pending.length > 0) {
    const next: typeof pages = [];
    for (const page of pending) {
      const child = await trx.selectFrom('pages').select('id').where('parent_id', '=', page.id).executeTakeFirst();
      if (child) next.push(page);
      else {
        await removePageIn(trx, page.id);
        removed.push(page.id);
      }
    }
    if (next.length === pending.length) break;
    pending = next;
  }
  return removed;
}

/** The files the demo stored (marked when seeded; by their names on sites seeded before marks existed). */
async function demoMedia(db: Q): Promise<number[]> {
  const names = [...new Set(DEMO_REPORTS.flatMap((r) => r.attachments.map((a) => a.ref)))];
  const marked = await listDemoItems(db, 'media');
  const named = names.length === 0 ? [] : await db.selectFrom('media').select('id').where('original_name', 'in', names).where('mime', '=', 'application/pdf').execute();
  const existing = marked.length === 0 ? [] : await db.selectFrom('media').select('id').where('id', 'in', marked).execute();
  return [...new Set([...existing.map((m) => m.id), ...named.map((m) => m.id)])];
}

function demoSettingsFields(settings: SiteSettings): (keyof SiteSettings)[] {
  return SETTINGS_FIELDS.filter((field) => settings[field] !== '' && settings[field] === DEMO_SETTINGS[field]);
}

/** Clears the settings still as the demo wrote them and drops menu entries of removed pages; the names of the cleared fields. */
async function resetDemoSettings(trx: Q, removedPages: ReadonlySet<number>): Promise<(keyof SiteSettings)[]> {
  const settings = await getSettings(trx);
  const fields = demoSettingsFields(settings);
  const navigation = withoutPages(settings.navigation, removedPages);
  const isMenuChanged = JSON.stringify(navigation) !== JSON.stringify(settings.navigation);
  if (fields.length === 0 && !isMenuChanged) return [];
  const cleared: Partial<SiteSettings> = Object.fromEntries(fields.map((f) => [f, EMPTY_SETTINGS[f]]));
  await saveSettings(trx, { ...settings, ...cleared, navigation });
  return isMenuChanged ? [...fields, 'navigation'] : fields;
}

function withoutPages(links: readonly NavigationLink[], pageIds: ReadonlySet<number>): NavigationLink[] {
  return links
    .filter((link) => link.pageId === undefined || !pageIds.has(link.pageId))
    .map((link) => {
      if (!link.children) return link;
      const { children, ...rest } = link;
      const kept = withoutPages(children, pageIds);
      return kept.length > 0 ? { ...rest, children: kept } : rest;
    });
}
