import { formatJapaneseDate, formatWareki, weekdayJa } from '../../domain/dates.js';
import { paths } from '../../domain/paths.js';
import { descriptionOf } from '../../domain/description.js';
import type { PublicReport, ReportSummary } from '../../domain/report.js';
import { AttachmentList } from '../components/attachment-list.js';
import { HtmlBlock } from '../components/html-block.js';
import { Phrases } from '../components/phrases.js';
import { Layout, type SiteContext } from '../layout/layout.js';
import { Breadcrumbs } from '../report-list/report-list-page.js';
import { RecordSummary, type RecordSummaryProps } from './record-summary.js';

export interface ReportPageProps {
  site: SiteContext;
  report: PublicReport;
  older?: ReportSummary;
  newer?: ReportSummary;
  jsonLd: Record<string, unknown>[];
  /** The confirmed activity record, shown as the 「概要」 box. */
  record?: RecordSummaryProps;
}

/** A table of contents helps only when there are several sections to jump between. */
const MIN_TOC_ENTRIES = 3;

export function ReportPage({ site, report, older, newer, jsonLd, record }: ReportPageProps) {
  const description = descriptionOf(report.summary, report.textStart);
  const toc = report.outline.filter((e) => e.depth === 1);
  return (
    <Layout
      site={site}
      meta={{
        title: report.title,
        description,
        canonicalPath: paths.report(report.slug),
        ogType: 'article',
        jsonLd,
        section: paths.activity(),
      }}
    >
      <div class="reading">
        <Breadcrumbs crumbs={[{ label: '活動報告', path: paths.activity() }, { label: report.title }]} />
        <article class="report" aria-labelledby="report-title">
          <header class="report-header">
            <p class="report-kind">活動報告</p>
            <h1 id="report-title" class="report-title">
              <Phrases text={report.title} />
            </h1>
            <p class="report-meta">
              <time datetime={report.activityDate} title={formatWareki(report.activityDate)}>
                {formatJapaneseDate(report.activityDate)}({weekdayJa(report.activityDate)})
              </time>
              {report.category && (
                <>
                  <span class="sep" aria-hidden="true">
                    ・
                  </span>
                  <a href={paths.category(report.category.slug)}>{report.category.name}</a>
                </>
              )}
            </p>
            {report.tags.length > 0 && (
              <ul class="tags" aria-label="タグ">
                {report.tags.map((tag) => (
                  <li>
                    <a href={paths.tag(tag)}>{tag}</a>
                  </li>
                ))}
              </ul>
            )}
          </header>
          {record && <RecordSummary {...record} />}
          {toc.length >= MIN_TOC_ENTRIES && (
            <nav class="toc" aria-labelledby="toc-title">
              <h2 id="toc-title">目次</h2>
              <ol>
                {toc.map((entry) => (
                  <li>
                    <a href={`#${entry.id}`}>{entry.number === '' ? entry.title : `${entry.number} ${entry.title}`}</a>
                  </li>
                ))}
              </ol>
            </nav>
          )}
          <HtmlBlock class="report-body" html={report.bodyHtml} />
          <AttachmentList attachments={report.attachments} />
        </article>
        {(older || newer) && (
          <nav class="report-pager" aria-label="前後の活動報告">
            <ul>
              {newer && (
                <li class="newer">
                  <a href={paths.report(newer.slug)} rel="next">
                    <span class="pager-label">次の報告</span>
                    <span class="pager-title">{newer.title}</span>
                  </a>
                </li>
              )}
              {older && (
                <li class="older">
                  <a href={paths.report(older.slug)} rel="prev">
                    <span class="pager-label">前の報告</span>
                    <span class="pager-title">{older.title}</span>
                  </a>
                </li>
              )}
            </ul>
          </nav>
        )}
      </div>
    </Layout>
  );
}
