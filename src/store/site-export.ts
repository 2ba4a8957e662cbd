// What `katsudo export` reads: every report, page, file, term, redirect and account name of
// the site, in id order and in batches (keyset pagination), so a large site is never held in
// memory at once. Accounts are read as names and roles only: no hash, session or factor.
import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import type { Media } from '../domain/media.js';
import { rowToMedia } from './media.js';
import { tagsByReport } from './reports.js';

type Q = Kysely<Database>;

export interface ExportAttachment {
  mediaId: number;
  label: string;
  /** This use's own alt text (migration 0020); null when it has none (the media record's applies). */
  altText: string | null;
}

export interface ExportReportRow {
  id: number;
  slug: string;
  title: string;
  activityDate: string;
  status: string;
  publishedAt: string | null;
  scheduledAt: string | null;
  trashedAt: string | null;
  createdAt: string;
  updatedAt: string;
  summary: string;
  bodySource: string;
  categorySlug: string | null;
  authorName: string | null;
  tags: string[];
  attachments: ExportAttachment[];
  revisionCount: number;
}

export interface ExportPageRow {
  id: number;
  parentId: number | null;
  position: number;
  slug: string;
  title: string;
  status: string;
  publishedAt: string | null;
  trashedAt: string | null;
  createdAt: string;
  updatedAt: string;
  summary: string;
  bodySource: string;
  attachments: ExportAttachment[];
  revisionCount: number;
}

/** Reports with id > afterId, at most `limit`, with their category, tags, attachments and revision count. */
export async function listReportsForExport(db: Q, afterId: number, limit: number): Promise<ExportReportRow[]> {
  const rows = await db
    .selectFrom('reports')
    .leftJoin('categories', 'categories.id', 'reports.category_id')
    .select([
      'reports.id',
      'reports.slug',
      'reports.title',
      'reports.activity_date',
      'reports.status',
      'reports.published_at',
      'reports.scheduled_at',
      'reports.trashed_at',
      'reports.created_at',
      'reports.updated_at',
      'reports.summary',
      'reports.body_source',
      'reports.author_name',
      'categories.slug as category_slug',
    ])
    .where('reports.id', '>', afterId)
    .orderBy('reports.id')
    .limit(limit)
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const tags = await tagsByReport(db, ids);
  const attachments = await attachmentsOf(db, 'report_id', ids);
  const revisions = await revisionCounts(db, 'report_id', ids);
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    activityDate: r.activity_date,
    status: r.status,
    publishedAt: r.published_at,
    scheduledAt: r.scheduled_at,
    trashedAt: r.trashed_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    summary: r.summary,
    bodySource: r.body_source,
    categorySlug: r.category_slug,
    authorName: r.author_name,
    tags: tags.get(r.id) ?? [],
    attachments: attachments.get(r.id) ?? [],
    revisionCount: revisions.get(r.id) ?? 0,
  }));
}

/** Every page in id order (a small table: read at once), with attachments and revision count. */
export async function listPagesForExport(db: Q): Promise<ExportPageRow[]> {
  const rows = await db
    .selectFrom('pages')
    .select(['id', 'parent_id', 'position', 'slug', 'title', 'status', 'published_at', 'trashed_at', 'created_at', 'updated_at', 'summary', 'body_source'])
    .orderBy('id')
    .execute();
  const ids = rows.map((r) => r.id);
  const attachments = ids.length === 0 ? new Map<number, ExportAttachment[]>() : await attachmentsOf(db, 'page_id', ids);
  const revisions = ids.length === 0 ? new Map<number, number>() : await revisionCounts(db, 'page_id', ids);
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    position: r.position,
    slug: r.slug,
    title: r.title,
    status: r.status,
    publishedAt: r.published_at,
    trashedAt: r.trashed_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    summary: r.summary,
    bodySource: r.body_source,
    attachments: attachments.get(r.id) ?? [],
    revisionCount: revisions.get(r.id) ?? 0,
  }));
}

/** Media records with id > afterId, at most `limit` (without their PDF text). */
export async function listMediaForExport(db: Q, afterId: number, limit: number): Promise<Media[]> {
  const rows = await db
    .selectFrom('media')
    .select(['id', 'sha256', 'original_name', 'mime', 'bytes', 'width', 'height', 'pages', 'alt_text', 'created_at'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(rowToMedia);
}

/** Tag names in id order (the site's tag list; reports name theirs). */
export async function listTagNames(db: Q): Promise<string[]> {
  const rows = await db.selectFrom('tags').select('name').orderBy('id').execute();
  return rows.map((r) => r.name);
}

/** Redirects with from_path > afterPath, at most `limit`. */
export async function listRedirectsForExport(db: Q, afterPath: string, limit: number): Promise<{ fromPath: string; toPath: string; createdAt: string }[]> {
  const rows = await db
    .selectFrom('redirects')
    .select(['from_path', 'to_path', 'created_at'])
    .where('from_path', '>', afterPath)
    .orderBy('from_path')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ fromPath: r.from_path, toPath: r.to_path, createdAt: r.created_at }));
}

/** Accounts as names and roles: the columns are listed, so a secret can never slip in with `selectAll`. */
export async function listAccountNames(db: Q): Promise<{ login: string; displayName: string; role: string; isDisabled: boolean }[]> {
  const rows = await db.selectFrom('users').select(['login', 'display_name', 'role', 'is_disabled']).orderBy('id').execute();
  return rows.map((r) => ({ login: r.login, displayName: r.display_name, role: r.role, isDisabled: r.is_disabled !== 0 }));
}

async function attachmentsOf(db: Q, column: 'report_id' | 'page_id', ids: number[]): Promise<Map<number, ExportAttachment[]>> {
  const rows = await db
    .selectFrom('attachments')
    .select(['report_id', 'page_id', 'media_id', 'label', 'alt_text'])
    .where(column, 'in', ids)
    .orderBy(column)
    .orderBy('position')
    .execute();
  return groupBy(
    rows,
    (r) => r[column]!,
    (r) => ({ mediaId: r.media_id, label: r.label, altText: r.alt_text }),
  );
}

async function revisionCounts(db: Q, column: 'report_id' | 'page_id', ids: number[]): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('revisions')
    .select((eb) => [column, eb.fn.countAll<number>().as('n')])
    .where(column, 'in', ids)
    .groupBy(column)
    .execute();
  return new Map(rows.map((r) => [r[column]!, Number(r.n)]));
}

function groupBy<R, V>(rows: R[], key: (row: R) => number, value: (row: R) => V): Map<number, V[]> {
  const out = new Map<number, V[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(value(row));
    else out.set(k, [value(row)]);
  }
  return out;
}

/** The highest id of each exported table (0 when empty), so an export can number items without clashes. */
export async function maxExportIds(db: Q): Promise<{ media: number; pages: number; reports: number }> {
  const [media, pages, reports] = await Promise.all([
    db
      .selectFrom('media')
      .select((eb) => eb.fn.max<number>('id').as('n'))
      .executeTakeFirst(),
    db
      .selectFrom('pages')
      .select((eb) => eb.fn.max<number>('id').as('n'))
      .executeTakeFirst(),
    db
      .selectFrom('reports')
      .select((eb) => eb.fn.max<number>('id').as('n'))
      .executeTakeFirst(),
  ]);
  return { media: Number(media?.n ?? 0), pages: Number(pages?.n ?? 0), reports: Number(reports?.n ?? 0) };
}
