// Clock times as reports write them (9時20分, 9:20, 午前9時20分, 午後3時, 正午, 10時半) and the
// spans they form (9時20分から11時15分, 13:00〜14:30, 午後1時-3時). A time written alone counts
// only when it starts something (「14時から」「午前10時に」). Impossible times (25時, 9時75分) and
// spans that end before they start are left out: the extractor proposes nothing it cannot read.
import type { ActivitySpan } from './activity-record.js';

const CLOCK = /(?<!\d)(?:(午前|午後)\s*)?(?:(\d{1,2})\s*時(?:\s*(\d{1,2})\s*分|(半))?(?!間|点|代|限)|(\d{1,2}):(\d{2})(?!\d|:)|(正午))/g;
const RANGE_JOIN = /^\s*(?:から|より|~|-|―)\s*$/;
const STARTS_SOMETHING = /^\s*(?:から|より|に|~)/;
/** The last clause boundary of a text: the label never reaches back across one. */
const CLAUSE_END = /[、,。(\n](?=[^、,。(\n]*$)/;
const LABEL = /([\p{sc=Han}\p{sc=Katakana}ー・]{1,20})(?:は|を)\s*$/u;

interface Clock {
  index: number;
  end: number;
  meridiem: string | undefined;
  /** Minutes after midnight, or undefined when the time is impossible. */
  minutes: number | undefined;
  hasMeridiem: boolean;
}

function readClock(m: RegExpMatchArray): Clock {
  const meridiem = m[1];
  const base = { index: m.index!, end: m.index! + m[0].length, meridiem, hasMeridiem: meridiem !== undefined };
  if (m[7] !== undefined) return { ...base, minutes: meridiem === undefined ? 12 * 60 : undefined };
  let hour = Number(m[2] ?? m[5]);
  const minute = m[4] !== undefined ? 30 : Number(m[3] ?? m[6] ?? 0);
  if (minute > 59) return { ...base, minutes: undefined };
  if (meridiem !== undefined) {
    if (hour > 12) return { ...base, minutes: undefined };
    if (meridiem === '午後' && hour < 12) hour += 12;
    if (meridiem === '午前' && hour === 12) hour = 0;
  }
  if (hour > 24 || (hour === 24 && minute > 0)) return { ...base, minutes: undefined };
  return { ...base, minutes: hour * 60 + minute };
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** 「午後1時から3時」: the end takes the start's 午後 when it has none of its own. */
function endMinutes(start: Clock, end: Clock): number | undefined {
  if (end.minutes === undefined) return undefined;
  if (start.meridiem === '午後' && !end.hasMeridiem && end.minutes < 12 * 60) return end.minutes + 12 * 60;
  return end.minutes;
}

/** The word before 「は」 ahead of the first time, within its clause: 「協議は9時20分から」 → 協議. */
function labelBefore(folded: string, index: number): string | null {
  const before = folded.slice(Math.max(0, index - 40), index);
  const clause = before.slice(before.search(CLAUSE_END) + 1);
  const m = LABEL.exec(clause);
  return m ? m[1]! : null;
}

/** Every written time span in `folded` (see domain/fold-width.ts), in order, without repeats. */
export function findTimeSpans(folded: string): ActivitySpan[] {
  const clocks = [...folded.matchAll(CLOCK)].map(readClock);
  const spans: ActivitySpan[] = [];
  const seen = new Set<string>();
  const add = (span: ActivitySpan) => {
    const key = `${span.start}-${span.end}`;
    if (seen.has(key)) return;
    seen.add(key);
    spans.push(span);
  };
  for (let i = 0; i < clocks.length; i++) {
    const start = clocks[i]!;
    const next = clocks[i + 1];
    const isRange = next !== undefined && RANGE_JOIN.test(folded.slice(start.end, next.index));
    if (isRange) i++;
    if (start.minutes === undefined) continue;
    const label = labelBefore(folded, start.index);
    if (isRange) {
      const end = endMinutes(start, next);
      if (end !== undefined && end > start.minutes) add({ label, start: hhmm(start.minutes), end: hhmm(end) });
      continue;
    }
    if (start.minutes < 24 * 60 && STARTS_SOMETHING.test(folded.slice(start.end, start.end + 3))) {
      add({ label, start: hhmm(start.minutes), end: null });
    }
  }
  return spans;
}
