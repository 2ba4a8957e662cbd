// Which activities are 「予定」 (issue 16 item 5): a confirmed record of a published report
// whose activity has not started yet, in Japan time. It starts at its first span's start on
// its day, or, without a written time, at the start of its day (so a day-long event is
// upcoming until that day begins). The kind does not matter: a published report dated in the
// future is itself the notice (国政報告会・集会 most often, but also 街頭活動 or 視察).
import { japanDayOf, japanStartOfDay, japanTimeOfDay } from '../japan-time.js';
import type { ActivityRecord } from './activity-record.js';

/** When the activity starts, as an ISO instant with Japan's offset; null for a record without a day. */
export function activityStartsAt(record: Pick<ActivityRecord, 'date' | 'spans'>): string | null {
  if (record.date === null) return null;
  const first = record.spans[0];
  return first === undefined ? japanStartOfDay(record.date) : japanTimeOfDay(record.date, first.start);
}

export function isUpcoming(record: Pick<ActivityRecord, 'date' | 'spans'>, now: Date): boolean {
  const startsAt = activityStartsAt(record);
  return startsAt !== null && Date.parse(startsAt) > now.getTime();
}

/** The first day that can hold an upcoming activity: today in Japan (a store's lower bound before isUpcoming decides). */
export function firstUpcomingDay(now: Date): string {
  return japanDayOf(now);
}
