// The sample values the static search page's templates are rendered with
// (search-templates.tsx) and its script replaces with a search's values
// (exporter/search/client/fill-template.ts): plain TypeScript, so the script imports them
// without the views. Each is a string or number no real text of a template holds, and none
// holds another.
import { paths } from '../../domain/paths.js';

export const TEMPLATE_SAMPLE = {
  q: 'zqsampleq',
  slug: 'zqsampleslug',
  title: 'zqsampletitle',
  snippet: 'zqsamplesnippet',
  mark: 'zqsamplemark',
  date: '1901-02-03',
  categorySlug: 'zqsamplecat',
  category: 'zqsamplecategory',
  attachmentLabel: 'zqsamplelabel',
  pagePath: '/zqsamplepage/',
  pageTitle: 'zqsamplepagetitle',
  excerpt: 'zqsampleexcerpt',
  total: 80001,
  /** A page of many with every kind of item around it in the pagination: previous, first, gap, neighbours, gap, last, next. */
  page: 7000,
  pageCount: 90000,
} as const;

/** The path the sample pagination links to. */
export const TEMPLATE_SAMPLE_BASE = paths.search({ q: TEMPLATE_SAMPLE.q });

/** The templates, by their `data-template` name. */
export const TEMPLATE_NAMES = [
  'mark',
  'report-item',
  'report-item-category',
  'report-item-attachment',
  'report-item-category-attachment',
  'page-item',
  'page-item-excerpt',
  'results',
  'results-paged',
  'no-results',
  'no-results-filtered',
  'pages',
  'pages-more',
  'pages-filter',
  'pages-filter-paged',
  'pages-none',
  'pagination',
] as const;

export type TemplateName = (typeof TEMPLATE_NAMES)[number];
