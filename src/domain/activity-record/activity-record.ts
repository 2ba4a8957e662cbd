// The structured record of one activity report (issue 16): what kind of activity it was,
// when (Japan time), where, who took part, and what was agreed. The extractor proposes one
// from the report text (extract-activity-record.ts); staff confirm it, and from then on the
// saved record is the truth.
import { japanTimeOfDay } from '../japan-time.js';

/** The kinds a new site starts with; the owner may edit the list (「その他」 is the fallback). */
export const DEFAULT_ACTIVITY_KINDS: readonly string[] = [
  '会談・協議',
  '委員会質疑',
  '本会議',
  '視察',
  '要望・陳情',
  '意見交換・会合',
  '街頭活動',
  '国政報告会・集会',
  '式典・行事',
  '記者会見',
  'その他',
];

export const OTHER_ACTIVITY_KIND = 'その他';

/** One stretch of the day, as wall-clock times in Japan (`09:20`); `end` is null when only the start is written. */
export interface ActivitySpan {
  /** What happened in it as the text names it (「協議」「ワーキング・ランチ」), or null. */
  label: string | null;
  start: string;
  end: string | null;
}

export interface ActivityParticipant {
  /** As written in the text (often the surname alone: 「岸田」). */
  name: string;
  /** Title or role (「外務大臣」「会長」), or null. */
  title: string | null;
  /** The side of a meeting as the text names it (「日本」 for 「日本側からは」), or null. */
  side: string | null;
  organisation: string | null;
  country: string | null;
  /** Whether this is the legislator whose site publishes the report. */
  isLegislator: boolean;
}

export interface RelatedDocument {
  title: string;
  url: string;
}

export interface ActivityRecord {
  kind: string;
  /** The activity's calendar day in Japan (`2013-11-02`), or null when neither text nor report gives one. */
  date: string | null;
  spans: ActivitySpan[];
  /** Free text (「東京」「市役所本庁舎」), or null. */
  place: string | null;
  participants: ActivityParticipant[];
  organisations: string[];
  countries: string[];
  /** The sentences that state an agreement or a decision, as written. */
  outcomes: string[];
  documents: RelatedDocument[];
}

/** A span's start and end as ISO instants with Japan's offset (`2013-11-02T09:20:00+09:00`). */
export function spanInstants(date: string, span: ActivitySpan): { startsAt: string; endsAt: string | null } {
  return {
    startsAt: japanTimeOfDay(date, span.start),
    endsAt: span.end === null ? null : japanTimeOfDay(date, span.end),
  };
}
