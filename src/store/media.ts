// Media records (one per content and file name; the bytes are shared by content hash)
// and their attachment to reports and fixed pages (table attachments, migration 0014).
import { sql, type Kysely } from 'kysely';
import { MediaNotFoundError } from '../domain/errors.js';
import { mediaShasInHtml } from '../domain/media-path.js';
import { itemOf, type ItemIdInput, type ItemRef } from '../domain/item-ref.js';
import type { Media } from '../domain/media.js';
import type { Attachment } from '../domain/report.js';
import { jsonList, jsonRow } from './dialects/json-list.js';
import { translateDbError } from './errors.js';
import type { Database, MediaRow } from './database.js';
import { attachmentUses, pageBodyUses, reportBodyUses } from './media-uses.js';
import { reusableQuery } from './reusable-query.js';

type Q = Kysely<Database>;

export type MediaInput = Omit<Media, 'id' | 'createdAt' | 'altText'> & { altText?: string };

/** A media row (without its PDF text, which lists need not read) as the domain shape. */
export function rowToMedia(row: Omit<MediaRow, 'text' | 'text_status'>): Media {
  return {
    id: row.id,
    sha256: row.sha256,
    originalName: row.original_name,
    mime: row.mime,
    bytes: row.bytes,
    width: row.width,
    height: row.height,
    pages: row.pages,
    altText: row.alt_text,
    createdAt: row.created_at,
  };
}

/** Inserts the media record, or returns the existing one with the same content and name. */
export async function upsertMedia(trx: Q, input: MediaInput, nowIso: string): Promise<Media> {
  await trx
    .insertInto('media')
    .values({
      sha256: input.sha256,
      original_name: input.originalName,
      mime: input.mime,
      bytes: input.bytes,
      width: input.width,
      height: input.height,
      pages: input.pages,
      alt_text: input.altText ?? '',
      created_at: nowIso,
    })
    .onConflict((oc) => oc.columns(['sha256', 'original_name']).doNothing())
    .execute();
  const row = await trx.selectFrom('media').selectAll().where('sha256', '=', input.sha256).where('original_name', '=', input.originalName).executeTakeFirstOrThrow();
  return rowToMedia(row);
}

/** The record of that content under that name (the two parts of a /media/ URL). */
export async function findMediaByShaAndName(db: Q, sha256: string, originalName: string): Promise<Media | undefined> {
  const row = await db.selectFrom('media').selectAll().where('sha256', '=', sha256).where('original_name', '=', originalName).executeTakeFirst();
  return row && rowToMedia(row);
}

/**
 * Resolves the refs written in a body as `media:<ref>`: a numeric id, a sha256, or an
 * original file name (the newest upload of that name wins).
 */
export async function findMediaByRefs(db: Q, refs: string[]): Promise<Map<string, Media>> {
  const found = new Map<string, Media>();
  for (const ref of refs) {
    let q = db.selectFrom('media').selectAll();
    if (/^\d+$/.test(ref)) q = q.where('id', '=', Number(ref));
    else if (/^[0-9a-f]{64}$/.test(ref)) q = q.where('sha256', '=', ref);
    else q = q.where('original_name', '=', ref);
    const row = await q.orderBy('id', 'desc').executeTakeFirst();
    if (row) found.set(ref, rowToMedia(row));
  }
  return found;
}

/** One row of an attachment list: the report's (`reportId`) or the fixed page's (`pageId`). */
export type AttachmentWrite = ItemIdInput & {
  mediaId: number;
  label: string;
  summary: string;
  position: number;
  /** This use's alt text: null clears it, absent keeps it (a new row starts without one). */
  altText?: string | null;
};

/** Which attachments column holds the owner's id. */
function ownerColumn(item: ItemRef): 'attachments.report_id' | 'attachments.page_id' {
  return item.kind === 'report' ? 'attachments.report_id' : 'attachments.page_id';
}

