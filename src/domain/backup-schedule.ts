// When the server's daily backup runs, and what the dashboard says about the last ones.
import { instantAtJapanTime, japanDayOf } from './japan-time.js';

export interface TimeOfDay {
  hour: number;
  minute: number;
}

/** The first moment after `now` at `time` Japan time (03:00 JST is 18:00 UTC the day before). */
export function nextBackupAt(now: Date, time: TimeOfDay): Date {
  const [year, month, day] = japanDayOf(now).split('-').map(Number) as [number, number, number];
  let at = instantAtJapanTime({ year, month, day, ...time }).getTime();
  if (at <= now.getTime()) at += 24 * 3_600_000;
  return new Date(at);
}

/** The outcome of the scheduled backups so far, as kept beside the archives. */
export interface BackupStatus {
  lastSuccess?: { at: string; file: string };
  /** Set while the latest run failed; cleared by the next success. */
  lastFailure?: { at: string; message: string };
}
