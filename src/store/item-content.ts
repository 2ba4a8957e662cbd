// The columns reports and fixed pages share (slug, title, summary, the rendered body, the
// workflow columns) and the conditional writes of both: new content only if the item is still
// at the version the editor loaded, a status only if it is still in the status it was read
// in. Each kind adds its own columns (a report's date and category, a page's place in the tree).
import type { Kysely } from 'kysely';
import type { ItemKind } from '../domain/item-ref.js';
import type { OutlineEntry } from '../domain/text-format/render.js';
import { RENDER_VERSION } from '../domain/text-format/render-version.js';
import type { Database, PagesTable, ReportsTable } from './database.js';
import { translateDbError } from './errors.js';
import { noteRenderedBody } from './render-versions.js';

type Q = Kysely<Database>;

// The query types name the reports table; the pages table has the same shared columns.
const tableOf = (kind: ItemKind) => (kind === 'report' ? 'reports' : 'pages') as 'reports';

/** A body as saved: its source and what the renderer made of it. */
export interface BodyWrite {
  bodySource: string;
  bodyHtml: string;
  bodyText: string;
  outline: OutlineEntry[];
}

/** What every content save writes, reports and pages alike. */
export interface ItemContentWrite extends BodyWrite {
  slug: string;
  title: string;
  summary: string;
}

/** The columns of a kind that a content save also writes. */
export type KindColumns = Partial<Pick<ReportsTable, 'activity_date' | 'category_id'> & Pick<PagesTable, 'parent_id' | 'position'>>;

/** Workflow columns of a status change; an undefined field is left as it is (pages have no submitted or scheduled time). */
export interface ItemStatusChange {
  status: ReportsTable['status'];
  publishedAt?: string | null;
  submittedAt?: string | null;
  scheduledAt?: string | null;
  trashedAt?: string | null;
}

/**
 * Changes the status if the item is still in one of `fromStatuses`; returns false when it
 * was not (another request changed it first), so two clicks never act twice.
 */
export async function setItemStatus(trx: Q, kind: ItemKind, id: number, fromStatuses: readonly string[], change: ItemStatusChange, nowIso: string): Promise<boolean> {
  const result = await trx
    .updateTable(tableOf(kind))
    .set({
      status: change.status,
      ...(change.publishedAt !== undefined && { published_at: change.publishedAt }),
      ...(change.submittedAt !== undefined && { submitted_at: change.submittedAt }),
      ...(change.scheduledAt !== undefined && { scheduled_at: change.scheduledAt }),
      ...(change.trashedAt !== undefined && { trashed_at: change.trashedAt }),
      updated_at: nowIso,
    })
    .where('id', '=', id)
    .where('status', 'in', [...fromStatuses])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The body columns of a rendering just made, stamped with this renderer's version (render-versions.ts). */
export function bodyColumns(body: BodyWrite) {
  return { body_source: body.bodySource, body_html: body.bodyHtml, body_text: body.bodyText, outline_json: JSON.stringify(body.outline), render_version: RENDER_VERSION };
}

/**
 * Writes new content if the item is still at `expectedVersion`, and moves it to the next
 * version. Returns false when no row matched: the item moved on (or is gone), and the caller
 * raises the conflict. Throws SlugTakenError (store/errors.ts) for a slug taken meanwhile.
 */
export async function updateItemContent(
  trx: Q,
  kind: ItemKind,
  id: number,
  expectedVersion: number,
  content: ItemContentWrite,
  kindColumns: KindColumns,
  nowIso: string,
): Promise<boolean> {
  try {
    const result = await trx
      .updateTable(tableOf(kind))
      .set((eb) => ({
        ...(kindColumns as Pick<ReportsTable, 'activity_date'>),
        slug: content.slug,
        title: content.title,
        summary: content.summary,
        ...bodyColumns(content),
        version: eb('version', '+', 1),
        updated_at: nowIso,
      }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    const isUpdated = Number(result.numUpdatedRows) === 1;
    if (isUpdated) await noteRenderedBody(trx, kind, id, content);
    return isUpdated;
  } catch (error) {
    translateDbError(error, { slug: content.slug });
  }
}