/** Lists the media under the report or page, or updates its label, summary and place there. */
export async function attachMedia(trx: Q, input: AttachmentWrite): Promise<void> {
  const item = itemOf(input);
  try {
    await trx
      .insertInto('attachments')
      .values({
        report_id: item.kind === 'report' ? item.id : null,
        page_id: item.kind === 'page' ? item.id : null,
        media_id: input.mediaId,
        label: input.label,
        summary: input.summary,
        position: input.position,
        alt_text: input.altText ?? null,
      })
      .onConflict((oc) =>
        oc
          .columns([item.kind === 'report' ? 'report_id' : 'page_id', 'media_id'])
          .doUpdateSet({ label: input.label, summary: input.summary, position: input.position, ...(input.altText === undefined ? {} : { alt_text: input.altText }) }),
      )
      .execute();
  } catch (error) {
    translateDbError(error, { mediaId: input.mediaId });
  }
}

/** A report's attachments in display order. */
export async function listAttachments(db: Q, reportId: number): Promise<Attachment[]> {
  return listItemAttachments(db, { kind: 'report', id: reportId });
}

/** A report's or page's attachments in display order, images with their variants. */
export async function listItemAttachments(db: Q, item: ItemRef): Promise<Attachment[]> {
  return attachmentsFromRows(db, await (item.kind === 'report' ? reportAttachmentRows : pageAttachmentRows)(db, { id: item.id }));
}

/** What an attachment row holds: the media's columns and the use's own (its alt text as use_alt_text). */
const ATTACHMENT_COLUMNS = [
  'media.id',
  'media.sha256',
  'media.original_name',
  'media.mime',
  'media.bytes',
  'media.pages',
  'media.width',
  'media.height',
  'media.alt_text',
  'attachments.alt_text as use_alt_text',
  'attachments.label',
  'attachments.summary',
] as const;

/** The rows of an item's attachments, in display order, with their variants, as the domain shape. */
export async function attachmentsFromRows(db: Q, rows: AttachmentRow[]): Promise<Attachment[]> {
  const variants = await listVariants(
    db,
    rows.filter((r) => r.mime.startsWith('image/')).map((r) => r.sha256),
  );
  return rows.map((r) => ({
    mediaId: r.id,
    sha256: r.sha256,
    label: r.label,
    fileName: r.original_name,
    mime: r.mime,
    bytes: r.bytes,
    pages: r.pages,
    summary: r.summary,
    width: r.width,
    height: r.height,
    altText: r.use_alt_text ?? r.alt_text,
    useAltText: r.use_alt_text,
    variants: (variants.get(r.sha256) ?? []).map((v) => ({ width: v.width, height: v.height })),
  }));
}

type AttachmentRow = Awaited<ReturnType<ReturnType<typeof attachmentRows>>>[number];

/**
 * An item's attachment rows as a JSON column of the item's own query (`ownerId` names its id
 * column there): attachmentsFromRows(parseJsonList(...)) reads it. One round trip for the item
 * and its attachments.
 */
export function attachmentsJson(db: Q, kind: ItemRef['kind'], ownerId: string) {
  const columns = Object.fromEntries(
    ATTACHMENT_COLUMNS.map((column) => {
      const [ref, alias] = column.split(' as ') as [string, string | undefined];
      return [alias ?? ref.slice(ref.indexOf('.') + 1), ref];
    }),
  );
  return db
    .selectFrom('attachments')
    .innerJoin('media', 'media.id', 'attachments.media_id')
    .select(jsonList(db, jsonRow(db, columns), [sql.ref('attachments.position'), sql.ref('media.id')]).as('rows'))
    .where(sql.ref(ownerColumn({ kind, id: 0 })), '=', sql.ref(ownerId));
}

