// Render versions (migration 0015): which renderer version made each report's and page's
// stored rendering, the media refs each body names, and the guarded write of a re-rendering.
// Reports and pages share the body columns, so one function serves both kinds.
import type { Kysely } from 'kysely';
import type { ItemKind } from '../domain/item-ref.js';
import { mediaRefs } from '../domain/text-format/media-refs.js';
import type { OutlineEntry } from '../domain/text-format/render.js';
import { RENDER_VERSION } from '../domain/text-format/render-version.js';
import type { Database } from './database.js';
import { setBodyMediaLinks, setPageBodyMediaLinks, type NewRowOption } from './media.js';

type Q = Kysely<Database>;

export const RENDERED_KINDS: readonly ItemKind[] = ['report', 'page'];

// The query types name the report tables; the page tables have the same columns.
const itemsTable = (kind: ItemKind) => (kind === 'report' ? 'reports' : 'pages') as 'reports';
const refsTable = (kind: ItemKind) => (kind === 'report' ? 'report_media_refs' : 'page_media_refs') as 'report_media_refs';

/**
 * Called wherever a body's rendering is saved (insertReport, updateReportContent, insertPage,
 * updatePageContent), always right after `renderBody` in the same process, whose write has
 * stamped this renderer's version already (item-content.ts bodyColumns): records the content
 * hashes its HTML links to (which make a file public) and the refs its source names (which
 * an upload looks up). Re-rendering stamps the version in its guarded update and records the
 * rest the same way. `isNew`: the item was inserted in this transaction, so it has no earlier
 * links to replace (two deletes fewer, each a round trip on PostgreSQL).
 */
export async function noteRenderedBody(trx: Q, kind: ItemKind, id: number, body: { bodySource: string; bodyHtml: string }, options: NewRowOption = {}): Promise<void> {
  await noteBodyLinks(trx, kind, id, body, options);
}

/** The hashes the HTML links to and the refs the source names, replacing the item's earlier ones. */
async function noteBodyLinks(trx: Q, kind: ItemKind, id: number, body: { bodySource: string; bodyHtml: string }, options: NewRowOption = {}): Promise<void> {
  await (kind === 'report' ? setBodyMediaLinks : setPageBodyMediaLinks)(trx, id, body.bodyHtml, options);
  if (!options.isNew) await trx.deleteFrom(refsTable(kind)).where('item_id', '=', id).execute();
  const refs = mediaRefs(body.bodySource);
  if (refs.length > 0)
    await trx
      .insertInto(refsTable(kind))
      .values(refs.map((ref) => ({ item_id: id, ref })))
      .execute();
}

/** A stored body as re-rendering reads it: what it renders, and what its write checks. */
export interface StoredBody {
  id: number;
  title: string;
  status: string;
  bodySource: string;
  /** The stored text: when the new one is the same, the search entry (built from it) stays. */
  bodyText: string;
  /** The item's edit version and render version when read: the write is refused if either moved. */
  version: number;
  renderVersion: number;
}

/** Where a walk through the stale items stands: the last one listed (none yet: `undefined`). */
export interface StaleCursor {
  renderVersion: number;
  id: number;
}

/**
 * Items rendered by an older renderer, after `after`, in (render version, id) order: the
 * order of the index reports_render_version / pages_render_version, so each call reads
 * `limit` index entries. (By id alone SQLite walks the table, and render_version, the last
 * column, lies behind each row's body: 0.3 s at 10,000 reports.)
 */
export async function listStale(db: Q, kind: ItemKind, after: StaleCursor | undefined, limit: number): Promise<StaleCursor[]> {
  let query = db.selectFrom(itemsTable(kind)).select(['render_version', 'id']).where('render_version', '<', RENDER_VERSION);
  if (after) query = query.where((eb) => eb(eb.refTuple('render_version', 'id'), '>', eb.tuple(after.renderVersion, after.id)));
  const rows = await query.orderBy('render_version').orderBy('id').limit(limit).execute();
  return rows.map((r) => ({ renderVersion: r.render_version, id: r.id }));
}

export async function countStale(db: Q, kind: ItemKind): Promise<number> {
  const row = await db
    .selectFrom(itemsTable(kind))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('render_version', '<', RENDER_VERSION)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findStoredBodies(db: Q, kind: ItemKind, ids: number[]): Promise<StoredBody[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom(itemsTable(kind))
    .select(['id', 'title', 'status', 'body_source', 'body_text', 'version', 'render_version'])
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    bodySource: r.body_source,
    bodyText: r.body_text,
    version: r.version,
    renderVersion: r.render_version,
  }));
}

/** Items whose body names one of `refs` after `media:`. */
export async function idsNamingRefs(db: Q, kind: ItemKind, refs: string[]): Promise<number[]> {
  if (refs.length === 0) return [];
  const rows = await db.selectFrom(refsTable(kind)).select('item_id').distinct().where('ref', 'in', refs).orderBy('item_id').execute();
  return rows.map((r) => r.item_id);
}

/**
 * Writes a new rendering of `stored` if the item is still at the edit and render versions it
 * was read at (a save, or another re-rendering, since then wins), leaving the edit version and
 * updated_at alone: re-rendering is not an edit. Returns the item's status when written.
 */
export async function writeRerenderedBody(
  trx: Q,
  kind: ItemKind,
  stored: StoredBody,
  rendered: { html: string; text: string; outline: OutlineEntry[] },
): Promise<string | undefined> {
  const row = await trx
    .updateTable(itemsTable(kind))
    .set({ body_html: rendered.html, body_text: rendered.text, outline_json: JSON.stringify(rendered.outline), render_version: RENDER_VERSION })
    .where('id', '=', stored.id)
    .where('version', '=', stored.version)
    .where('render_version', '=', stored.renderVersion)
    .returning('status')
    .executeTakeFirst();
  if (!row) return undefined;
  await noteBodyLinks(trx, kind, stored.id, { bodySource: stored.bodySource, bodyHtml: rendered.html });
  return row.status;
}
