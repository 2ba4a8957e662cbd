// Japan time: the one place that turns instants into Japan's wall clock and back. Japan has
// kept UTC+9 all year since 1952 (no daylight saving), so a fixed offset is exact for every
// date katsudo stores; Intl is used only to spell an instant in Japanese.

/** Japan's offset from UTC, as ISO 8601 writes it. */
export const JAPAN_OFFSET = '+09:00';

const JAPAN_OFFSET_MS = 9 * 3_600_000;

/** A wall-clock reading in Japan; month is 1–12. */
export interface JapanWallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
}

/** Japan's wall clock at an instant, as `YYYY-MM-DDTHH:mm:ss.sssZ` would read with the Z dropped. */
function japanIso(instant: Date | string): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(ms + JAPAN_OFFSET_MS).toISOString().slice(0, 23);
}

/** The calendar day in Japan at an instant: `2026-11-21`. */
export function japanDayOf(instant: Date | string): string {
  return japanIso(instant).slice(0, 10);
}

/** An instant as a datetime-local field shows it in Japan time: `2026-11-21T09:00`. */
export function japanLocalMinuteOf(instant: Date | string): string {
  return japanIso(instant).slice(0, 16);
}

/** An instant as WordPress writes a local time: `2026-11-21 09:00:00` (Japan time). */
export function japanDateTimeOf(instant: Date | string): string {
  return japanIso(instant).slice(0, 19).replace('T', ' ');
}

/** The instant at a Japan wall-clock reading (fields out of range roll over, as Date.UTC does). */
export function instantAtJapanTime(clock: JapanWallClock): Date {
  return new Date(Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second ?? 0) - JAPAN_OFFSET_MS);
}

/**
 * The instant of a local time written without a zone (`2026-11-21 09:00:00` or with a `T`),
 * read as Japan time. An invalid date when the text is not one.
 */
export function instantOfJapanText(text: string): Date {
  return new Date(`${text.trim().replace(' ', 'T')}${JAPAN_OFFSET}`);
}

/** Midnight Japan time starting a calendar day, as an ISO instant with its zone: `2026-11-21T00:00:00+09:00`. */
export function japanStartOfDay(isoDate: string): string {
  return japanTimeOfDay(isoDate, '00:00');
}

/** A wall-clock time (`09:20`) on a calendar day in Japan, as an ISO instant with its zone: `2026-11-21T09:20:00+09:00`. */
export function japanTimeOfDay(isoDate: string, time: string): string {
  return `${isoDate}T${time}:00${JAPAN_OFFSET}`;
}

const DATE_TIME_JA = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant in Japan time as the admin shows it: 「2026年11月20日 12:05」; the text itself when it is no instant. */
export function formatJapanDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DATE_TIME_JA.format(date);
}
