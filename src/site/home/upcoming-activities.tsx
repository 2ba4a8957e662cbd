// The home page's 「予定」 (issue 16 item 5): the activities that have not started yet, earliest
// first, each linking to its report, with the calendar feed and the open data files beside them.
import { activityDataPaths } from '../../domain/activity-record/data-paths.js';
import { formatJapaneseDate, weekdayJa } from '../../domain/dates.js';

export interface UpcomingItem {
  title: string;
  path: string;
  kind: string;
  /** The Japan day (`2026-12-05`). */
  date: string;
  /** `18:00`, `18:00〜19:30`, or null for a day without a written time. */
  time: string | null;
  place: string | null;
}

export function UpcomingActivities({ items }: { items: UpcomingItem[] }) {
  return (
    <section class="upcoming" aria-labelledby="upcoming-title">
      <h2 id="upcoming-title">予定</h2>
      {items.length === 0 ? (
        <p>いまお知らせしている予定はありません。</p>
      ) : (
        <ul class="upcoming-list">
          {items.map((item) => (
            <li>
              <time datetime={item.date}>
                {formatJapaneseDate(item.date)}({weekdayJa(item.date)}){item.time === null ? '' : ` ${item.time}`}
              </time>{' '}
              <a href={item.path}>{item.title}</a>
              <span class="upcoming-meta">
                {item.kind}
                {item.place === null ? '' : `・${item.place}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p class="more-link">
        <a href={activityDataPaths.ics} type="text/calendar">
          予定をカレンダーに登録(iCalendar)
        </a>
      </p>
      <p class="more-link">
        活動記録のオープンデータ: <a href={activityDataPaths.csv}>CSV</a>・<a href={activityDataPaths.json}>JSON</a>
      </p>
    </section>
  );
}
