// Revisions: a copy of a report's editable fields at every save (and of refused saves),
// for history, diffs and restore. Rows are only ever inserted; they go with their report.
import type { Kysely } from 'kysely';
import { RevisionNotFoundError } from '../domain/errors.js';
import type { ReportStatus } from '../domain/report.js';
import type { Revision, RevisionContent } from '../domain/revision.js';
import type { Database } from './database.js';

type Q = Kysely<Database>;

export interface RevisionInput {
  reportId: number;
  version: number;
  status: ReportStatus;
  authorId: number | null;
  note?: string;
  content: Omit<RevisionContent, 'categoryName'>;
}

/** A history line: the revision without its body. */
export type RevisionSummary = Omit<Revision, 'bodySource' | 'summary'>;

function revisionQuery(db: Q) {
  return db
    .selectFrom('revisions')
    .leftJoin('categories', 'categories.id', 'revisions.category_id')
    .leftJoin('users', 'users.id', 'revisions.author_id')
    .select([
      'revisions.id',
      'revisions.report_id',
      'revisions.version',
      'revisions.title',
      'revisions.slug',
      'revisions.activity_date',
      'revisions.category_id',
      'revisions.tags_json',
      'revisions.status',
      'revisions.author_id',
      'revisions.note',
      'revisions.created_at',
      'categories.name as category_name',
      'users.display_name as author_name',
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof revisionQuery>['executeTakeFirstOrThrow']>>;

function rowToSummary(row: SummaryRow): RevisionSummary {
  return {
    id: row.id,
    reportId: row.report_id,
    version: row.version,
    title: row.title,
    slug: row.slug,
    activityDate: row.activity_date,
    categoryId: row.category_id,
    categoryName: row.category_name,
    tags: JSON.parse(row.tags_json) as string[],
    status: row.status as ReportStatus,
    authorId: row.author_id,
    authorName: row.author_name,
    note: row.note,
    createdAt: row.created_at,
  };
}

export async function insertRevision(trx: Q, input: RevisionInput, nowIso: string): Promise<number> {
  const row = await trx
    .insertInto('revisions')
    .values({
      report_id: input.reportId,
      version: input.version,
      title: input.content.title,
      slug: input.content.slug,
      activity_date: input.content.activityDate,
      category_id: input.content.categoryId,
      tags_json: JSON.stringify(input.content.tags),
      summary: input.content.summary,
      body_source: input.content.bodySource,
      status: input.status,
      author_id: input.authorId,
      note: input.note ?? '',
      created_at: nowIso,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The report's revisions, newest first. */
export async function listRevisions(db: Q, reportId: number): Promise<RevisionSummary[]> {
  const rows = await revisionQuery(db).where('revisions.report_id', '=', reportId).orderBy('revisions.id', 'desc').execute();
  return rows.map(rowToSummary);
}

export async function countRevisions(db: Q, reportId: number): Promise<number> {
  const row = await db
    .selectFrom('revisions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('report_id', '=', reportId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findRevision(db: Q, id: number): Promise<Revision | undefined> {
  const row = await revisionQuery(db)
    .select(['revisions.summary', 'revisions.body_source'])
    .where('revisions.id', '=', id)
    .executeTakeFirst();
  return row && { ...rowToSummary(row), summary: row.summary, bodySource: row.body_source };
}

/** Throws RevisionNotFoundError, also when the revision belongs to another report than `reportId`. */
export async function getRevision(db: Q, id: number, reportId?: number): Promise<Revision> {
  const revision = await findRevision(db, id);
  if (!revision || (reportId !== undefined && revision.reportId !== reportId)) throw new RevisionNotFoundError(String(id));
  return revision;
}

/** Two revisions of one report, for a diff; throws RevisionNotFoundError if either is not the report's. */
export async function getRevisionPair(db: Q, reportId: number, olderId: number, newerId: number): Promise<[Revision, Revision]> {
  return [await getRevision(db, olderId, reportId), await getRevision(db, newerId, reportId)];
}

export async function deleteRevisionsOf(trx: Q, reportId: number): Promise<void> {
  await trx.deleteFrom('revisions').where('report_id', '=', reportId).execute();
}
