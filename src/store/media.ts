// Media records (one per content and file name; the bytes are shared by content hash)
// and their attachment to reports.
import type { Kysely } from 'kysely';
import type { Attachment } from '../domain/report.js';
import type { Database, MediaRow } from './database.js';

type Q = Kysely<Database>;

export interface Media {
  id: number;
  sha256: string;
  originalName: string;
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
  pages: number | null;
  createdAt: string;
}

export type MediaInput = Omit<Media, 'id' | 'createdAt'>;

function rowToMedia(row: MediaRow): Media {
  return {
    id: row.id,
    sha256: row.sha256,
    originalName: row.original_name,
    mime: row.mime,
    bytes: row.bytes,
    width: row.width,
    height: row.height,
    pages: row.pages,
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
      created_at: nowIso,
    })
    .onConflict((oc) => oc.columns(['sha256', 'original_name']).doNothing())
    .execute();
  const row = await trx
    .selectFrom('media')
    .selectAll()
    .where('sha256', '=', input.sha256)
    .where('original_name', '=', input.originalName)
    .executeTakeFirstOrThrow();
  return rowToMedia(row);
}

/** The record of that content under that name (the two parts of a /media/ URL). */
export async function findMediaByShaAndName(db: Q, sha256: string, originalName: string): Promise<Media | undefined> {
  const row = await db
    .selectFrom('media')
    .selectAll()
    .where('sha256', '=', sha256)
    .where('original_name', '=', originalName)
    .executeTakeFirst();
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

export async function attachMedia(
  trx: Q,
  input: { reportId: number; mediaId: number; label: string; summary: string; position: number },
): Promise<void> {
  await trx
    .insertInto('report_media')
    .values({
      report_id: input.reportId,
      media_id: input.mediaId,
      label: input.label,
      summary: input.summary,
      position: input.position,
    })
    .onConflict((oc) =>
      oc.columns(['report_id', 'media_id']).doUpdateSet({ label: input.label, summary: input.summary, position: input.position }),
    )
    .execute();
}

export async function listAttachments(db: Q, reportId: number): Promise<Attachment[]> {
  const rows = await db
    .selectFrom('report_media')
    .innerJoin('media', 'media.id', 'report_media.media_id')
    .select([
      'media.id',
      'media.sha256',
      'media.original_name',
      'media.mime',
      'media.bytes',
      'media.pages',
      'report_media.label',
      'report_media.summary',
    ])
    .where('report_media.report_id', '=', reportId)
    .orderBy('report_media.position')
    .orderBy('media.id')
    .execute();
  return rows.map((r) => ({
    mediaId: r.id,
    sha256: r.sha256,
    label: r.label,
    fileName: r.original_name,
    mime: r.mime,
    bytes: r.bytes,
    pages: r.pages,
    summary: r.summary,
  }));
}
