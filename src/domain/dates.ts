// Dates as Japanese readers write and read them. Activity dates are calendar days
// (ISO `YYYY-MM-DD`, no time zone); instants are ISO strings in UTC.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DayParts {
  year: number;
  month: number;
  day: number;
}

/** A real calendar day between 1868 (Meiji) and 2200: 2023-02-29 is refused. */
export function isValidDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1868 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parseIsoDate(text: string): DayParts | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const parts = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDay(parts.year, parts.month, parts.day) ? parts : undefined;
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== undefined;
}

export function toIsoDate(parts: DayParts): string {
  return `${String(parts.year).padStart(4, '0')}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
}

/** 2013-11-02 → 2013年11月2日 */
export function formatJapaneseDate(isoDate: string): string {
  const parts = parseIsoDate(isoDate);
  if (!parts) return isoDate;
  return `${parts.year}年${parts.month}月${parts.day}日`;
}

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];

/** 2013-11-02 → 土 */
export function weekdayJa(isoDate: string): string {
  const parts = parseIsoDate(isoDate);
  if (!parts) return '';
  return WEEKDAYS[new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay()]!;
}

const ERAS: { name: string; start: string }[] = [
  { name: '令和', start: '2019-05-01' },
  { name: '平成', start: '1989-01-08' },
  { name: '昭和', start: '1926-12-25' },
  { name: '大正', start: '1912-07-30' },
  { name: '明治', start: '1868-01-25' },
];

/** 2013-11-02 → 平成25年11月2日; the first year of an era is 元年 (令和元年5月1日). */
export function formatWareki(isoDate: string): string {
  const parts = parseIsoDate(isoDate);
  if (!parts) return isoDate;
  const era = ERAS.find((e) => isoDate >= e.start);
  if (!era) return formatJapaneseDate(isoDate);
  const eraYear = parts.year - Number(era.start.slice(0, 4)) + 1;
  return `${era.name}${eraYear === 1 ? '元' : eraYear}年${parts.month}月${parts.day}日`;
}

/** Full-width digits to ASCII (the only normalisation dates need). */
function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

export interface FoundDate {
  /** Known when the text names the year (2013年, 平成25年, 2013/11/02). */
  year?: number;
  month: number;
  day: number;
  /** The matched characters, as written. */
  match: string;
}

const ERA_YEAR = '(令和|平成|昭和|大正|明治)(元|\\d{1,2})年';
const DATE_PATTERNS: RegExp[] = [
  new RegExp(`${ERA_YEAR}\\s*(\\d{1,2})月\\s*(\\d{1,2})日`),
  /(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})日/,
  /(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})(?!\d)/,
  /(\d{1,2})月\s*(\d{1,2})日/,
];

/**
 * The first date written in `text`: 2013年11月2日, 平成25年11月2日, 令和元年5月1日,
 * 2013/11/02, or 11月2日 (year unknown). Digits may be full-width.
 */
export function findDateInText(text: string): FoundDate | undefined {
  const ascii = asciiDigits(text);
  let best: { index: number; found: FoundDate } | undefined;
  for (const [i, pattern] of DATE_PATTERNS.entries()) {
    const m = pattern.exec(ascii);
    if (!m || (best && best.index <= m.index)) continue;
    const match = text.slice(m.index, m.index + m[0].length);
    let found: FoundDate;
    if (i === 0) {
      const era = ERAS.find((e) => e.name === m[1])!;
      const eraYear = m[2] === '元' ? 1 : Number(m[2]);
      found = { year: Number(era.start.slice(0, 4)) + eraYear - 1, month: Number(m[3]), day: Number(m[4]), match };
    } else if (i === 3) {
      found = { month: Number(m[1]), day: Number(m[2]), match };
    } else {
      found = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), match };
    }
    best = { index: m.index, found };
  }
  return best?.found;
}

/** ISO instant → the calendar day in Japan (UTC+9, no daylight saving). */
export function japanDayOf(instantIso: string): string {
  const shifted = new Date(Date.parse(instantIso) + 9 * 3600 * 1000);
  return shifted.toISOString().slice(0, 10);
}
