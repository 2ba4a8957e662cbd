import { summariseYear, type YearActivity } from '../../domain/activity-record/year-activity.js';
import type { Db } from '../../store/database.js';
import { listActivityDays } from '../../store/public-activity-reads.js';
import { memoByContentVersion } from '../content-memo.js';

/** A year's activity counts (the year archive's calendar, the home page's summary), read once per content version. */
export function loadYearActivity(db: Db, year: number): Promise<YearActivity> {
  return memoByContentVersion(db, `year activity ${year}`, async () => summariseYear(year, await listActivityDays(db, year)));
}
