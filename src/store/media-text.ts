// The text read from PDFs (migration 0009): kept with each media record, and read back as
// the attachment text of a report for the search index and for search snippets.
import type { Kysely } from 'kysely';
import type { ItemRef } from '../domain/item-ref.js';
import type { Database } from './database.js';

type Q = Kysely<Database>;

/** How a PDF's text was read: all of it, cut by the limits, or not at all (damaged file). */
export type MediaTextStatus = 'complete' | 'truncated' | 'failed';

export async function setMediaText(trx: Q, mediaId: number, text: string, status: MediaTextStatus): Promise<void> {
  await trx.updateTable('media').set({ text, text_status: status }).where('id', '=', mediaId).execute();
}

/** Whether the record's text has been read (any status); false for files stored before migration 0009. */
export async function hasMediaText(db: Q, mediaId: number): Promise<boolean> {
  const row = await db.selectFrom('media').select('text_status').where('id', '=', mediaId).executeTakeFirst();
  return row?.text_status != null;
}

/** PDFs whose text was never read (stored before migration 0009), in id order after `afterId`. */
export async function listPdfsWithoutText(db: Q, afterId: number, limit: number): Promise<{ id: number; sha256: string }[]> {
  return db
    .selectFrom('media')
    .select(['id', 'sha256'])
    .where('mime', '=', 'application/pdf')
    .where('text_status', 'is', null)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export interface AttachmentText {
  mediaId: number;
  /** The attachment's label on this report. */
  label: string;
  text: string;
}

/** The non-empty texts of the media a report (or, given an ItemRef, a page) lists under its attachments, in list order. */
export async function listAttachmentTexts(db: Q, owner: number | ItemRef): Promise<AttachmentText[]> {
  const item: ItemRef = typeof owner === 'number' ? { kind: 'report', id: owner } : owner;
  const rows = await attachmentTexts(db)
    .where(item.kind === 'report' ? 'attachments.report_id' : 'attachments.page_id', '=', item.id)
    .execute();
  return rows.map(toAttachmentText);
}

/** listAttachmentTexts of several reports in one query (an import batch's search rows): by report id, each in list order; a report without texts is absent. */
export async function listReportsAttachmentTexts(db: Q, reportIds: readonly number[]): Promise<Map<number, AttachmentText[]>> {
  const found = new Map<number, AttachmentText[]>();
  if (reportIds.length === 0) return found;
  const rows = await attachmentTexts(db)
    .select('attachments.report_id')
    .where('attachments.report_id', 'in', [...reportIds])
    .execute();
  for (const row of rows) {
    const reportId = row.report_id!;
    found.set(reportId, [...(found.get(reportId) ?? []), toAttachmentText(row)]);
  }
  return found;
}

function attachmentTexts(db: Q) {
  return db
    .selectFrom('attachments')
    .innerJoin('media', 'media.id', 'attachments.media_id')
    .select(['media.id', 'attachments.label', 'media.text'])
    .where('media.text', 'is not', null)
    .where('media.text', '!=', '')
    .orderBy('attachments.position')
    .orderBy('media.id');
}

function toAttachmentText(row: { id: number; label: string; text: string | null }): AttachmentText {
  return { mediaId: row.id, label: row.label, text: row.text ?? '' };
}

/**
 * What search can do with each PDF's text, for the media library: `searchable` (all read),
 * `partial` (cut by the limits or a damaged page), `no-text` (read, but no text: a scan),
 * `unreadable` (could not be opened), `unread` (stored before migration 0009).
 */
export type MediaTextState = 'searchable' | 'partial' | 'no-text' | 'unreadable' | 'unread';

export async function listMediaTextStates(db: Q, mediaIds: number[]): Promise<Map<number, MediaTextState>> {
  if (mediaIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('media')
    .select((eb) => ['id', 'text_status', eb.fn('length', ['text']).as('chars')])
    .where('id', 'in', mediaIds)
    .where('mime', '=', 'application/pdf')
    .execute();
  return new Map(rows.map((r) => [r.id, textState(r.text_status, Number(r.chars ?? 0))]));
}

function textState(status: string | null, chars: number): MediaTextState {
  if (status === null) return 'unread';
  if (chars === 0) return status === 'complete' ? 'no-text' : 'unreadable';
  return status === 'complete' ? 'searchable' : 'partial';
}
