// Activity records (issue 16): one per report, with its lists in the activity_* tables, and the
// site's list of kinds (a settings row of its own; DEFAULT_ACTIVITY_KINDS until the owner saves one).
// A save replaces the whole record: the saved record is the truth, the proposal only a start.
import { sql, type Kysely, type Selectable } from 'kysely';
import { DEFAULT_ACTIVITY_KINDS, type ActivityRecord } from '../domain/activity-record/activity-record.js';
import type { ActivityRecordsTable, Database, Db } from './database.js';
import { DeferredRows } from './deferred-rows.js';
import { jsonList, jsonRow, parseJsonList } from './dialects/json-list.js';
import { reusableQuery } from './reusable-query.js';
import { findSettingValue, saveSettingValue } from './settings.js';

export interface StoredActivityRecord {
  reportId: number;
  record: ActivityRecord;
  /** False for a proposal nobody has confirmed yet (an import, or a re-extraction on request). */
  isConfirmed: boolean;
  updatedAt: string;
}

const LIST_TABLES = ['activity_spans', 'activity_participants', 'activity_outcomes', 'activity_affiliations', 'activity_documents'] as const;
const KINDS_KEY = 'activityKinds';

/** Replaces the report's record (and every list of it) in the caller's transaction. */
export async function saveActivityRecord(trx: Kysely<Database>, reportId: number, record: ActivityRecord, options: { isConfirmed: boolean; at: string }): Promise<void> {
  await deleteActivityRecord(trx, reportId);
  await insertRecords(trx, [{ reportId, record, options }]);
}

/** Writes the record of a report that has none (a report an import has just created). */
export async function insertActivityRecord(
  trx: Kysely<Database>,
  reportId: number,
  record: ActivityRecord,
  options: { isConfirmed: boolean; at: string },
): Promise<void> {
  const entry = { reportId, record, options };
  if (!heldRecords.note(trx, entry)) await insertRecords(trx, [entry]);
}

interface NewRecord {
  reportId: number;
  record: ActivityRecord;
  options: { isConfirmed: boolean; at: string };
}

/** New reports' records held back in an import's batch (store/deferred-rows.ts): one insert per table for the batch. */
const heldRecords = new DeferredRows<NewRecord>(insertRecords);

/** Records of reports that have none: each table's rows in one statement. */
async function insertRecords(trx: Kysely<Database>, entries: NewRecord[]): Promise<void> {
  await trx
    .insertInto('activity_records')
    .values(
      entries.map(({ reportId, record, options }) => ({
        report_id: reportId,
        kind: record.kind,
        activity_date: record.date,
        place: record.place,
        is_confirmed: options.isConfirmed ? 1 : 0,
        updated_at: options.at,
      })),
    )
    .execute();
  const listed = <T>(rowsOf: (record: ActivityRecord) => T[]) =>
    entries.flatMap(({ reportId, record }) => rowsOf(record).map((row, position) => ({ report_id: reportId, position, ...row })));
  const spans = listed((r) => r.spans.map((s) => ({ label: s.label, start_time: s.start, end_time: s.end })));
  const participants = listed((r) =>
    r.participants.map((p) => ({
      name: p.name,
      title: p.title,
      side: p.side,
      organisation: p.organisation,
      country: p.country,
      is_legislator: p.isLegislator ? 1 : 0,
    })),
  );
  const outcomes = listed((r) => r.outcomes.map((sentence) => ({ sentence })));
  const affiliations = listed((r) => [...r.organisations.map((name) => ({ kind: 'organisation', name })), ...r.countries.map((name) => ({ kind: 'country', name }))]);
  const documents = listed((r) => r.documents.map((d) => ({ title: d.title, url: d.url })));
  if (spans.length > 0) await trx.insertInto('activity_spans').values(spans).execute();
  if (participants.length > 0) await trx.insertInto('activity_participants').values(participants).execute();
  if (outcomes.length > 0) await trx.insertInto('activity_outcomes').values(outcomes).execute();
  if (affiliations.length > 0) await trx.insertInto('activity_affiliations').values(affiliations).execute();
  if (documents.length > 0) await trx.insertInto('activity_documents').values(documents).execute();
}

/** Whether the report has a record staff confirmed (an import leaves such a record alone). */
export async function hasConfirmedActivityRecord(db: Db, reportId: number): Promise<boolean> {
  const row = await db.selectFrom('activity_records').select('is_confirmed').where('report_id', '=', reportId).executeTakeFirst();
  return row?.is_confirmed === 1;
}

/** Removes the report's record, if it has one. */
export async function deleteActivityRecord(trx: Kysely<Database>, reportId: number): Promise<void> {
  for (const table of LIST_TABLES) await trx.deleteFrom(table).where('report_id', '=', reportId).execute();
  await trx.deleteFrom('activity_records').where('report_id', '=', reportId).execute();
}

/** What each list table holds beside report_id and position (a record's lists as JSON take these). */
const LIST_COLUMNS = {
  activity_spans: ['label', 'start_time', 'end_time'],
  activity_participants: ['name', 'title', 'side', 'organisation', 'country', 'is_legislator'],
  activity_outcomes: ['sentence'],
  activity_affiliations: ['kind', 'name'],
  activity_documents: ['title', 'url'],
} as const satisfies Record<(typeof LIST_TABLES)[number], readonly string[]>;

type ListRow<T extends keyof typeof LIST_COLUMNS> = Pick<Selectable<Database[T]>, Extract<(typeof LIST_COLUMNS)[T][number], keyof Selectable<Database[T]>>>;

