// The Japanese eras (元号) from 明治 on, read from Intl's Japanese calendar
// ('ja-JP-u-ca-japanese') rather than written by hand: the first and last day of each era,
// its name and its letter (R, H, S, T, M). One table for formatting 和暦 (domain/dates.ts)
// and for reading it (domain/japanese-dates.ts).
import type { DayParts } from './dates.js';

export interface Era {
  name: string;
  letter: string;
  first: DayParts;
  /** Absent for the current era. */
  last?: DayParts;
}

const FIRST_YEAR = 1868;
const LAST_YEAR = 2200;
const DAY_MS = 24 * 3600 * 1000;

const longEra = /* @__PURE__ */ new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'UTC' });
const narrowEra = /* @__PURE__ */ new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'narrow', year: 'numeric', timeZone: 'UTC' });

function eraPart(format: Intl.DateTimeFormat, ms: number): string {
  return format.formatToParts(ms).find((p) => p.type === 'era')?.value ?? '';
}

function dayOf(ms: number): DayParts {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The first day (UTC midnight) after `from` whose era differs from that of `from`; `to` holds it. */
function firstDayOfNextEra(from: number, to: number): number {
  const name = eraPart(longEra, from);
  let lo = from;
  let hi = to;
  while (hi - lo > DAY_MS) {
    const mid = lo + Math.floor((hi - lo) / DAY_MS / 2) * DAY_MS;
    if (eraPart(longEra, mid) === name) lo = mid;
    else hi = mid;
  }
  return hi;
}

function readEras(): Era[] {
  // Probing the last day of each year finds every change; a binary search finds its day.
  const eras: Era[] = [];
  let previous = Date.UTC(FIRST_YEAR - 1, 11, 31);
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    const probe = Date.UTC(year, 11, 31);
    if (eraPart(longEra, probe) !== eraPart(longEra, previous)) {
      const first = firstDayOfNextEra(previous, probe);
      const current = eras[eras.length - 1];
      if (current) current.last = dayOf(first - DAY_MS);
      eras.push({ name: eraPart(longEra, first), letter: eraPart(narrowEra, first), first: dayOf(first) });
    }
    previous = probe;
  }
  return eras.reverse();
}

/** Newest first: 令和, 平成, 昭和, 大正, 明治. */
export const ERAS: readonly Era[] = /* @__PURE__ */ readEras();

/** The era a day falls in and its year in that era (1 for 元年), or undefined before 明治. */
export function eraOf(parts: DayParts): { era: Era; eraYear: number } | undefined {
  const key = dayKey(parts);
  const era = ERAS.find((e) => key >= dayKey(e.first));
  return era ? { era, eraYear: parts.year - era.first.year + 1 } : undefined;
}

/** Whether a day lies within an era (平成元年1月7日 was still 昭和64年). */
export function isWithinEra(parts: DayParts, era: Era): boolean {
  const key = dayKey(parts);
  return key >= dayKey(era.first) && (era.last === undefined || key <= dayKey(era.last));
}

/** An era by its name (平成) or letter (H). */
export function findEra(nameOrLetter: string): Era | undefined {
  return ERAS.find((e) => e.name === nameOrLetter || e.letter === nameOrLetter.toUpperCase());
}

function dayKey(p: DayParts): number {
  return p.year * 10000 + p.month * 100 + p.day;
}
