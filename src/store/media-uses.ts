// Where media records are used, as stored: a report listing one under its attachments, and a
// report whose rendered body names its content in a /media/ URL (report_body_media, written
// with every body_html). The rule built on it is actions/list-media-users.ts; the public
// serving rule (media.ts isMediaPublic) reads the same two tables for published reports.
import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import type { AttachedReport } from './media.js';

type Q = Kysely<Database>;

export type MediaUse =
  | { kind: 'attachment'; mediaId: number; report: AttachedReport }
  /** The body names the record's content; which file or variant it names is in `bodyHtml`. */
  | { kind: 'body-url'; mediaId: number; report: AttachedReport; bodyHtml: string };

/**
 * The stored uses of these records by reports of any status, trash included, in report id
 * order. Two index lookups per record (report_media pk; media pk → report_body_media_sha256).
 * Fixed pages that attach or link files add their own kinds here, so that deleting, the
 * library's "used by" list and serving all see them.
 */
export async function findMediaUses(db: Q, mediaIds: number[]): Promise<MediaUse[]> {
  if (mediaIds.length === 0) return [];
  const attached = await db
    .selectFrom('report_media')
    .innerJoin('reports', 'reports.id', 'report_media.report_id')
    .select(['report_media.media_id', 'reports.id', 'reports.title', 'reports.status'])
    .where('report_media.media_id', 'in', mediaIds)
    .orderBy('reports.id')
    .execute();
  const linked = await db
    .selectFrom('media')
    .innerJoin('report_body_media', 'report_body_media.sha256', 'media.sha256')
    .innerJoin('reports', 'reports.id', 'report_body_media.report_id')
    .select(['media.id as media_id', 'reports.id', 'reports.title', 'reports.status', 'reports.body_html'])
    .where('media.id', 'in', mediaIds)
    .orderBy('reports.id')
    .execute();
  return [
    ...attached.map((r): MediaUse => ({ kind: 'attachment', mediaId: r.media_id, report: { id: r.id, title: r.title, status: r.status } })),
    ...linked.map((r): MediaUse => ({
      kind: 'body-url',
      mediaId: r.media_id,
      report: { id: r.id, title: r.title, status: r.status },
      bodyHtml: r.body_html,
    })),
  ];
}
