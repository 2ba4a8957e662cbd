// Dates as old Japanese sites wrote them, for importing saved pages: every date in a text
// (2013年11月2日, 平成25年11月2日, H25.11.2, 2013/11/02, 11月2日(土)), with the era
// boundaries checked (昭和64年1月7日 exists, 昭和64年1月8日 does not), and the year a
// page's URL implies (/2013/11/…, 20131102.html). Pure: text in, parts out.
import { isValidDay, toIsoDate } from './dates.js';
import { ERAS, findEra, isWithinEra } from './eras.js';
import { foldWidth } from './fold-width.js';

export interface WrittenDate {
  /** Known when the text names the year. */
  year?: number;
  month: number;
  day: number;
  /** Where the match starts in the text, and the characters as written. */
  index: number;
  match: string;
}

const ERA_NAMES = ERAS.map((e) => e.name).join('|');
const ERA_LETTERS = ERAS.map((e) => e.letter).join('');
// One alternation, longest forms first, so that 2013年11月2日 is never read as 11月2日.
const DATE = new RegExp(
  [
    `(?<era>${ERA_NAMES})\\s*(?<eraYear>元|\\d{1,2})\\s*年\\s*(?<em>\\d{1,2})\\s*月\\s*(?<ed>\\d{1,2})\\s*日`,
    `(?<![A-Za-z])(?<letter>[${ERA_LETTERS}])(?<letterYear>\\d{1,2})\\.(?<lm>\\d{1,2})\\.(?<ld>\\d{1,2})(?!\\d|\\.\\d)`,
    `(?<!\\d)(?<y>\\d{4})\\s*年\\s*(?<m>\\d{1,2})\\s*月\\s*(?<d>\\d{1,2})\\s*日`,
    `(?<!\\d|\\d[./-])(?<sy>\\d{4})(?<sep>[/.-])(?<sm>\\d{1,2})\\k<sep>(?<sd>\\d{1,2})(?!\\d|[./-]\\d)`,
    `(?<![\\d年])(?<om>\\d{1,2})\\s*月\\s*(?<od>\\d{1,2})\\s*日`,
  ].join('|'),
  'g',
);

function fromMatch(groups: Record<string, string | undefined>): Omit<WrittenDate, 'index' | 'match'> | undefined {
  const g = groups;
  if (g.era !== undefined || g.letter !== undefined) {
    const era = findEra(g.era ?? g.letter!)!;
    const rawYear = g.eraYear ?? g.letterYear!;
    const eraYear = rawYear === '元' ? 1 : Number(rawYear);
    if (eraYear < 1) return undefined;
    const parts = { year: era.first.year + eraYear - 1, month: Number(g.em ?? g.lm), day: Number(g.ed ?? g.ld) };
    if (!isValidDay(parts.year, parts.month, parts.day) || !isWithinEra(parts, era)) return undefined;
    return parts;
  }
  if (g.y !== undefined || g.sy !== undefined) {
    const parts = { year: Number(g.y ?? g.sy), month: Number(g.m ?? g.sm), day: Number(g.d ?? g.sd) };
    return isValidDay(parts.year, parts.month, parts.day) ? parts : undefined;
  }
  const month = Number(g.om);
  const day = Number(g.od);
  // 2月29日 exists in a leap year; whether the page's year is one is checked on resolving.
  return isValidDay(2000, month, day) ? { month, day } : undefined;
}

/** Every date written in `text`, in order; impossible ones (2月30日, 平成元年1月7日) are left out. */
export function findWrittenDates(text: string): WrittenDate[] {
  const ascii = foldWidth(text);
  const dates: WrittenDate[] = [];
  for (const m of ascii.matchAll(DATE)) {
    const parts = fromMatch(m.groups ?? {});
    if (!parts) continue;
    dates.push({ ...parts, index: m.index!, match: text.slice(m.index!, m.index! + m[0].length) });
  }
  return dates;
}

/** The one date a short text is (「2013年11月2日(土)」「掲載日:H25.11.2」), or undefined. */
export function parseWrittenDate(text: string): WrittenDate | undefined {
  const dates = findWrittenDates(text);
  return dates.length === 1 ? dates[0] : undefined;
}

/** The ISO day of a written date, its missing year taken from `year`; undefined if impossible. */
export function resolveWrittenDate(date: WrittenDate, year?: number): string | undefined {
  const y = date.year ?? year;
  if (y === undefined || !isValidDay(y, date.month, date.day)) return undefined;
  return toIsoDate({ year: y, month: date.month, day: date.day });
}

/**
 * The year a page's URL path implies: a path segment that is a year (/2013/11/…), or a
 * segment starting with a full date (20131102.html, 2013-11-02-visit.html).
 */
export function yearFromUrlPath(path: string): number | undefined {
  for (const segment of path.split('/').reverse()) {
    const compact = /^(\d{4})(\d{2})(\d{2})(?!\d)/.exec(segment);
    if (compact && isValidDay(Number(compact[1]), Number(compact[2]), Number(compact[3]))) return Number(compact[1]);
    const dashed = /^(\d{4})[-_](\d{1,2})[-_](\d{1,2})(?!\d)/.exec(segment);
    if (dashed && isValidDay(Number(dashed[1]), Number(dashed[2]), Number(dashed[3]))) return Number(dashed[1]);
  }
  for (const segment of path.split('/').reverse()) {
    const year = /^(\d{4})$/.exec(segment);
    if (year && Number(year[1]) >= 1989 && Number(year[1]) <= 2200) return Number(year[1]);
  }
  return undefined;
}
