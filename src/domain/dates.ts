// Dates as Japanese readers write and read them. Activity dates are calendar days
// (ISO `YYYY-MM-DD`, no time zone); instants are ISO strings in UTC. Written dates are read
// in domain/japanese-dates.ts, eras come from domain/eras.ts.
import { eraOf } from './eras.js';

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

/** 2013-11-02 → 平成25年11月2日; the first year of an era is 元年 (令和元年5月1日). */
export function formatWareki(isoDate: string): string {
  const parts = parseIsoDate(isoDate);
  if (!parts) return isoDate;
  const found = eraOf(parts);
  if (!found) return formatJapaneseDate(isoDate);
  return `${found.era.name}${found.eraYear === 1 ? '元' : found.eraYear}年${parts.month}月${parts.day}日`;
}
