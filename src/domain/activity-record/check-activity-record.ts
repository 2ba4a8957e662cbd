// The rules a record must pass before it is saved (issue 16, "Bad input"): a kind from the
// site's list, a real day, times of the clock with each span ending after it starts, a name for
// every participant that is a name and not a sentence. Messages are per field, in Japanese, so
// the editor can show each beside its field with the typed input kept.
import { isIsoDate } from '../dates.js';
import { ValidationError } from '../errors.js';
import type { ActivityRecord, ActivitySpan } from './activity-record.js';
import { foldWidth } from '../fold-width.js';

export const ACTIVITY_RECORD_LIMITS = { name: 40, title: 60, affiliation: 80, place: 200, outcome: 1000, label: 40 } as const;

const CLOCK = /^(\d{1,2}):(\d{2})$/;
/** Punctuation that ends or joins clauses: a "name" holding one is a sentence. */
const SENTENCE_MARK = /[。、,.!?]/;

/** `9:20` → `09:20`; undefined when it is no time of the day (25:00, 9:75). `24:00` only as an end. */
function clockOf(text: string, isEnd: boolean): string | undefined {
  const m = CLOCK.exec(foldWidth(text).trim());
  if (!m) return undefined;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (minute > 59 || hour > 24 || (hour === 24 && (minute > 0 || !isEnd))) return undefined;
  return `${String(hour).padStart(2, '0')}:${m[2]}`;
}

function optional(text: string | null): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function checkSpan(span: ActivitySpan, key: string, fields: Record<string, string>): ActivitySpan {
  const start = clockOf(span.start, false);
  const end = span.end === null || span.end.trim() === '' ? null : clockOf(span.end, true);
  if (start === undefined) fields[`${key}.start`] = '開始時刻は 0:00 から 23:59 までの時刻で入力してください(例: 9:20)。';
  if (end === undefined) fields[`${key}.end`] = '終了時刻は 0:00 から 24:00 までの時刻で入力してください(例: 11:15)。';
  if (start !== undefined && end !== undefined && end !== null && end <= start) {
    fields[`${key}.end`] = `終了時刻(${end})が開始時刻(${start})より前か同じです。終了時刻を確かめてください。`;
  }
  return { label: optional(span.label), start: start ?? span.start, end: end ?? span.end };
}

function tooLong(limit: number): string {
  return `${limit}文字以内で入力してください。`;
}

/**
 * The record as it will be saved (text trimmed, times as `HH:MM`).
 * @throws ValidationError with a message per field (`kind`, `date`, `spans.0.end`, `participants.1.name`, …).
 */
export function checkActivityRecord(input: ActivityRecord, kinds: readonly string[]): ActivityRecord {
  const fields: Record<string, string> = {};
  if (!kinds.includes(input.kind)) fields.kind = `種類「${input.kind}」は今の種類の一覧にありません。一覧から選び直してください。`;
  const date = optional(input.date);
  if (date !== null && !isIsoDate(date)) fields.date = '日付は 2024-06-10 の形で、実在する日を入力してください。';
  const place = optional(input.place);
  if (place !== null && place.length > ACTIVITY_RECORD_LIMITS.place) fields.place = tooLong(ACTIVITY_RECORD_LIMITS.place);
  const spans = input.spans.map((span, i) => checkSpan(span, `spans.${i}`, fields));
  const participants = input.participants.map((p, i) => {
    const name = p.name.trim();
    const key = `participants.${i}`;
    if (name === '') fields[`${key}.name`] = '出席者の名前を入力してください(要らない行は削除してください)。';
    else if (SENTENCE_MARK.test(foldWidth(name)) || name.length > ACTIVITY_RECORD_LIMITS.name) {
      fields[`${key}.name`] = `名前の欄には名前だけを入力してください(句読点を含まない${ACTIVITY_RECORD_LIMITS.name}文字以内)。肩書きは肩書きの欄へ。`;
    }
    const checked = { ...p, name, title: optional(p.title), side: optional(p.side), organisation: optional(p.organisation), country: optional(p.country) };
    if ((checked.title?.length ?? 0) > ACTIVITY_RECORD_LIMITS.title) fields[`${key}.title`] = tooLong(ACTIVITY_RECORD_LIMITS.title);
    for (const field of ['side', 'organisation', 'country'] as const) {
      if ((checked[field]?.length ?? 0) > ACTIVITY_RECORD_LIMITS.affiliation) fields[`${key}.${field}`] = tooLong(ACTIVITY_RECORD_LIMITS.affiliation);
    }
    return checked;
  });
  const outcomes = input.outcomes.map((o) => o.trim()).filter((o) => o !== '');
  outcomes.forEach((o, i) => {
    if (o.length > ACTIVITY_RECORD_LIMITS.outcome) fields[`outcomes.${i}`] = tooLong(ACTIVITY_RECORD_LIMITS.outcome);
  });
  const first = Object.values(fields)[0];
  if (first !== undefined) throw new ValidationError(first, fields);
  return {
    ...input,
    date,
    place,
    spans,
    participants,
    organisations: input.organisations.map((o) => o.trim()).filter((o) => o !== ''),
    countries: input.countries.map((c) => c.trim()).filter((c) => c !== ''),
    outcomes,
  };
}
