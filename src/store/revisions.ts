// Revisions: a copy of a report's or a page's editable fields at every save (and of refused
// saves), for history, diffs and restore. Rows are only ever inserted; they go with their
// item. A page's revision leaves the report-only fields empty (no date, category or tags).
import type { Insertable, Kysely } from 'kysely';
import { RevisionNotFoundError } from '../domain/errors.js';
import type { ReportStatus } from '../domain/report.js';
import type { Revision, RevisionContent, RevisionSummary } from '../domain/revision.js';
import type { Database, RevisionsTable } from './database.js';
import { DeferredRows } from './deferred-rows.js';

type Q = Kysely<Database>;

export interface RevisionInput {
  reportId: number;
  version: number;
  status: ReportStatus;
  authorId: number | null;
  note?: string;
  content: Omit<RevisionContent, 'categoryName'>;
}

/** Which item a revision belongs to. */
export type RevisionItem = { kind: 'report'; id: number } | { kind: 'page'; id: number };

function itemColumn(item: RevisionItem): 'revisions.report_id' | 'revisions.page_id' {
  return item.kind === 'report' ? 'revisions.report_id' : 'revisions.page_id';
}

function revisionQuery(db: Q) {
  return db
    .selectFrom('revisions')
    .leftJoin('categories', 'categories.id', 'revisions.category_id')
    .leftJoin('users', 'users.id', 'revisions.author_id')
    .select([
      'revisions.id',
      'revisions.report_id',
      'revisions.page_id',
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
    // A page's revision has no report; its page is in pageId.
    reportId: row.report_id ?? 0,
    pageId: row.page_id,
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
  return insertItemRevision(trx, { kind: 'report', id: input.reportId }, input, nowIso);
}

/** A revision of a report or a page (`input.reportId` is ignored: the item says whose). */
export async function insertItemRevision(trx: Q, item: RevisionItem, input: Omit<RevisionInput, 'reportId'>, nowIso: string): Promise<number> {
  const row = await trx
    .insertInto('revisions')
    .values(revisionRow(item, input, nowIso))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A report's revision whose id the caller does not need: held back in a transaction that
 * defers its rows (an import's batch, store/deferred-rows.ts) and then null, else its id.
 */
export async function addRevision(trx: Q, input: RevisionInput, nowIso: string): Promise<number | null> {
  const row = revisionRow({ kind: 'report', id: input.reportId }, input, nowIso);
  if (heldRevisions.note(trx, row)) return null;
  return (await trx.insertInto('revisions').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

const heldRevisions = new DeferredRows<Insertable<RevisionsTable>>(async (trx, rows) => {
  await trx.insertInto('revisions').values(rows).execute();
});

function revisionRow(item: RevisionItem, input: Omit<RevisionInput, 'reportId'>, nowIso: string): Insertable<RevisionsTable> {
  return {
    report_id: item.kind === 'report' ? item.id : null,
    page_id: item.kind === 'page' ? item.id : null,
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
  };
}

/** The report's revisions, newest first. */
export async function listRevisions(db: Q, reportId: number): Promise<RevisionSummary[]> {
  return listItemRevisions(db, { kind: 'report', id: reportId });
}

/** The item's revisions, newest first. */
export async function listItemRevisions(db: Q, item: RevisionItem): Promise<RevisionSummary[]> {
  const rows = await revisionQuery(db).where(itemColumn(item), '=', item.id).orderBy('revisions.id', 'desc').execute();
  return rows.map(rowToSummary);
}

export async function countRevisions(db: Q, reportId: number): Promise<number> {
  return countItemRevisions(db, { kind: 'report', id: reportId });
}

export async function countItemRevisions(db: Q, item: RevisionItem): Promise<number> {
  const row = await db
    .selectFrom('revisions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(itemColumn(item), '=', item.id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findRevision(db: Q, id: number): Promise<Revision | undefined> {
  const row = await revisionQuery(db).select(['revisions.summary', 'revisions.body_source']).where('revisions.id', '=', id).executeTakeFirst();
  return row && { ...rowToSummary(row), summary: row.summary, bodySource: row.body_source };
}

/** Throws RevisionNotFoundError, also when the revision belongs to another report than `reportId`. */
export async function getRevision(db: Q, id: number, reportId?: number): Promise<Revision> {
  const revision = await findRevision(db, id);
  if (!revision || (reportId !== undefined && revision.reportId !== reportId)) throw new RevisionNotFoundError(String(id));
  return revision;
}

/** Throws RevisionNotFoundError, also when the revision belongs to another item. */
export async function getItemRevision(db: Q, id: number, item: RevisionItem): Promise<Revision> {
  const revision = await findRevision(db, id);
  const owner = item.kind === 'report' ? revision?.reportId : revision?.pageId;
  if (!revision || owner !== item.id) throw new RevisionNotFoundError(String(id));
  return revision;
}

/** Two revisions of one report, for a diff; throws RevisionNotFoundError if either is not the report's. */
export async function getRevisionPair(db: Q, reportId: number, olderId: number, newerId: number): Promise<[Revision, Revision]> {
  return [await getRevision(db, olderId, reportId), await getRevision(db, newerId, reportId)];
}

export async function deleteRevisionsOf(trx: Q, reportId: number): Promise<void> {
  await trx.deleteFrom('revisions').where('report_id', '=', reportId).execute();
}