/** An item's attachment rows, compiled once per connection for each kind of item (read on every report page). */
function attachmentRows(kind: ItemRef['kind']) {
  return reusableQuery((db, v: { id: number }) =>
    db
      .selectFrom('attachments')
      .innerJoin('media', 'media.id', 'attachments.media_id')
      .select(ATTACHMENT_COLUMNS)
      .where(ownerColumn({ kind, id: 0 }), '=', v.id)
      .orderBy('attachments.position')
      .orderBy('media.id'),
  );
}
const reportAttachmentRows = attachmentRows('report');
const pageAttachmentRows = attachmentRows('page');

/** A WebP copy of an image at one width (migration 0006-media). */
export interface MediaVariant {
  sourceSha256: string;
  width: number;
  height: number;
  sha256: string;
  mime: string;
  bytes: number;
}

export async function findMedia(db: Q, id: number): Promise<Media | undefined> {
  const row = await db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
  return row && rowToMedia(row);
}

/** @throws MediaNotFoundError */
export async function getMedia(db: Q, id: number): Promise<Media> {
  const media = await findMedia(db, id);
  if (!media) throw new MediaNotFoundError(String(id));
  return media;
}

export async function insertMediaVariants(trx: Q, variants: MediaVariant[]): Promise<void> {
  for (const v of variants) {
    await trx
      .insertInto('media_variants')
      .values({ source_sha256: v.sourceSha256, width: v.width, height: v.height, sha256: v.sha256, mime: v.mime, bytes: v.bytes })
      .onConflict((oc) => oc.columns(['source_sha256', 'width']).doNothing())
      .execute();
  }
}

/** Variants by the original's sha256, narrowest first. */
export async function listVariants(db: Q, sourceSha256s: string[]): Promise<Map<string, MediaVariant[]>> {
  const found = new Map<string, MediaVariant[]>();
  if (sourceSha256s.length === 0) return found;
  const rows = await db
    .selectFrom('media_variants')
    .selectAll()
    .where('source_sha256', 'in', [...new Set(sourceSha256s)])
    .orderBy('source_sha256')
    .orderBy('width')
    .execute();
  for (const r of rows) {
    const list = found.get(r.source_sha256) ?? [];
    list.push({ sourceSha256: r.source_sha256, width: r.width, height: r.height, sha256: r.sha256, mime: r.mime, bytes: r.bytes });
    found.set(r.source_sha256, list);
  }
  return found;
}

export async function findVariant(db: Q, sourceSha256: string, width: number): Promise<MediaVariant | undefined> {
  return (await listVariants(db, [sourceSha256])).get(sourceSha256)?.find((v) => v.width === width);
}

export async function updateMediaAltText(trx: Q, id: number, altText: string): Promise<void> {
  await trx.updateTable('media').set({ alt_text: altText }).where('id', '=', id).execute();
}

export async function deleteMediaRow(trx: Q, id: number): Promise<void> {
  try {
    await trx.deleteFrom('media').where('id', '=', id).execute();
  } catch (error) {
    translateDbError(error, { mediaId: id, isMediaDelete: true });
  }
}

/** Removes the variants of content no media record holds any more; returns their files' hashes. */
export async function deleteOrphanVariants(trx: Q, sourceSha256: string): Promise<string[]> {
  if (await isContentStored(trx, sourceSha256, 'media')) return [];
  const rows = await trx.selectFrom('media_variants').select('sha256').where('source_sha256', '=', sourceSha256).execute();
  await trx.deleteFrom('media_variants').where('source_sha256', '=', sourceSha256).execute();
  return rows.map((r) => r.sha256);
}

/**
 * Whether any record still needs the file with this hash: a media record (`'media'`), or
 * also a variant (`'any'`). A file is removed from disk only when this is false.
 */
export async function isContentStored(db: Q, sha256: string, by: 'media' | 'any' = 'any'): Promise<boolean> {
  const media = await db.selectFrom('media').select('id').where('sha256', '=', sha256).limit(1).executeTakeFirst();
  if (media || by === 'media') return media !== undefined;
  const variant = await db.selectFrom('media_variants').select('width').where('sha256', '=', sha256).limit(1).executeTakeFirst();
  return variant !== undefined;
}

