// Reports: rows, their tags and category, and the public queries (lists, archives,
// neighbours). Returns domain types; every query is dialect-neutral Kysely.
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { AdminStatus, EditableReport } from '../domain/editable-report.js';
import { ReportNotFoundError } from '../domain/errors.js';
import { DESCRIPTION_CHARS } from '../domain/description.js';
import type { MonthCount, PublicReport, Report, ReportStatus, ReportSummary, TagCount } from '../domain/report.js';
import type { OutlineEntry } from '../domain/text-format/render.js';
import { trustedHtml } from '../domain/trusted-html.js';
import type { Database, Db } from './database.js';
import { activityKindSql } from './activity-kind-filter.js';
import { jsonList, parseJsonList } from './dialects/json-list.js';
import { lockKeys } from './dialects/lock-keys.js';
import { translateDbError } from './errors.js';
import { DeferredRows } from './deferred-rows.js';
import { bodyColumns, setItemStatus, updateItemContent } from './item-content.js';
import { attachmentsFromRows, attachmentsJson, deleteAttachmentsOf, type NewRowOption } from './media.js';
import { noteRenderedBody } from './render-versions.js';
import { reusableQuery } from './reusable-query.js';

export interface ReportFilter {
  status?: ReportStatus;
  /** 4-digit year of the activity date. */
  year?: number;
  /** 1–12, only together with year. */
  month?: number;
  categoryId?: number;
  tag?: string;
  /** The kind of a confirmed activity record (issue 16); reports without one are left out. */
  activityKind?: string;
}

export interface PageRequest {
  offset: number;
  limit: number;
}

export interface ReportPage {
  total: number;
  items: ReportSummary[];
}

/** The columns written when a report is created or saved. */
export interface ReportWrite {
  slug: string;
  title: string;
  activityDate: string;
  status: ReportStatus;
  publishedAt: string | null;
  bodySource: string;
  bodyHtml: string;
  bodyText: string;
  outline: OutlineEntry[];
  summary: string;
  categoryId: number | null;
  /** The user who created it; null for imports and the demo. */
  authorId?: number | null;
  /** The author as an imported site named them (import-sources.ts setReportAuthorName); null when absent. */
  authorName?: string | null;
}

type Q = Kysely<Database>;

