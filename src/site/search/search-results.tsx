// The results part of /search: the matching fixed pages, the count, the list of reports with
// highlighted titles and snippets, paging, and the no-result message. The server's search
// page renders them with its results; the static search page renders them once more with
// sample values as templates (search-templates.tsx), which its script clones and fills, so
// both show one markup.
import { paths, type SearchParams } from '../../domain/paths.js';
import type { ReportSummary } from '../../domain/report.js';
import type { TextPart } from '../../domain/search/snippet.js';
import { MarkedText } from '../components/marked-text.js';
import { Pagination } from '../components/pagination.js';
import { ReportListMeta } from '../components/report-list.js';
import { isFilteredSearch } from './search-filters.js';

export interface SearchHit {
  report: ReportSummary;
  title: TextPart[];
  snippet: TextPart[];
  /** 'attachment': the words stand only in the text of an attached PDF, the snippet is from it. */
  matchedIn: 'report' | 'attachment';
  attachmentLabel?: string;
}

export interface SearchResults {
  total: number;
  items: SearchHit[];
  page: number;
  pageCount: number;
}

export interface PageHit {
  title: string;
  path: string;
  excerpt: string;
}

/** A page of fixed-page hits: all of them with the ページ filter, the first ones above the reports otherwise. */
export interface PageResults {
  total: number;
  items: PageHit[];
  page: number;
  pageCount: number;
}

/** What follows the list of fixed pages: their pagination (the ページ filter), a link to all of them, or nothing. */
export type PageResultsFooter = 'pagination' | 'more' | 'none';

/** Fixed pages (政策, 事務所案内 …) that match: above the reports, as they answer "where is …" questions. */
export function PageResults({ pages, params }: { pages: PageResults; params: SearchParams }) {
  const isPageFilter = params.kind === 'page';
  if (pages.total === 0) {
    return isPageFilter ? <p class="result-count">「{params.q}」に一致するページは見つかりませんでした。</p> : null;
  }
  const footer = isPageFilter ? 'pagination' : pages.total > pages.items.length ? 'more' : 'none';
  return <PageResultsSection pages={pages} params={params} footer={footer} />;
}

export function PageResultsSection({ pages, params, footer }: { pages: PageResults; params: SearchParams; footer: PageResultsFooter }) {
  const { total, items, page, pageCount } = pages;
  return (
    <section class="search-pages" aria-labelledby="search-pages-title">
      <h2 id="search-pages-title">
        ページ({total}件{params.kind === 'page' && pageCount > 1 && `、${page}/${pageCount}ページ`})
      </h2>
      <ul class="report-list search-results">
        {items.map((hit) => (
          <PageResultItem hit={hit} />
        ))}
      </ul>
      {footer === 'pagination' && <Pagination info={{ page, pageCount, basePath: paths.search(params) }} />}
      {footer === 'more' && (
        <p>
          <a href={paths.search({ ...params, kind: 'page' })}>一致するページをすべて見る({total}件)</a>
        </p>
      )}
    </section>
  );
}

export function PageResultItem({ hit }: { hit: PageHit }) {
  return (
    <li class="report-list-item">
      <h3 class="report-list-title">
        <a href={hit.path}>{hit.title}</a>
      </h3>
      {hit.excerpt && <p class="search-snippet">{hit.excerpt}</p>}
    </li>
  );
}

export function Results({ params, results }: { params: SearchParams; results: SearchResults }) {
  const { total, items, page, pageCount } = results;
  if (total === 0) return <NoResults params={params} />;
  return (
    <>
      <p class="result-count">
        {total}件{pageCount > 1 && `(${page}/${pageCount}ページ)`}
      </p>
      <ol class="report-list search-results">
        {items.map((hit) => (
          <ReportResultItem hit={hit} />
        ))}
      </ol>
      <Pagination info={{ page, pageCount, basePath: paths.search(params) }} />
    </>
  );
}

export function ReportResultItem({ hit }: { hit: SearchHit }) {
  const { report, title, snippet, matchedIn, attachmentLabel } = hit;
  return (
    <li class="report-list-item">
      <article>
        <h2 class="report-list-title">
          <a href={paths.report(report.slug)}>
            <MarkedText parts={title} />
          </a>
        </h2>
        <ReportListMeta report={report} />
        {matchedIn === 'attachment' && (
          <p class="search-source">
            <span class="search-source-tag">添付資料内</span>「{attachmentLabel}」
          </p>
        )}
        <p class="search-snippet">
          <MarkedText parts={snippet} />
        </p>
      </article>
    </li>
  );
}

function NoResults({ params }: { params: SearchParams }) {
  const isFiltered = isFilteredSearch(params);
  return (
    <div class="search-empty">
      <p class="result-count">0件</p>
      <p>
        「{params.q}」{isFiltered && '(絞り込みあり)'}に一致する活動報告は見つかりませんでした。次のことをお試しください。
      </p>
      <ul>
        <li>語を短くする(例:「子育て支援策」→「子育て」)</li>
        <li>語の数を減らす</li>
        <li>別の言い方や表記で探す</li>
        {isFiltered && (
          <li>
            <a href={paths.search({ q: params.q })}>年・カテゴリーの絞り込みを外して探す</a>
          </li>
        )}
      </ul>
    </div>
  );
}
