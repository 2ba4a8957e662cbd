// Upcoming activities (issue 16 item 5): the public records that have not started yet
// (domain/activity-record/is-upcoming.ts), earliest first. Read by the home page's 「予定」 and
// by /events.ics.
import { activityStartsAt, firstUpcomingDay, isUpcoming } from '../../domain/activity-record/is-upcoming.js';
import { activityDataPaths } from '../../domain/activity-record/data-paths.js';
import { japanDayOf, japanLocalMinuteOf } from '../../domain/japan-time.js';
import { paths } from '../../domain/paths.js';
import { listPublicActivityRecordsFrom, type PublicActivityRecord } from '../../store/public-activity-records.js';
import type { SiteDeps } from '../site-deps.js';

/** More would not be "upcoming" to a reader; the feed and the home page show at most this many. */
export const MAX_UPCOMING = 50;

/**
 * What upcoming activities change with besides writes: the clock. A page that lists them (home,
 * /events.ics) is cached per hour of Japan time, so an activity that has started leaves it within
 * the hour without waiting for a write; the key holds the year, so the home page's year summary
 * turns at midnight on 1 January too.
 */
export function upcomingClockKey(now: Date): string {
  return japanLocalMinuteOf(now).slice(0, 13);
}

/** The public pages that show what the clock decides (clockShownKey): the home page and /events.ics. */
export const CLOCK_PATHS: readonly string[] = [paths.home(), activityDataPaths.ics];

/**
 * What the clock decides on CLOCK_PATHS: this year in Japan (the home page's year summary) and
 * which activities are still upcoming (its 「予定」 and /events.ics). The server caches those pages
 * per hour (upcomingClockKey); a static build renders them again when this key differs from its
 * last build's, and the publish hook builds every hour to check (exporter/).
 */
export async function clockShownKey(deps: Pick<SiteDeps, 'ctx'>): Promise<string> {
  const upcoming = await loadUpcoming(deps);
  return `${japanDayOf(deps.ctx.now()).slice(0, 4)}:${upcoming.map((activity) => activity.reportId).join(',')}`;
}

export interface UpcomingActivity extends PublicActivityRecord {
  startsAt: string;
}

export async function loadUpcoming(deps: Pick<SiteDeps, 'ctx'>, limit = MAX_UPCOMING): Promise<UpcomingActivity[]> {
  const now = deps.ctx.now();
  // Today's records that have started already are read and left out: a day holds few.
  const candidates = await listPublicActivityRecordsFrom(deps.ctx.db, firstUpcomingDay(now), limit + 20);
  return candidates
    .filter((c) => isUpcoming(c.record, now))
    .map((c) => ({ ...c, startsAt: activityStartsAt(c.record)! }))
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.reportId - b.reportId)
    .slice(0, limit);
}
