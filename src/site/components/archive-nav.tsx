import { paths } from '../../domain/paths.js';
import type { Category, MonthCount, TagCount } from '../../domain/report.js';
import { htmlKeptBy, RenderedElement } from './html-block.js';

export interface ArchiveData {
  months: MonthCount[];
  categories: Category[];
  tags: TagCount[];
}

/** The archive counts of a content version (load-archive-data.ts) rendered once for all its list pages. */
const archiveNavHtml = htmlKeptBy<ArchiveData>();

/** Side navigation of the archives: by category, by year, by tag. Months are on the year pages. */
export function ArchiveNav({ data }: { data: ArchiveData }) {
  return (
    <RenderedElement
      tag="aside"
      class="archive-nav"
      aria-label="活動報告のアーカイブ"
      html={archiveNavHtml(data, () => (
        <ArchiveSections data={data} />
      ))}
    />
  );
}

function ArchiveSections({ data }: { data: ArchiveData }) {
  const years = new Map<number, MonthCount[]>();
  for (const m of data.months) years.set(m.year, [...(years.get(m.year) ?? []), m]);
  return (
    <>
      {data.categories.length > 0 && (
        <section aria-labelledby="archive-categories">
          <h2 id="archive-categories">カテゴリー</h2>
          <ul>
            {data.categories.map((c) => (
              <li>
                <a href={paths.category(c.slug)}>{c.name}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {years.size > 0 && (
        <section aria-labelledby="archive-years">
          <h2 id="archive-years">年別</h2>
          <ul class="archive-years">
            {[...years.entries()].map(([year, months]) => (
              <li>
                <a href={paths.year(year)}>
                  {year}年<span class="count">({months.reduce((n, m) => n + m.count, 0)}件)</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {data.tags.length > 0 && (
        <section aria-labelledby="archive-tags">
          <h2 id="archive-tags">タグ</h2>
          <ul class="tag-cloud">
            {data.tags.map((t) => (
              <li>
                <a href={paths.tag(t.name)}>
                  {t.name}
                  <span class="count">({t.count})</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** Links to the months of one year that have reports (on year and month archives). */
export function MonthNav({ year, months, current }: { year: number; months: MonthCount[]; current?: number }) {
  if (months.length === 0) return null;
  return (
    <nav class="month-nav" aria-label={`${year}年の月別`}>
      <ul>
        {[...months].reverse().map((m) => (
          <li>
            {m.month === current ? (
              <span aria-current="page">{m.month}月</span>
            ) : (
              <a href={paths.month(m.year, m.month)}>
                {m.month}月<span class="count">({m.count}件)</span>
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
