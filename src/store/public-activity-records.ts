// The activity records the public may read (issue 16 items 5 and 6): confirmed by staff and of a
// published report, never an unconfirmed proposal. Read in batches (open data streams every record
// by report id; the API's list asks for one page's reports at once).
import type { ActivityRecord } from '../domain/activity-record/activity-record.js';
import { withLists } from './activity-records.js';
import type { Db } from './database.js';

export interface PublicActivityRecord {
  reportId: number;
  slug: string;
  title: string;
  record: ActivityRecord;
  /** When the record was last saved (the calendar's DTSTAMP). */
  updatedAt: string;
}

function publicRows(db: Db) {
  return db
    .selectFrom('activity_records')
    .innerJoin('reports', 'reports.id', 'activity_records.report_id')
    .selectAll('activity_records')
    .select(['reports.slug', 'reports.title'])
    .where('activity_records.is_confirmed', '=', 1)
    .where('reports.status', '=', 'published');
}

async function withReport(db: Db, rows: Awaited<ReturnType<ReturnType<typeof publicRows>['execute']>>): Promise<PublicActivityRecord[]> {
  const records = await withLists(db, rows);
  return rows.map((row, i) => ({ reportId: row.report_id, slug: row.slug, title: row.title, record: records[i]!.record, updatedAt: row.updated_at }));
}

/** Up to `limit` public records after the report id `afterReportId`, by report id (keyset: each batch is one indexed range). */
export async function listPublicActivityRecords(db: Db, afterReportId: number, limit: number): Promise<PublicActivityRecord[]> {
  const rows = await publicRows(db).where('activity_records.report_id', '>', afterReportId).orderBy('activity_records.report_id').limit(limit).execute();
  return withReport(db, rows);
}

/** The public records of these reports, by report id (reports without one are absent). */
export async function findPublicActivityRecords(db: Db, reportIds: readonly number[]): Promise<Map<number, ActivityRecord>> {
  if (reportIds.length === 0) return new Map();
  const rows = await publicRows(db).where('activity_records.report_id', 'in', reportIds).execute();
  return new Map((await withReport(db, rows)).map((r) => [r.reportId, r.record]));
}

/** Public records on `fromDay` or later, earliest first (the caller keeps those that have not started). */
export async function listPublicActivityRecordsFrom(db: Db, fromDay: string, limit: number): Promise<PublicActivityRecord[]> {
  const rows = await publicRows(db)
    .where('activity_records.activity_date', '>=', fromDay)
    .orderBy('activity_records.activity_date')
    .orderBy('activity_records.report_id')
    .limit(limit)
    .execute();
  return withReport(db, rows);
}
