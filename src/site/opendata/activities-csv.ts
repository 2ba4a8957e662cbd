// /opendata/activities.csv (issue 16 item 6): one row per activity (a confirmed record of a
// published report), UTF-8 with a BOM so that Excel reads it as UTF-8, CRLF line ends, quoted
// as RFC 4180 says (csv-stringify). Columns: docs/opendata.md, kept in step by a test.
// CSV injection: a spreadsheet runs a cell that starts with = + - @ (or a tab or CR) as a
// formula, so such a cell gets a leading apostrophe, which spreadsheets show as text.
import { stringify } from 'csv-stringify/sync';
import type { ActivityRecord } from '../../domain/activity-record/activity-record.js';
import { activityStartsAt } from '../../domain/activity-record/is-upcoming.js';
import { absoluteUrl, paths } from '../../domain/paths.js';
import type { PublicActivityRecord } from '../../store/public-activity-records.js';
import type { SiteDeps } from '../site-deps.js';
import { publicActivityBatches } from './public-activity-batches.js';

export const ACTIVITIES_CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

export const ACTIVITY_CSV_COLUMNS = [
  'report_id',
  'report_url',
  'report_title',
  'kind',
  'date',
  'starts_at',
  'ends_at',
  'spans',
  'place',
  'participants',
  'legislator_present',
  'organisations',
  'countries',
  'outcomes',
  'documents',
] as const;

/** Joins a list inside one cell. */
const LIST_SEPARATOR = ' | ';
const BOM = '\uFEFF';

/** A cell a spreadsheet would run as a formula, shown as text instead. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function toCsv(rows: unknown[][]): string {
  return stringify(rows, { record_delimiter: 'windows', quoted_match: /[\r\n]/, cast: { string: neutraliseFormula, boolean: (b) => (b ? 'true' : 'false') } });
}

function endsAt(record: ActivityRecord): string | null {
  const last = record.spans.at(-1);
  return record.date === null || !last?.end ? null : `${record.date}T${last.end}:00+09:00`;
}

function participantText(p: ActivityRecord['participants'][number]): string {
  const affiliation = [p.side === null ? null : `${p.side}側`, p.organisation, p.country].filter((x) => x !== null);
  return `${p.name}${p.title === null ? '' : ` ${p.title}`}${affiliation.length === 0 ? '' : `(${affiliation.join('、')})`}`;
}

export function activityCsvRow({ reportId, slug, title, record }: PublicActivityRecord, baseUrl: string): unknown[] {
  return [
    reportId,
    absoluteUrl(baseUrl, paths.report(slug)),
    title,
    record.kind,
    record.date,
    activityStartsAt(record),
    endsAt(record),
    record.spans.map((s) => `${s.label === null ? '' : `${s.label} `}${s.start}-${s.end ?? ''}`).join(LIST_SEPARATOR),
    record.place,
    record.participants.map(participantText).join(LIST_SEPARATOR),
    record.participants.some((p) => p.isLegislator),
    record.organisations.join(LIST_SEPARATOR),
    record.countries.join(LIST_SEPARATOR),
    record.outcomes.join(LIST_SEPARATOR),
    record.documents.map((d) => absoluteUrl(baseUrl, d.url)).join(LIST_SEPARATOR),
  ];
}

/** The file as chunks: the BOM and header, then one chunk per batch of records. */
export async function* activitiesCsv(deps: Pick<SiteDeps, 'ctx' | 'baseUrl'>): AsyncGenerator<string> {
  yield BOM + toCsv([[...ACTIVITY_CSV_COLUMNS]]);
  for await (const batch of publicActivityBatches(deps)) yield toCsv(batch.map((r) => activityCsvRow(r, deps.baseUrl)));
}
