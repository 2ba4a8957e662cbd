import { formatJapaneseDate } from '../../domain/dates.js';
import { paths } from '../../domain/paths.js';
import type { ReportSummary } from '../../domain/report.js';
import { htmlKeptBy, RenderedElement } from './html-block.js';
import { Phrases } from './phrases.js';

/**
 * Each report's entry rendered once per summary object (for each heading level): a report
 * is listed on five pages or more, and its summary is kept per content version (load-summaries.ts).
 */
const itemHtml = { 2: htmlKeptBy<ReportSummary>(), 3: htmlKeptBy<ReportSummary>() };

/** Newest-first list of reports: date, category, title (the link) and summary. */
export function ReportList({ reports, headingLevel = 2 }: { reports: ReportSummary[]; headingLevel?: 2 | 3 }) {
  return (
    <ol class="report-list">
      {reports.map((report) => (
        <RenderedElement
          tag="li"
          class="report-list-item"
          html={itemHtml[headingLevel](report, () => (
            <ReportListEntry report={report} headingLevel={headingLevel} />
          ))}
        />
      ))}
    </ol>
  );
}

function ReportListEntry({ report, headingLevel }: { report: ReportSummary; headingLevel: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article>
      <Heading class="report-list-title">
        <a href={paths.report(report.slug)}>
          <Phrases text={report.title} />
        </a>
      </Heading>
      <ReportListMeta report={report} />
      {report.summary && <p class="report-list-summary">{report.summary}</p>}
    </article>
  );
}

/** The date and category under a report's title in a list (search results too). */
export function ReportListMeta({ report }: { report: ReportSummary }) {
  return (
    <p class="report-list-meta">
      <time datetime={report.activityDate}>{formatJapaneseDate(report.activityDate)}</time>
      {report.category && (
        <>
          <span class="sep" aria-hidden="true">
            ・
          </span>
          <span class="category-label">{report.category.name}</span>
        </>
      )}
    </p>
  );
}
