// A year of activity on /activity/<year>/ (issue 16): a heatmap of the days with reports,
// drawn as SVG on the server (no script), with its legend, and the same counts as tables
// by month and by kind for those who do not see the picture.
import type { YearActivity } from '../../domain/activity-record/year-activity.js';
import { paths } from '../../domain/paths.js';

/** Fills for 0, 1, 2, 3 and 4 or more reports a day; each ≥ 3:1 against the white page (WCAG 1.4.11), 0 drawn by its outline. */
const LEVELS = ['#ffffff', '#59923a', '#3f7a24', '#2b5f17', '#173f0b'] as const;
const EMPTY_OUTLINE = '#8c8c8c';
const LEGEND = ['0件', '1件', '2件', '3件', '4件以上'];
const CELL = 10;
const STEP = 12;
const LEFT = 20;
const TOP = 14;
const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];

export function ActivityCalendar({ activity, headingLevel = 2 }: { activity: YearActivity; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const { year } = activity;
  return (
    <section class="activity-calendar" aria-labelledby="calendar-title">
      <H id="calendar-title">{year}年の活動カレンダー</H>
      <Heatmap activity={activity} />
      <ul class="heatmap-legend" aria-label="色の凡例(1日の活動報告の件数)">
        {LEGEND.map((label, i) => (
          <li>
            <svg width={CELL} height={CELL} aria-hidden="true">
              <rect x="0.5" y="0.5" width={CELL - 1} height={CELL - 1} fill={LEVELS[i]} stroke={i === 0 ? EMPTY_OUTLINE : LEVELS[i]} />
            </svg>
            {label}
          </li>
        ))}
      </ul>
      <table class="counts">
        <caption>月別の件数</caption>
        <thead>
          <tr>
            <th scope="col">月</th>
            <th scope="col">活動報告</th>
            <th scope="col">活動日数</th>
          </tr>
        </thead>
        <tbody>
          {activity.months.map((count, i) => (
            <tr>
              <th scope="row">{count > 0 ? <a href={paths.month(year, i + 1)}>{i + 1}月</a> : `${i + 1}月`}</th>
              <td>{count}件</td>
              <td>{activity.monthDays[i]}日</td>
            </tr>
          ))}
        </tbody>
      </table>
      {activity.kinds.length > 0 && (
        <table class="counts">
          <caption>活動の種類別の件数</caption>
          <thead>
            <tr>
              <th scope="col">種類</th>
              <th scope="col">活動報告</th>
            </tr>
          </thead>
          <tbody>
            {activity.kinds.map(({ kind, count }) => (
              <tr>
                <th scope="row">{kind === null ? '記録なし' : <a href={paths.activityKind(kind)}>{kind}</a>}</th>
                <td>{count}件</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Heatmap({ activity }: { activity: YearActivity }) {
  const { year } = activity;
  const firstWeekday = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const dayCount = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
  const columns = Math.ceil((dayCount + firstWeekday) / 7);
  const width = LEFT + columns * STEP;
  const height = TOP + 7 * STEP;
  const cells = [];
  const monthLabels = [];
  for (let d = 0; d < dayCount; d++) {
    const date = new Date(Date.UTC(year, 0, 1 + d));
    const iso = date.toISOString().slice(0, 10);
    const count = activity.days.get(iso) ?? 0;
    const x = LEFT + Math.floor((d + firstWeekday) / 7) * STEP;
    const y = TOP + ((d + firstWeekday) % 7) * STEP;
    if (date.getUTCDate() === 1) {
      monthLabels.push(
        <text x={x} y={TOP - 4}>
          {date.getUTCMonth() + 1}月
        </text>,
      );
    }
    const fill = LEVELS[Math.min(count, LEVELS.length - 1)];
    cells.push(
      count === 0 ? (
        <rect x={x + 0.5} y={y + 0.5} width={CELL - 1} height={CELL - 1} fill={fill} stroke={EMPTY_OUTLINE} />
      ) : (
        <rect x={x} y={y} width={CELL} height={CELL} fill={fill}>
          <title>
            {date.getUTCMonth() + 1}月{date.getUTCDate()}日 {count}件
          </title>
        </rect>
      ),
    );
  }
  return (
    <svg class="heatmap" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-labelledby="heatmap-title" font-size="9" fill="#1f2328">
      <title id="heatmap-title">
        {year}年の活動日({activity.days.size}日、{activity.total}件)。日ごとの件数を色の濃さで示します。月別の件数は下の表にあります。
      </title>
      {monthLabels}
      {[1, 3, 5].map((row) => (
        <text x="0" y={TOP + row * STEP + CELL - 1}>
          {WEEKDAYS[row]}
        </text>
      ))}
      {cells}
    </svg>
  );
}
