// The static search page's templates: each part of the results (a report, a fixed page, the
// count and list, the no-result message, the fixed pages' section, the pagination, a <mark>)
// rendered by the server's own components (search-results.tsx) with sample values
// (search-template-samples.ts), in <template> elements. The page's script clones them and
// puts a search's values in place of the samples, so the static page shows the server's
// markup and follows any change to it.
import type { SearchParams } from '../../domain/paths.js';
import type { VNode } from 'preact';
import { MarkedText } from '../components/marked-text.js';
import { Pagination } from '../components/pagination.js';
import { PageResultItem, PageResults, PageResultsSection, ReportResultItem, Results, type PageResultsFooter, type SearchHit } from './search-results.js';
import { TEMPLATE_SAMPLE as S, TEMPLATE_SAMPLE_BASE, type TemplateName } from './search-template-samples.js';

function sampleHit(hasCategory: boolean, isAttachment: boolean): SearchHit {
  return {
    report: {
      id: 0,
      slug: S.slug,
      title: S.title,
      activityDate: S.date,
      publishedAt: null,
      updatedAt: S.date,
      status: 'published',
      summary: '',
      category: hasCategory ? { id: 0, slug: S.categorySlug, name: S.category } : null,
      tags: [],
    },
    title: [{ text: S.title, isMatch: false }],
    snippet: [{ text: S.snippet, isMatch: false }],
    matchedIn: isAttachment ? 'attachment' : 'report',
    attachmentLabel: isAttachment ? S.attachmentLabel : undefined,
  };
}

const samplePage = (excerpt: string) => ({ title: S.pageTitle, path: S.pagePath, excerpt });
const query: SearchParams = { q: S.q };
const pageQuery: SearchParams = { q: S.q, kind: 'page' };
const results = (page: number, pageCount: number) => ({ total: S.total, items: [sampleHit(false, false)], page, pageCount });
const pagesSection = (params: SearchParams, footer: PageResultsFooter, page = 1, pageCount = 1) => (
  <PageResultsSection pages={{ total: S.total, items: [samplePage('')], page, pageCount }} params={params} footer={footer} />
);

const TEMPLATES: Record<TemplateName, () => VNode | null> = {
  mark: () => <MarkedText parts={[{ text: S.mark, isMatch: true }]} />,
  'report-item': () => <ReportResultItem hit={sampleHit(false, false)} />,
  'report-item-category': () => <ReportResultItem hit={sampleHit(true, false)} />,
  'report-item-attachment': () => <ReportResultItem hit={sampleHit(false, true)} />,
  'report-item-category-attachment': () => <ReportResultItem hit={sampleHit(true, true)} />,
  'page-item': () => <PageResultItem hit={samplePage('')} />,
  'page-item-excerpt': () => <PageResultItem hit={samplePage(S.excerpt)} />,
  results: () => <Results params={query} results={results(1, 1)} />,
  'results-paged': () => <Results params={query} results={results(S.page, S.pageCount)} />,
  'no-results': () => <Results params={query} results={{ total: 0, items: [], page: 1, pageCount: 1 }} />,
  'no-results-filtered': () => <Results params={{ ...query, year: 1901 }} results={{ total: 0, items: [], page: 1, pageCount: 1 }} />,
  pages: () => pagesSection(query, 'none'),
  'pages-more': () => pagesSection(query, 'more'),
  'pages-filter': () => pagesSection(pageQuery, 'pagination'),
  'pages-filter-paged': () => pagesSection(pageQuery, 'pagination', S.page, S.pageCount),
  'pages-none': () => <PageResults pages={{ total: 0, items: [], page: 1, pageCount: 1 }} params={pageQuery} />,
  pagination: () => <Pagination info={{ page: S.page, pageCount: S.pageCount, basePath: TEMPLATE_SAMPLE_BASE }} />,
};

export function SearchTemplates() {
  return (
    <>
      {Object.entries(TEMPLATES).map(([name, render]) => (
        <template data-template={name}>{render()}</template>
      ))}
    </>
  );
}