function summaryQuery(db: Q) {
  return db
    .selectFrom('reports')
    .leftJoin('categories', 'categories.id', 'reports.category_id')
    .select([
      'reports.id',
      'reports.slug',
      'reports.title',
      'reports.activity_date',
      'reports.published_at',
      'reports.updated_at',
      'reports.status',
      'reports.summary',
      'categories.id as category_id',
      'categories.slug as category_slug',
      'categories.name as category_name',
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>;

/**
 * summaryQuery with each report's tag names in their order as a JSON column (`tags_json`,
 * read by taggedRowToSummary): one query where withTags takes two. For reads of a few rows
 * by id (public pages); a list that skips rows by OFFSET keeps withTags.
 */
function taggedSummaryQuery(db: Q) {
  return summaryQuery(db).select((eb) =>
    eb
      .selectFrom('report_tags')
      .innerJoin('tags', 'tags.id', 'report_tags.tag_id')
      .select(jsonList(db, sql.ref('tags.name'), [sql.ref('report_tags.position')]).as('tags'))
      .whereRef('report_tags.report_id', '=', 'reports.id')
      .as('tags_json'),
  );
}

function taggedRowToSummary(row: SummaryRow & { tags_json: unknown }): ReportSummary {
  return rowToSummary(row, parseJsonList<string>(row.tags_json));
}

function rowToSummary(row: SummaryRow, tags: string[]): ReportSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    activityDate: row.activity_date,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    status: row.status as ReportStatus,
    summary: row.summary,
    category: row.category_id == null ? null : { id: row.category_id, slug: row.category_slug!, name: row.category_name! },
    tags,
  };
}

function applyFilter<O>(query: SelectQueryBuilder<Database, 'reports', O>, filter: ReportFilter) {
  let q = query;
  if (filter.status) q = q.where('reports.status', '=', filter.status);
  if (filter.year !== undefined) {
    const [from, to] = dateRange(filter.year, filter.month);
    q = q.where('reports.activity_date', '>=', from).where('reports.activity_date', '<', to);
  }
  if (filter.categoryId !== undefined) q = q.where('reports.category_id', '=', filter.categoryId);
  if (filter.tag !== undefined) {
    const tag = filter.tag;
    q = q.where('reports.id', 'in', (eb) =>
      eb.selectFrom('report_tags').innerJoin('tags', 'tags.id', 'report_tags.tag_id').select('report_tags.report_id').where('tags.name', '=', tag),
    );
  }
  if (filter.activityKind !== undefined) {
    q = q.where(activityKindSql('reports.id', filter.activityKind));
  }
  return q;
}

/** ISO date bounds [from, to) of a year or a month; string comparison keeps the index usable. */
function dateRange(year: number, month?: number): [string, string] {
  const y = String(year).padStart(4, '0');
  if (month === undefined) return [`${y}-01-01`, `${String(year + 1).padStart(4, '0')}-01-01`];
  const m = String(month).padStart(2, '0');
  const next = month === 12 ? `${String(year + 1).padStart(4, '0')}-01-01` : `${y}-${String(month + 1).padStart(2, '0')}-01`;
  return [`${y}-${m}-01`, next];
}

/** Each report's tag names in their order. */
export async function tagsByReport(db: Q, reportIds: number[]): Promise<Map<number, string[]>> {
  const byReport = new Map<number, string[]>();
  if (reportIds.length === 0) return byReport;
  const rows = await db
    .selectFrom('report_tags')
    .innerJoin('tags', 'tags.id', 'report_tags.tag_id')
    .select(['report_tags.report_id', 'tags.name'])
    .where('report_tags.report_id', 'in', reportIds)
    .orderBy('report_tags.report_id')
    .orderBy('report_tags.position')
    .execute();
  for (const row of rows) {
    const list = byReport.get(row.report_id) ?? [];
    list.push(row.name);
    byReport.set(row.report_id, list);
  }
  return byReport;
}

async function withTags(db: Q, rows: SummaryRow[]): Promise<ReportSummary[]> {
  const tags = await tagsByReport(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => rowToSummary(row, tags.get(row.id) ?? []));
}

/**
 * A list page's ids, for a deferred join: OFFSET skips through an index alone
 * (reports_public_order, or reports_category_order for a category), and only the page's
 * rows are read afterwards. OFFSET over the joined rows read every skipped row, so page 400
 * cost 200 times page 2 and a full static build grew with the square of the reports.
 */
export function pageIdsQuery(db: Q, filter: ReportFilter, page: PageRequest) {
  return orderedIdsQuery(db, filter).limit(page.limit).offset(page.offset);
}

function orderedIdsQuery(db: Q, filter: ReportFilter) {
  return applyFilter(db.selectFrom('reports').select('reports.id'), filter).orderBy('reports.activity_date', 'desc').orderBy('reports.id', 'desc');
}

/** Newest activity first; the id breaks ties so the order is total and pages never overlap. */
export async function listReports(db: Db, filter: ReportFilter, page: PageRequest): Promise<ReportPage> {
  const total = await countReports(db, filter);
  if (total === 0 || page.offset >= total) return { total, items: [] };
  const rows = await taggedSummaryQuery(db)
    .where('reports.id', 'in', pageIdsQuery(db, filter, page))
    .orderBy('reports.activity_date', 'desc')
    .orderBy('reports.id', 'desc')
    .execute();
  return { total, items: rows.map(taggedRowToSummary) };
}

/** Every id of a list in listReports' order (from the index alone but for tags). */
export async function listReportIds(db: Db, filter: ReportFilter): Promise<number[]> {
  const rows = await orderedIdsQuery(db, filter).execute();
  return rows.map((r) => r.id);
}

/** Reports by id, in the order of `ids` (missing ones left out). */
export async function listSummariesByIds(db: Db, ids: readonly number[]): Promise<ReportSummary[]> {
  if (ids.length === 0) return [];
  const summaries = (await taggedSummaryQuery(db).where('reports.id', 'in', ids).execute()).map(taggedRowToSummary);
  const byId = new Map(summaries.map((s) => [s.id, s]));
  return ids.map((id) => byId.get(id)).filter((s): s is ReportSummary => s !== undefined);
}

/**
 * A report's summary, tags, body columns and attachments in one read (the body's overflow
 * pages are walked once; on PostgreSQL one round trip instead of three).
 */
function reportQuery(db: Q) {
  return taggedSummaryQuery(db).select([
    'reports.body_source',
    'reports.body_html',
    'reports.body_text',
    'reports.outline_json',
    'reports.version',
    'reports.created_at',
    attachmentsJson(db, 'report', 'reports.id').as('attachments_json'),
  ]);
}

type FullReportRow = Awaited<ReturnType<ReturnType<typeof reportQuery>['executeTakeFirstOrThrow']>>;

async function loadReport(db: Q, row: FullReportRow | undefined): Promise<Report | undefined> {
  if (!row) return undefined;
  return {
    ...taggedRowToSummary(row),
    bodySource: row.body_source,
    bodyHtml: trustedHtml(row.body_html),
    bodyText: row.body_text,
    outline: JSON.parse(row.outline_json) as OutlineEntry[],
    attachments: await attachmentsFromRows(db, parseJsonList(row.attachments_json)),
    version: row.version,
    createdAt: row.created_at,
  };
}

// A whole report by its slug, compiled once per connection.
const reportBySlug = reusableQuery((db, v: { slug: string }) => reportQuery(db).where('reports.slug', '=', v.slug));
const reportBySlugAndStatus = reusableQuery((db, v: { slug: string; status: ReportStatus }) =>
  reportQuery(db).where('reports.slug', '=', v.slug).where('reports.status', '=', v.status),
);

export async function findReportBySlug(db: Q, slug: string, status?: ReportStatus): Promise<Report | undefined> {
  const [row] = status ? await reportBySlugAndStatus(db, { slug, status }) : await reportBySlug(db, { slug });
  return loadReport(db, row);
}

/**
 * The public report page's read (every report page of a static build, the server's cache
 * misses): the columns the page shows, the text cut in SQL (substr counts characters on both
 * engines), so neither the source nor the rest of the text is copied out of the row.
 */
const publishedReportBySlug = reusableQuery((db, v: { slug: string }) =>
  taggedSummaryQuery(db)
    .select((eb) => [
      'reports.body_html',
      'reports.outline_json',
      eb.fn<string>('substr', ['reports.body_text', eb.lit(1), eb.lit(DESCRIPTION_CHARS)]).as('text_start'),
      attachmentsJson(db, 'report', 'reports.id').as('attachments_json'),
    ])
    .where('reports.slug', '=', v.slug)
    .where('reports.status', '=', 'published'),
);

export async function findPublishedReportBySlug(db: Q, slug: string): Promise<PublicReport | undefined> {
  const [row] = await publishedReportBySlug(db, { slug });
  if (!row) return undefined;
  return {
    ...taggedRowToSummary(row),
    bodyHtml: trustedHtml(row.body_html),
    textStart: row.text_start,
    outline: JSON.parse(row.outline_json) as OutlineEntry[],
    attachments: await attachmentsFromRows(db, parseJsonList(row.attachments_json)),
  };
}

export async function findReportById(db: Q, id: number, status?: ReportStatus): Promise<Report | undefined> {
  let q = reportQuery(db).where('reports.id', '=', id);
  if (status) q = q.where('reports.status', '=', status);
  return loadReport(db, await q.executeTakeFirst());
}

/** The id of the published report next to `report` in the public order, towards older or newer. */
async function neighbourId(db: Db, report: Pick<ReportSummary, 'id' | 'activityDate'>, toward: 'older' | 'newer') {
  const [cmp, dir] = toward === 'older' ? (['<', 'desc'] as const) : (['>', 'asc'] as const);
  // A row-value comparison (SQLite 3.15+, PostgreSQL) lets the index on (status,
  // activity_date, id) seek straight to the neighbour; the equivalent OR walks the index.
  // Only the id, so the seek reads the index alone; the rows follow in one query.
  const row = await db
    .selectFrom('reports')
    .select('reports.id')
    .where('reports.status', '=', 'published')
    .where((eb) => eb(eb.refTuple('reports.activity_date', 'reports.id'), cmp, eb.tuple(report.activityDate, report.id)))
    .orderBy('reports.activity_date', dir)
    .orderBy('reports.id', dir)
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

/** The ids of the published reports just before and after `report` in the public order. */
export async function findNeighbourIds(db: Db, report: Pick<ReportSummary, 'id' | 'activityDate'>): Promise<{ olderId?: number; newerId?: number }> {
  return { olderId: await neighbourId(db, report, 'older'), newerId: await neighbourId(db, report, 'newer') };
}

/** Published reports per month of activity, newest first: the archive navigation. */
export async function countByMonth(db: Db): Promise<MonthCount[]> {
  const rows = await db
    .selectFrom('reports')
    .select((eb) => [eb.fn<string>('substr', ['activity_date', eb.lit(1), eb.lit(7)]).as('ym'), eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'published')
    .groupBy('ym')
    .orderBy('ym', 'desc')
    .execute();
  return rows.map((r) => ({ year: Number(r.ym.slice(0, 4)), month: Number(r.ym.slice(5, 7)), count: Number(r.n) }));
}

export async function countByTag(db: Db): Promise<TagCount[]> {
  const rows = await db
    .selectFrom('tags')
    .innerJoin('report_tags', 'report_tags.tag_id', 'tags.id')
    .innerJoin('reports', 'reports.id', 'report_tags.report_id')
    .select(['tags.name', (eb) => eb.fn.countAll<number>().as('n')])
    .where('reports.status', '=', 'published')
    .groupBy('tags.name')
    .orderBy('n', 'desc')
    .orderBy('tags.name')
    .execute();
  return rows.map((r) => ({ name: r.name, count: Number(r.n) }));
}

export async function listSlugs(db: Q): Promise<string[]> {
  const rows = await db.selectFrom('reports').select('slug').execute();
  return rows.map((r) => r.slug);
}

export async function slugExists(db: Q, slug: string): Promise<boolean> {
  const row = await db.selectFrom('reports').select('id').where('slug', '=', slug).executeTakeFirst();
  return row !== undefined;
}

/**
 * The slugs starting with `prefix`, to find the next free "-2", "-3" suffix (domain/slug.ts). Call it
 * inside the transaction that inserts the chosen slug: on PostgreSQL it first locks the prefix
 * until that transaction ends (dialects/lock-keys.ts), so two reports created at once for the
 * same date take turns and the second sees the first one's slug instead of failing on it.
 */
export async function slugsStartingWith(db: Q, prefix: string): Promise<string[]> {
  await lockKeys(db, 'report_slug', [prefix]);
  const rows = await db.selectFrom('reports').select('slug').where('slug', '>=', prefix).where('slug', '<', `${prefix}\uffff`).execute();
  return rows.map((r) => r.slug);
}

export async function insertReport(trx: Q, input: ReportWrite, nowIso: string): Promise<number> {
  try {
    const row = await trx
      .insertInto('reports')
      .values({
        slug: input.slug,
        title: input.title,
        activity_date: input.activityDate,
        published_at: input.publishedAt,
        status: input.status,
        ...bodyColumns(input),
        summary: input.summary,
        category_id: input.categoryId,
        author_id: input.authorId ?? null,
        author_name: input.authorName ?? null,
        lang: 'ja',
        version: 1,
        created_at: nowIso,
        updated_at: nowIso,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await noteRenderedBody(trx, 'report', row.id, input, { isNew: true });
    return row.id;
  } catch (error) {
    translateDbError(error, { slug: input.slug });
  }
}

/**
 * Replaces the report's tags by `names` (distinct, in order), creating the missing tags: three
 * statements whatever their number, two for a report inserted in this transaction (`isNew`).
 */
export async function setReportTags(trx: Q, reportId: number, names: string[], options: NewRowOption = {}): Promise<void> {
  if (!options.isNew) await trx.deleteFrom('report_tags').where('report_id', '=', reportId).execute();
  if (names.length === 0) return;
  // A new report's tags can wait for the end of an import's batch: no one reads them before.
  if (options.isNew && heldTags.note(trx, { reportId, names })) return;
  await trx
    .insertInto('tags')
    .values(names.map((name) => ({ name })))
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  // A tag's position is its place in `names`; a literal, as PostgreSQL would type a parameter there as text.
  const position = sql<number>`case tags.name ${sql.join(
    names.map((name, i) => sql`when ${name} then ${sql.lit(i)}`),
    sql` `,
  )} end`;
  await trx
    .insertInto('report_tags')
    .columns(['report_id', 'tag_id', 'position'])
    .expression(
      trx
        .selectFrom('tags')
        .select([sql<number>`${reportId}`.as('report_id'), 'tags.id', position.as('position')])
        .where('tags.name', 'in', names),
    )
    .execute();
}

/** New reports' tags held back in an import's batch (store/deferred-rows.ts): three statements for the whole batch. */
const heldTags = new DeferredRows<{ reportId: number; names: string[] }>(async (trx, rows) => {
  const names = [...new Set(rows.flatMap((row) => row.names))];
  await trx
    .insertInto('tags')
    .values(names.map((name) => ({ name })))
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const ids = new Map((await trx.selectFrom('tags').select(['id', 'name']).where('name', 'in', names).execute()).map((tag) => [tag.name, tag.id]));
  // As above: a tag's position is its place in the report's list.
  const links = rows.flatMap((row) => row.names.map((name, position) => ({ report_id: row.reportId, tag_id: ids.get(name)!, position })));
  await trx.insertInto('report_tags').values(links).execute();
});

export async function countReports(db: Q, filter: ReportFilter = {}): Promise<number> {
  const row = await applyFilter(db.selectFrom('reports'), filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface SitemapEntry {
  slug: string;
  updatedAt: string;
}

/** The published reports in public order, from the index reports_public_order alone (migration 0035). */
export function sitemapQuery(db: Db) {
  return db.selectFrom('reports').select(['slug', 'updated_at']).where('status', '=', 'published').orderBy('activity_date', 'desc').orderBy('id', 'desc');
}

export async function listPublishedForSitemap(db: Db): Promise<SitemapEntry[]> {
  const rows = await sitemapQuery(db).execute();
  return rows.map((r) => ({ slug: r.slug, updatedAt: r.updated_at }));
}

export interface SummaryWithText {
  summary: ReportSummary;
  bodyText: string;
}

/** Reports by id, in the order of `ids` (missing ones left out), with their plain text. */
export async function listSummariesWithText(db: Db, ids: number[]): Promise<SummaryWithText[]> {
  if (ids.length === 0) return [];
  const rows = await taggedSummaryQuery(db).select('reports.body_text').where('reports.id', 'in', ids).execute();
  const byId = new Map(rows.map((row) => [row.id, { summary: taggedRowToSummary(row), bodyText: row.body_text }]));
  return ids.map((id) => byId.get(id)).filter((r): r is SummaryWithText => r !== undefined);
}

export interface IndexSource {
  id: number;
  title: string;
  bodyText: string;
}

/** Published reports after `afterId`, in id order: the source of a full reindex. */
export async function listPublishedForIndex(db: Q, afterId: number, limit: number): Promise<IndexSource[]> {
  const rows = await db
    .selectFrom('reports')
    .select(['id', 'title', 'body_text'])
    .where('status', '=', 'published')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, bodyText: r.body_text }));
}

/** Ids of published reports after `afterId`, in id order: a caller paging through them that reads the rows itself. */
export async function listPublishedIdsAfter(db: Q, afterId: number, limit: number): Promise<number[]> {
  const rows = await db.selectFrom('reports').select('id').where('status', '=', 'published').where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}

// ---- Editing (the admin): full rows with workflow fields, conditional writes, admin lists.

export async function findEditableReport(db: Q, id: number): Promise<EditableReport | undefined> {
  const report = await findReportById(db, id);
  if (!report) return undefined;
  const row = await db
    .selectFrom('reports')
    .leftJoin('users', 'users.id', 'reports.author_id')
    .select((eb) => [
      'reports.author_id',
      // An imported report has no account, only the name its old site gave (import-wxr).
      eb.fn.coalesce('users.display_name', 'reports.author_name').as('display_name'),
      'reports.submitted_at',
      'reports.scheduled_at',
      'reports.trashed_at',
    ])
    .where('reports.id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    ...report,
    authorId: row.author_id,
    authorName: row.display_name,
    submittedAt: row.submitted_at,
    scheduledAt: row.scheduled_at,
    trashedAt: row.trashed_at,
  };
}

/** Throws ReportNotFoundError. */
export async function getEditableReport(db: Q, id: number): Promise<EditableReport> {
  const report = await findEditableReport(db, id);
  if (!report) throw new ReportNotFoundError(String(id));
  return report;
}

/** The columns a content save writes (status and dates change through setReportStatus). */
export type ReportContentWrite = Omit<ReportWrite, 'status' | 'publishedAt' | 'authorId'>;

/**
 * Writes new content if the report is still at `expectedVersion`, and moves it to the next
 * version. Returns false when no row matched: the report moved on (or is gone), and the
 * caller raises the conflict.
 */
export async function updateReportContent(trx: Q, id: number, expectedVersion: number, input: ReportContentWrite, nowIso: string): Promise<boolean> {
  return updateItemContent(trx, 'report', id, expectedVersion, input, { activity_date: input.activityDate, category_id: input.categoryId }, nowIso);
}

/** Workflow columns; an undefined field is left as it is. */
export interface StatusChange {
  status: ReportStatus;
  publishedAt?: string | null;
  submittedAt?: string | null;
  scheduledAt?: string | null;
  trashedAt?: string | null;
}

/**
 * Changes the status if the report is still in one of `fromStatuses`; returns false when
 * it was not (another request changed it first), so two clicks never act twice.
 */
export async function setReportStatus(trx: Q, id: number, fromStatuses: readonly ReportStatus[], change: StatusChange, nowIso: string): Promise<boolean> {
  return setItemStatus(trx, 'report', id, fromStatuses, change, nowIso);
}

/**
 * Publishes every scheduled report whose time has come, in one conditional UPDATE, and
 * returns the ids it actually changed: a second process running the same statement at
 * the same moment changes (and returns) none of them. The publication time is the
 * scheduled one unless the report was published before.
 */
export async function publishDueScheduled(trx: Q, nowIso: string): Promise<number[]> {
  const rows = await trx
    .updateTable('reports')
    .set((eb) => ({
      status: 'published',
      published_at: eb.fn.coalesce('published_at', 'scheduled_at'),
      scheduled_at: null,
      submitted_at: null,
      updated_at: nowIso,
    }))
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '<=', nowIso)
    .returning('id')
    .execute();
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/** Ids of scheduled reports due at `nowIso`, earliest first (read-only; the scheduler uses publishDueScheduled). */
export async function listDueScheduled(db: Q, nowIso: string): Promise<number[]> {
  const rows = await db
    .selectFrom('reports')
    .select('id')
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '<=', nowIso)
    .orderBy('scheduled_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Deletes the report row with its tags and attachment links (the media records and files stay). */
export async function deleteReportRow(trx: Q, id: number): Promise<void> {
  await trx.deleteFrom('report_tags').where('report_id', '=', id).execute();
  await deleteAttachmentsOf(trx, { kind: 'report', id });
  await trx.deleteFrom('reports').where('id', '=', id).execute();
}

/** Without a status the list shows everything but the trash. */
export interface AdminReportFilter {
  status?: AdminStatus;
  categoryId?: number;
  authorId?: number;
  /** Contained in the title or the body's plain text (not case-folded beyond ASCII). */
  text?: string;
}

export interface AdminReportSummary extends ReportSummary {
  authorId: number | null;
  authorName: string | null;
  submittedAt: string | null;
  scheduledAt: string | null;
  trashedAt: string | null;
  version: number;
}

/** `%` and `_` typed by the user are literal; `\` escapes them. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function applyAdminFilter<O>(query: SelectQueryBuilder<Database, 'reports', O>, filter: AdminReportFilter) {
  let q = query;
  if (filter.status === 'review') q = q.where('reports.status', '=', 'draft').where('reports.submitted_at', 'is not', null);
  else if (filter.status) q = q.where('reports.status', '=', filter.status);
  else q = q.where('reports.status', '!=', 'trashed');
  if (filter.categoryId !== undefined) q = q.where('reports.category_id', '=', filter.categoryId);
  if (filter.authorId !== undefined) q = q.where('reports.author_id', '=', filter.authorId);
  const text = filter.text?.trim();
  if (text) {
    const pattern = likePattern(text);
    q = q.where((eb) =>
      eb.or([sql<boolean>`${eb.ref('reports.title')} like ${pattern} escape '\\'`, sql<boolean>`${eb.ref('reports.body_text')} like ${pattern} escape '\\'`]),
    );
  }
  return q;
}

/** The admin list: most recently changed first. */
export async function listReportsForAdmin(db: Q, filter: AdminReportFilter, page: PageRequest): Promise<{ total: number; items: AdminReportSummary[] }> {
  const countRow = await applyAdminFilter(db.selectFrom('reports'), filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const total = Number(countRow.n);
  if (total === 0 || page.offset >= total) return { total, items: [] };
  const rows = await applyAdminFilter(summaryQuery(db), filter)
    .leftJoin('users', 'users.id', 'reports.author_id')
    .select((eb) => [
      'reports.author_id',
      eb.fn.coalesce('users.display_name', 'reports.author_name').as('author_name'),
      'reports.submitted_at',
      'reports.scheduled_at',
      'reports.trashed_at',
      'reports.version',
    ])
    .orderBy('reports.updated_at', 'desc')
    .orderBy('reports.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const summaries = await withTags(db, rows);
  return {
    total,
    items: rows.map((row, i) => ({
      ...summaries[i]!,
      authorId: row.author_id,
      authorName: row.author_name,
      submittedAt: row.submitted_at,
      scheduledAt: row.scheduled_at,
      trashedAt: row.trashed_at,
      version: row.version,
    })),
  };
}

/** How many reports each admin tab holds ('review' drafts are also counted as 'draft'). */
export async function countReportsByAdminStatus(db: Q): Promise<Record<AdminStatus, number>> {
  const rows = await db
    .selectFrom('reports')
    .select((eb) => ['status', eb.fn.countAll<number>().as('n'), eb.fn.count<number>('submitted_at').as('submitted')])
    .groupBy('status')
    .execute();
  const counts: Record<AdminStatus, number> = { draft: 0, review: 0, scheduled: 0, published: 0, trashed: 0 };
  for (const row of rows) {
    counts[row.status as ReportStatus] = Number(row.n);
    if (row.status === 'draft') counts.review = Number(row.submitted);
  }
  return counts;
}
