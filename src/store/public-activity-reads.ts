// What the public pages of activity records read across reports (issue 16 items 3 and 4:
// people, kinds, the calendar): only confirmed records of published reports. A proposal
// nobody confirmed never reaches a public page. One record's reads: public-activity-records.ts.
import type { ActivityParticipant } from '../domain/activity-record/activity-record.js';
import type { Db } from './database.js';

/** One participant of a published report's confirmed record. */
export interface PublicParticipantRow extends ActivityParticipant {
  reportId: number;
}

/** Every participant, newest report first (the public list order), each report's in its written order. */
export async function listPublicParticipants(db: Db): Promise<PublicParticipantRow[]> {
  const rows = await db
    .selectFrom('activity_participants as p')
    .innerJoin('activity_records as r', 'r.report_id', 'p.report_id')
    .innerJoin('reports', 'reports.id', 'p.report_id')
    .select(['p.report_id', 'p.name', 'p.title', 'p.side', 'p.organisation', 'p.country', 'p.is_legislator'])
    .where('r.is_confirmed', '=', 1)
    .where('reports.status', '=', 'published')
    .orderBy('reports.activity_date', 'desc')
    .orderBy('reports.id', 'desc')
    .orderBy('p.position')
    .execute();
  return rows.map((r) => ({
    reportId: r.report_id,
    name: r.name,
    title: r.title,
    side: r.side,
    organisation: r.organisation,
    country: r.country,
    isLegislator: r.is_legislator === 1,
  }));
}

/** A published report's day and, when it has a confirmed record, its kind. */
export interface ActivityDayRow {
  activityDate: string;
  kind: string | null;
}

/** The published reports of a year (by the report's activity date), for the calendar and the year's summary. */
export async function listActivityDays(db: Db, year: number): Promise<ActivityDayRow[]> {
  const rows = await db
    .selectFrom('reports')
    .leftJoin('activity_records as r', (join) => join.onRef('r.report_id', '=', 'reports.id').on('r.is_confirmed', '=', 1))
    .select(['reports.activity_date', 'r.kind'])
    .where('reports.status', '=', 'published')
    .where('reports.activity_date', '>=', `${String(year).padStart(4, '0')}-01-01`)
    .where('reports.activity_date', '<', `${String(year + 1).padStart(4, '0')}-01-01`)
    .execute();
  return rows.map((r) => ({ activityDate: r.activity_date, kind: r.kind ?? null }));
}

/** Each kind the confirmed records of published reports name, with how many reports. */
export async function countPublicKinds(db: Db): Promise<{ kind: string; count: number }[]> {
  const rows = await db
    .selectFrom('activity_records as r')
    .innerJoin('reports', 'reports.id', 'r.report_id')
    .select((eb) => ['r.kind', eb.fn.countAll<number>().as('n')])
    .where('r.is_confirmed', '=', 1)
    .where('reports.status', '=', 'published')
    .groupBy('r.kind')
    .orderBy('r.kind')
    .execute();
  return rows.map((r) => ({ kind: r.kind, count: Number(r.n) }));
}
