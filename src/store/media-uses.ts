// Where media records are used, as stored, in one place for every rule built on it: a report
// or fixed page listing one under its attachments, and a report or fixed page whose rendered body names its
// content in a /media/ URL (report_body_media / page_body_media, written with every
// body_html). Deleting and the library's "used by" list read these in any status
// (actions/media/list-media-users.ts); serving a file reads them for what is published (media.ts
// isMediaPublic). A new kind of use is one more builder here, used by both.
import type { Kysely } from 'kysely';
import type { MediaUser } from '../domain/errors.js';
import type { Database } from './database.js';

type Q = Kysely<Database>;

// Each builder starts from the file's records and reaches the users through their indexes.
// CROSS JOIN is SQLite's documented way to keep that order: without statistics (the database
// is never ANALYZEd) the planner would rather walk every published report and probe each.

/**
 * Reports and pages listing a record under their attachments: rows of media, attachments and
 * the owner (reports or pages, the other side null; attachments_one_item says which).
 */
export function attachmentUses(db: Q) {
  return db
    .selectFrom('media')
    .crossJoin('attachments')
    .leftJoin('reports', 'reports.id', 'attachments.report_id')
    .leftJoin('pages', 'pages.id', 'attachments.page_id')
    .whereRef('attachments.media_id', '=', 'media.id');
}

/** Reports whose rendered body names a record's content (which name: the caller reads body_html). */
export function reportBodyUses(db: Q) {
  return db
    .selectFrom('media')
    .crossJoin('report_body_media')
    .crossJoin('reports')
    .whereRef('report_body_media.sha256', '=', 'media.sha256')
    .whereRef('reports.id', '=', 'report_body_media.report_id');
}

/** Fixed pages whose rendered body names a record's content. */
export function pageBodyUses(db: Q) {
  return db
    .selectFrom('media')
    .crossJoin('page_body_media')
    .crossJoin('pages')
    .whereRef('page_body_media.sha256', '=', 'media.sha256')
    .whereRef('pages.id', '=', 'page_body_media.page_id');
}

export type MediaUse =
  | { kind: 'attachment'; mediaId: number; user: MediaUser }
  /** The body names the record's content; which file or variant it names is in `bodyHtml`. */
  | { kind: 'body-url'; mediaId: number; user: MediaUser; bodyHtml: string };

/**
 * The stored uses of these records by reports and pages of any status, trash included, in id
 * order. Index lookups per record: attachments_media; media pk → report_body_media_sha256, and
 * the same for pages.
 */
export async function findMediaUses(db: Q, mediaIds: number[]): Promise<MediaUse[]> {
  if (mediaIds.length === 0) return [];
  const attached = await attachmentUses(db)
    .select(['media.id as media_id', 'reports.id as report_id', 'reports.title as report_title', 'reports.status as report_status'])
    .select(['pages.id as page_id', 'pages.title as page_title', 'pages.status as page_status'])
    .where('media.id', 'in', mediaIds)
    .orderBy('attachments.report_id')
    .orderBy('attachments.page_id')
    .execute();
  const inReports = await reportBodyUses(db)
    .select(['media.id as media_id', 'reports.id', 'reports.title', 'reports.status', 'reports.body_html'])
    .where('media.id', 'in', mediaIds)
    .orderBy('reports.id')
    .execute();
  const inPages = await pageBodyUses(db)
    .select(['media.id as media_id', 'pages.id', 'pages.title', 'pages.status', 'pages.body_html'])
    .where('media.id', 'in', mediaIds)
    .orderBy('pages.id')
    .execute();
  const user = (kind: MediaUser['kind'], r: { id: number; title: string; status: string }): MediaUser => ({ kind, id: r.id, title: r.title, status: r.status });
  return [
    ...attached.map((r): MediaUse => ({
      kind: 'attachment',
      mediaId: r.media_id,
      user:
        r.report_id !== null
          ? user('report', { id: r.report_id, title: r.report_title!, status: r.report_status! })
          : user('page', { id: r.page_id!, title: r.page_title!, status: r.page_status! }),
    })),
    ...inReports.map((r): MediaUse => ({ kind: 'body-url', mediaId: r.media_id, user: user('report', r), bodyHtml: r.body_html })),
    ...inPages.map((r): MediaUse => ({ kind: 'body-url', mediaId: r.media_id, user: user('page', r), bodyHtml: r.body_html })),
  ];
}
