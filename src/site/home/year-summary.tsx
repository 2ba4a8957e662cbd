// The home page's summary of this year's activity (issue 16): how many reports and days,
// the kinds most reported, and the way to the year's calendar.
import type { YearActivity } from '../../domain/activity-record/year-activity.js';
import { paths } from '../../domain/paths.js';

/** Kinds shown on the home page; the calendar page has them all. */
const KINDS_SHOWN = 5;

export function YearSummary({ activity }: { activity: YearActivity }) {
  const { year, total } = activity;
  const kinds = activity.kinds.filter((k): k is { kind: string; count: number } => k.kind !== null).slice(0, KINDS_SHOWN);
  return (
    <section class="year-summary" aria-labelledby="year-summary-title">
      <h2 id="year-summary-title">{year}年の活動</h2>
      {total === 0 ? (
        <p>{year}年の活動報告はまだありません。</p>
      ) : (
        <>
          <p>
            活動報告 {total}件(活動日 {activity.days.size}日)
          </p>
          {kinds.length > 0 && (
            <ul>
              {kinds.map(({ kind, count }) => (
                <li>
                  <a href={paths.activityKind(kind)}>{kind}</a> {count}件
                </li>
              ))}
            </ul>
          )}
          <p class="more-link">
            <a href={paths.year(year)}>{year}年の活動カレンダーへ</a>
          </p>
        </>
      )}
    </section>
  );
}
