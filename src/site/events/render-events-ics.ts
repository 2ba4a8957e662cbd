// /events.ics (issue 16 item 5): the upcoming activities as an iCalendar feed (RFC 5545, made
// by ical-generator), for a reader's calendar app. Times are written in UTC (`…Z`), which every
// client converts: ical-generator writes a TZID time from the process's own zone unless a zone
// library is added, and Japan's offset never changes, so nothing is lost. An activity without a
// written time is a day-long event on its Japan date. UID: the report, stable across edits;
// DTSTAMP: when its record was saved, so the server and the static build write the same bytes.
import ical, { ICalCalendarMethod } from 'ical-generator';
import { spanInstants } from '../../domain/activity-record/activity-record.js';
import { absoluteUrl, paths } from '../../domain/paths.js';
import { getSettings } from '../../store/settings.js';
import type { SiteDeps } from '../site-deps.js';
import { loadUpcoming, type UpcomingActivity } from './load-upcoming.js';

export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';

function eventTimes(activity: UpcomingActivity): { start: Date; end?: Date; allDay?: true } {
  const { date, spans } = activity.record;
  const first = spans[0];
  if (first === undefined || date === null) return { start: new Date(`${activity.startsAt.slice(0, 10)}T00:00:00Z`), allDay: true };
  const last = spans.at(-1)!;
  const endsAt = spanInstants(date, last).endsAt ?? spanInstants(date, last).startsAt;
  return { start: new Date(activity.startsAt), end: new Date(endsAt) };
}

export async function renderEventsIcs(deps: Pick<SiteDeps, 'ctx' | 'baseUrl'>): Promise<string> {
  const [settings, upcoming] = await Promise.all([getSettings(deps.ctx.db), loadUpcoming(deps)]);
  const host = new URL(deps.baseUrl).host;
  const name = settings.legislatorName === '' ? '活動予定' : `${settings.legislatorName} 活動予定`;
  const calendar = ical({ name, prodId: { company: 'katsudo', product: 'katsudo', language: 'JA' }, method: ICalCalendarMethod.PUBLISH });
  calendar.x([{ key: 'X-WR-TIMEZONE', value: 'Asia/Tokyo' }]);
  for (const activity of upcoming) {
    const url = absoluteUrl(deps.baseUrl, paths.report(activity.slug));
    calendar.createEvent({
      id: `report-${activity.reportId}@${host}`,
      stamp: new Date(activity.updatedAt),
      ...eventTimes(activity),
      summary: activity.title,
      location: activity.record.place,
      description: `${activity.record.kind}\n${url}`,
      url,
      categories: [{ name: activity.record.kind }],
    });
  }
  return calendar.toString();
}