/** A record's lists, each in its written order. */
interface RecordLists {
  spans: ListRow<'activity_spans'>[];
  participants: ListRow<'activity_participants'>[];
  outcomes: ListRow<'activity_outcomes'>[];
  affiliations: ListRow<'activity_affiliations'>[];
  documents: ListRow<'activity_documents'>[];
}

/**
 * Read on every report page: the record's row with each of its lists as a JSON column
 * (dialects/json-list.ts), one query where withLists takes six; compiled once per connection.
 */
const recordWithLists = reusableQuery((db, v: { reportId: number }) => {
  const list = (table: keyof typeof LIST_COLUMNS) =>
    db
      .selectFrom(table)
      .select(
        jsonList(db, jsonRow(db, Object.fromEntries(LIST_COLUMNS[table].map((column) => [column, `${table}.${column}`]))), [sql.ref(`${table}.position`)]).as('rows'),
      )
      .where(sql.ref(`${table}.report_id`), '=', sql.ref('activity_records.report_id'));
  return db
    .selectFrom('activity_records')
    .selectAll()
    .select([
      list('activity_spans').as('spans_json'),
      list('activity_participants').as('participants_json'),
      list('activity_outcomes').as('outcomes_json'),
      list('activity_affiliations').as('affiliations_json'),
      list('activity_documents').as('documents_json'),
    ])
    .where('report_id', '=', v.reportId);
});

export async function findActivityRecord(db: Db, reportId: number): Promise<StoredActivityRecord | undefined> {
  const [row] = await recordWithLists(db, { reportId });
  if (!row) return undefined;
  return toStoredRecord(row, {
    spans: parseJsonList(row.spans_json),
    participants: parseJsonList(row.participants_json),
    outcomes: parseJsonList(row.outcomes_json),
    affiliations: parseJsonList(row.affiliations_json),
    documents: parseJsonList(row.documents_json),
  });
}

/** Records read in bulk (open data, the API's lists): each row with its lists, in the rows' order, six queries for all of them. */
export async function withLists(db: Db, rows: Selectable<ActivityRecordsTable>[]): Promise<StoredActivityRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.report_id);
  const [spans, participants, outcomes, affiliations, documents] = await Promise.all([
    db.selectFrom('activity_spans').selectAll().where('report_id', 'in', ids).orderBy('report_id').orderBy('position').execute(),
    db.selectFrom('activity_participants').selectAll().where('report_id', 'in', ids).orderBy('report_id').orderBy('position').execute(),
    db.selectFrom('activity_outcomes').selectAll().where('report_id', 'in', ids).orderBy('report_id').orderBy('position').execute(),
    db.selectFrom('activity_affiliations').selectAll().where('report_id', 'in', ids).orderBy('report_id').orderBy('position').execute(),
    db.selectFrom('activity_documents').selectAll().where('report_id', 'in', ids).orderBy('report_id').orderBy('position').execute(),
  ]);
  const by = <R extends { report_id: number }>(all: R[]) => {
    const grouped = new Map<number, R[]>();
    for (const r of all) {
      const group = grouped.get(r.report_id);
      if (group) group.push(r);
      else grouped.set(r.report_id, [r]);
    }
    return (id: number) => grouped.get(id) ?? [];
  };
  const [spansOf, participantsOf, outcomesOf, affiliationsOf, documentsOf] = [by(spans), by(participants), by(outcomes), by(affiliations), by(documents)];
  return rows.map((row) =>
    toStoredRecord(row, {
      spans: spansOf(row.report_id),
      participants: participantsOf(row.report_id),
      outcomes: outcomesOf(row.report_id),
      affiliations: affiliationsOf(row.report_id),
      documents: documentsOf(row.report_id),
    }),
  );
}

function toStoredRecord(row: Selectable<ActivityRecordsTable>, lists: RecordLists): StoredActivityRecord {
  return {
    reportId: row.report_id,
    isConfirmed: row.is_confirmed === 1,
    updatedAt: row.updated_at,
    record: {
      kind: row.kind,
      date: row.activity_date,
      spans: lists.spans.map((s) => ({ label: s.label, start: s.start_time, end: s.end_time })),
      place: row.place,
      participants: lists.participants.map((p) => ({
        name: p.name,
        title: p.title,
        side: p.side,
        organisation: p.organisation,
        country: p.country,
        isLegislator: p.is_legislator === 1,
      })),
      organisations: lists.affiliations.filter((a) => a.kind === 'organisation').map((a) => a.name),
      countries: lists.affiliations.filter((a) => a.kind === 'country').map((a) => a.name),
      outcomes: lists.outcomes.map((o) => o.sentence),
      documents: lists.documents.map((d) => ({ title: d.title, url: d.url })),
    },
  };
}

/** The site's kinds of activity, in the owner's order. */
export async function getActivityKinds(db: Db): Promise<string[]> {
  const value = await findSettingValue(db, KINDS_KEY);
  const isList = Array.isArray(value) && value.length > 0 && value.every((k) => typeof k === 'string');
  return isList ? (value as string[]) : [...DEFAULT_ACTIVITY_KINDS];
}

/** Stores the kinds list as given (checkActivityKinds has checked it). */
export async function saveActivityKinds(trx: Kysely<Database>, kinds: readonly string[]): Promise<void> {
  await saveSettingValue(trx, KINDS_KEY, kinds);
}
