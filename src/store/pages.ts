// Fixed pages: rows, the tree (parent and order), and the public lookups by path. Returns
// domain types; the rules (slug, cycles, workflow) are in domain/page-rules.ts and actions.
import type { Kysely } from 'kysely';
import { PageNotFoundError } from '../domain/errors.js';
import type { Page, PageStatus, PageSummary } from '../domain/page.js';
import type { OutlineEntry } from '../domain/text-format/render.js';
import { trustedHtml } from '../domain/trusted-html.js';
import type { Database, PageRow } from './database.js';
import { translateDbError } from './errors.js';
import { bodyColumns, setItemStatus, updateItemContent, type ItemContentWrite } from './item-content.js';
import { noteRenderedBody } from './render-versions.js';

type Q = Kysely<Database>;

/** The columns a save writes (the body already rendered). */
export interface PageContentWrite extends ItemContentWrite {
  parentId: number | null;
  position: number;
}

const SUMMARY_COLUMNS = [
  'id',
  'slug',
  'title',
  'parent_id',
  'position',
  'status',
  'summary',
  'author_id',
  'version',
  'created_at',
  'updated_at',
  'published_at',
] as const;

type SummaryRow = Pick<PageRow, (typeof SUMMARY_COLUMNS)[number]>;

function rowToSummary(row: SummaryRow): PageSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    parentId: row.parent_id,
    position: row.position,
    status: row.status as PageStatus,
    summary: row.summary,
    authorId: row.author_id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
  };
}

function rowToPage(row: PageRow): Page {
  return {
    ...rowToSummary(row),
    bodySource: row.body_source,
    bodyHtml: trustedHtml(row.body_html),
    bodyText: row.body_text,
    outline: JSON.parse(row.outline_json) as OutlineEntry[],
  };
}

export async function insertPage(trx: Q, input: PageContentWrite & { authorId: number | null }, nowIso: string): Promise<number> {
  try {
    const row = await trx
      .insertInto('pages')
      .values({
        slug: input.slug,
        title: input.title,
        parent_id: input.parentId,
        position: input.position,
        status: 'draft',
        ...bodyColumns(input),
        summary: input.summary,
        author_id: input.authorId,
        version: 1,
        created_at: nowIso,
        updated_at: nowIso,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await noteRenderedBody(trx, 'page', row.id, input, { isNew: true });
    return row.id;
  } catch (error) {
    translateDbError(error, { slug: input.slug });
  }
}

/** Writes new content if the page is still at `expectedVersion`; false when it moved on. */
export async function updatePageContent(trx: Q, id: number, expectedVersion: number, input: PageContentWrite, nowIso: string): Promise<boolean> {
  return updateItemContent(trx, 'page', id, expectedVersion, input, { parent_id: input.parentId, position: input.position }, nowIso);
}

export interface PageStatusChange {
  status: PageStatus;
  publishedAt?: string | null;
  trashedAt?: string | null;
}

/** Changes the status if the page is still in one of `fromStatuses`; false when another request changed it first. */
export async function setPageStatus(trx: Q, id: number, fromStatuses: readonly PageStatus[], change: PageStatusChange, nowIso: string): Promise<boolean> {
  return setItemStatus(trx, 'page', id, fromStatuses, change, nowIso);
}

export async function findPage(db: Q, id: number): Promise<Page | undefined> {
  const row = await db.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst();
  return row && rowToPage(row);
}

/** Throws PageNotFoundError. */
export async function getPage(db: Q, id: number): Promise<Page> {
  const page = await findPage(db, id);
  if (!page) throw new PageNotFoundError(`page ${id}`);
  return page;
}

/** Every page (or those of one status), siblings in their order: parent, position, id. */
export async function listPages(db: Q, status?: PageStatus): Promise<PageSummary[]> {
  let query = db.selectFrom('pages').select(SUMMARY_COLUMNS);
  if (status) query = query.where('status', '=', status);
  const rows = await query.orderBy('parent_id').orderBy('position').orderBy('id').execute();
  return rows.map(rowToSummary);
}

/** Each page's parent, for cycle checks. */
export async function pageParents(db: Q): Promise<Map<number, number | null>> {
  const rows = await db.selectFrom('pages').select(['id', 'parent_id']).execute();
  return new Map(rows.map((r) => [r.id, r.parent_id]));
}

/** Whether a sibling under `parentId` (null: the top level) other than `exceptId` has this slug. */
export async function siblingSlugExists(db: Q, parentId: number | null, slug: string, exceptId?: number): Promise<boolean> {
  let query = db.selectFrom('pages').select('id').where('slug', '=', slug);
  query = parentId === null ? query.where('parent_id', 'is', null) : query.where('parent_id', '=', parentId);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** The page's children in their order (any status, or one). */
export async function listChildPages(db: Q, parentId: number, status?: PageStatus): Promise<PageSummary[]> {
  let query = db.selectFrom('pages').select(SUMMARY_COLUMNS).where('parent_id', '=', parentId);
  if (status) query = query.where('status', '=', status);
  const rows = await query.orderBy('position').orderBy('id').execute();
  return rows.map(rowToSummary);
}

/**
 * The published page at `/<slugs[0]>/<slugs[1]>/…/` and its published ancestors, top first;
 * undefined when any step is missing or not published (a draft parent hides its children).
 */
export async function findPublishedPageByPath(db: Q, slugs: readonly string[]): Promise<{ page: Page; ancestors: PageSummary[] } | undefined> {
  const ancestors: PageSummary[] = [];
  let parentId: number | null = null;
  for (const [i, slug] of slugs.entries()) {
    let query = db.selectFrom('pages').selectAll().where('slug', '=', slug).where('status', '=', 'published');
    query = parentId === null ? query.where('parent_id', 'is', null) : query.where('parent_id', '=', parentId);
    const row = await query.executeTakeFirst();
    if (!row) return undefined;
    if (i === slugs.length - 1) return { page: rowToPage(row), ancestors };
    ancestors.push(rowToSummary(row));
    parentId = row.id;
  }
  return undefined;
}

/** The slugs from the top of the tree down to the page (its URL is paths.page of them). */
export async function pageSlugPath(db: Q, id: number): Promise<string[]> {
  const slugs: string[] = [];
  const seen = new Set<number>();
  for (let at: number | null = id; at !== null && !seen.has(at);) {
    seen.add(at);
    const row = await db.selectFrom('pages').select(['slug', 'parent_id']).where('id', '=', at).executeTakeFirst();
    if (!row) break;
    slugs.unshift(row.slug);
    at = row.parent_id;
  }
  return slugs;
}

/**
 * Deletes the page row; its revisions, attachment list, body-media and import rows go with it
 * (ON DELETE CASCADE). The caller checks for children first: parent_id is RESTRICT.
 */
export async function deletePageRow(trx: Q, id: number): Promise<void> {
  await trx.deleteFrom('pages').where('id', '=', id).execute();
}