export type MediaKind = 'pdf' | 'image';

export interface MediaListQuery {
  kind?: MediaKind;
  limit: number;
  offset: number;
}

/** Newest first, with the total for page links. */
export async function listMediaPage(db: Q, query: MediaListQuery): Promise<{ total: number; items: Media[] }> {
  let base = db.selectFrom('media');
  if (query.kind === 'pdf') base = base.where('mime', '=', 'application/pdf');
  if (query.kind === 'image') base = base.where('mime', 'like', 'image/%');
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).offset(query.offset).execute();
  return { total: Number(n), items: rows.map(rowToMedia) };
}

export interface AttachedReport {
  id: number;
  title: string;
  status: string;
}

/** Reports and pages listing the media under their attachments (any status, trash included), with their status. */
export async function itemsAttaching(db: Q, mediaId: number): Promise<(ItemRef & { status: string })[]> {
  const rows = await attachmentUses(db)
    .select(['attachments.report_id', 'attachments.page_id', 'reports.status as report_status', 'pages.status as page_status'])
    .where('media.id', '=', mediaId)
    .orderBy('attachments.report_id')
    .orderBy('attachments.page_id')
    .execute();
  return rows.map((r) =>
    r.report_id !== null ? { kind: 'report', id: r.report_id, status: r.report_status ?? '' } : { kind: 'page', id: r.page_id!, status: r.page_status ?? '' },
  );
}

/** Reports whose body has any `media:` link, with their source and rendered body, for the caller to resolve. */
export async function reportsWithMediaLinks(db: Q): Promise<(AttachedReport & { bodySource: string; bodyHtml: string })[]> {
  const rows = await db
    .selectFrom('reports')
    .select(['id', 'title', 'status', 'body_source', 'body_html'])
    // lower() + like: case-insensitive on SQLite and PostgreSQL alike, as `media:` is in the text format.
    .where((eb) => eb(eb.fn('lower', ['body_source']), 'like', '%media:%'))
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, status: r.status, bodySource: r.body_source, bodyHtml: r.body_html }));
}

/** Where another report or page uses the media, with the alt text it has there. */
export interface OtherAltUse {
  item: ItemRef;
  title: string;
  altText: string;
}

/**
 * The alt texts the other uses of these media records have (not `item`'s own), by media id,
 * oldest use first: what the attachment panel offers as suggestions, never copies by itself.
 */
export async function otherUseAltTexts(db: Q, item: ItemRef, mediaIds: number[]): Promise<Map<number, OtherAltUse[]>> {
  const found = new Map<number, OtherAltUse[]>();
  if (mediaIds.length === 0) return found;
  const rows = await attachmentUses(db)
    .select([
      'attachments.media_id',
      'attachments.report_id',
      'attachments.page_id',
      'attachments.alt_text',
      'reports.title as report_title',
      'pages.title as page_title',
    ])
    .where('attachments.media_id', 'in', mediaIds)
    .where('attachments.alt_text', 'is not', null)
    .where('attachments.alt_text', '<>', '')
    .where((eb) => eb.or([eb(ownerColumn(item), 'is', null), eb(ownerColumn(item), '<>', item.id)]))
    .orderBy(sql`attachments.rowid`)
    .execute();
  for (const r of rows) {
    const list = found.get(r.media_id) ?? [];
    const owner: ItemRef = r.report_id !== null ? { kind: 'report', id: r.report_id } : { kind: 'page', id: r.page_id! };
    list.push({ item: owner, title: (owner.kind === 'report' ? r.report_title : r.page_title) ?? '', altText: r.alt_text! });
    found.set(r.media_id, list);
  }
  return found;
}

export async function detachMediaRow(trx: Q, item: ItemRef, mediaId: number): Promise<boolean> {
  const result = await trx.deleteFrom('attachments').where(ownerColumn(item), '=', item.id).where('media_id', '=', mediaId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Media ids attached to a report or page, in display order. */
export async function attachedMediaIds(db: Q, item: ItemRef): Promise<number[]> {
  const rows = await db.selectFrom('attachments').select('media_id').where(ownerColumn(item), '=', item.id).orderBy('position').orderBy('media_id').execute();
  return rows.map((r) => r.media_id);
}

export async function setAttachmentPosition(trx: Q, item: ItemRef, mediaId: number, position: number): Promise<void> {
  await trx.updateTable('attachments').set({ position }).where(ownerColumn(item), '=', item.id).where('media_id', '=', mediaId).execute();
}

/** Removes a report's or page's whole attachment list (the records and files stay). */
export async function deleteAttachmentsOf(trx: Q, item: ItemRef): Promise<void> {
  await trx.deleteFrom('attachments').where(ownerColumn(item), '=', item.id).execute();
}

/** Every record of these bytes (one per file name). */
export async function listMediaBySha(db: Q, sha256: string): Promise<Media[]> {
  const rows = await db.selectFrom('media').selectAll().where('sha256', '=', sha256).orderBy('id').execute();
  return rows.map(rowToMedia);
}

/** For writers of an item's dependent rows: the item was inserted in this transaction, so it has none to replace yet. */
export interface NewRowOption {
  isNew?: boolean;
}

/**
 * Records the content hashes a report's rendered body links to (`/media/<sha256>/…`), so
 * `isMediaPublic` finds body links by index. Called wherever `body_html` is written.
 */
export async function setBodyMediaLinks(trx: Q, reportId: number, bodyHtml: string, options: NewRowOption = {}): Promise<void> {
  if (!options.isNew) await trx.deleteFrom('report_body_media').where('report_id', '=', reportId).execute();
  const shas = mediaShasInHtml(bodyHtml);
  if (shas.length === 0) return;
  await trx
    .insertInto('report_body_media')
    .values(shas.map((sha256) => ({ report_id: reportId, sha256 })))
    .execute();
}

/** The same index for a fixed page's body (page_body_media, migration 0012). */
export async function setPageBodyMediaLinks(trx: Q, pageId: number, bodyHtml: string, options: NewRowOption = {}): Promise<void> {
  if (!options.isNew) await trx.deleteFrom('page_body_media').where('page_id', '=', pageId).execute();
  const shas = mediaShasInHtml(bodyHtml);
  if (shas.length === 0) return;
  await trx
    .insertInto('page_body_media')
    .values(shas.map((sha256) => ({ page_id: pageId, sha256 })))
    .execute();
}

/**
 * Whether readers may fetch the content with this hash (and its variants): some PUBLISHED
 * report or page uses it, by the same stored uses that refuse its deletion (media-uses.ts):
 * listed under a report's or page's attachments, or linked from a rendered body (what a reader
 * can follow). Drafts, scheduled, unpublished and trashed ones do not count. Three index
 * lookups (media_sha256_name → attachments_media → reports or pages pk; →
 * report_body_media_sha256 → reports pk; → page_body_media_sha256 → pages pk).
 */
export async function isMediaPublic(db: Q, sha256: string): Promise<boolean> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .or([
          eb.exists(
            attachmentUses(db)
              .select('attachments.media_id')
              .where('media.sha256', '=', sha256)
              .where((w) => w.or([w('reports.status', '=', 'published'), w('pages.status', '=', 'published')])),
          ),
          eb.exists(reportBodyUses(db).select('reports.id').where('media.sha256', '=', sha256).where('reports.status', '=', 'published')),
          eb.exists(pageBodyUses(db).select('pages.id').where('media.sha256', '=', sha256).where('pages.status', '=', 'published')),
        ])
        .as('isPublic'),
    ])
    .executeTakeFirstOrThrow();
  return Boolean(row.isPublic);
}
