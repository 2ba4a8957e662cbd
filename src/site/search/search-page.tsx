// /search: the search form with its filters, then the results, a no-result message with
// suggestions, or (empty box) how to search. Search pages are not indexed by robots.
import type { FieldMessages } from '../../domain/errors.js';
import { paths, type SearchParams } from '../../domain/paths.js';
import type { Category } from '../../domain/report.js';
import { SearchHelp } from '../components/search-help.js';
import { Layout, type SiteContext } from '../layout/layout.js';
import { Breadcrumbs } from '../report-list/report-list-page.js';
import { PageResults, Results, type SearchResults } from './search-results.js';
import { SearchTemplates } from './search-templates.js';
import { pagedTitle } from '../paging.js';
import { refusedTitle, resultsHeading, SEARCH_HEADING } from './search-headings.js';
import { SEARCH_HEAD_ATTRIBUTE, STATIC_SEARCH_TABLE } from './search-head-attribute.js';

export interface SearchPageProps {
  site: SiteContext;
  /** The words as they were searched and the filters (category by slug). */
  params: SearchParams;
  /** Choices of the filters. */
  years: number[];
  categories: Category[];
  /** The site's kinds of activity (the `activity` filter's choices). */
  activityKinds: string[];
  /** Absent when nothing was searched: an empty box, or input the search refused. */
  results?: SearchResults;
  /** Messages by field (q, category) for refused input. */
  errors?: FieldMessages;
  /** Fixed pages matching the words (absent: not searched, e.g. the 活動報告 filter). */
  pages?: PageResults;
  /** The static export's search page: the results come from STATIC_SEARCH_SCRIPT, which reads the static index. */
  isStaticSearch?: boolean;
  /** With isStaticSearch: the head of the index the page is built with (JSON; exporter/search/read-search-head.ts). */
  staticIndexHead?: string;
}

/** Where the static export writes its search script (exporter/search/). */
export const STATIC_SEARCH_SCRIPT = '/assets/static-search.js';

export function SearchPage(props: SearchPageProps) {
  const { site, params, results, errors = {} } = props;
  const heading = results ? resultsHeading(params.q ?? '') : SEARCH_HEADING;
  const title = pagedTitle(heading, results?.page ?? 1);
  const hasError = Object.keys(errors).length > 0;
  return (
    <Layout
      site={site}
      meta={{
        title: hasError ? refusedTitle(title) : title,
        description: 'このサイトの活動報告を検索します。',
        noindex: true,
      }}
    >
      <Breadcrumbs crumbs={[{ label: SEARCH_HEADING }]} />
      <section
        class="search-page"
        aria-labelledby="page-title"
        {...(props.isStaticSearch && props.staticIndexHead ? { [SEARCH_HEAD_ATTRIBUTE]: props.staticIndexHead } : {})}
      >
        <h1 id="page-title">{heading}</h1>
        <SearchForm {...props} errors={errors} />
        {props.pages && <PageResults pages={props.pages} params={params} />}
        {results && <Results params={params} results={results} />}
        <SearchHelp isOpen={!results && !props.pages} />
        {props.isStaticSearch && <StaticSearch />}
      </section>
    </Layout>
  );
}

function SearchForm({ params, years, categories, activityKinds, errors }: SearchPageProps & { errors: FieldMessages }) {
  const shownYears = params.year === undefined || years.includes(params.year) ? years : [params.year, ...years];
  return (
    <form class="search-form" action={paths.search()} method="get" role="search" aria-label="検索条件">
      <div class="search-field">
        <label for="search-q">検索語</label>
        <div class="search-box">
          <input
            type="search"
            id="search-q"
            name="q"
            value={params.q ?? ''}
            aria-invalid={errors.q ? 'true' : undefined}
            aria-describedby={errors.q ? 'search-q-error' : undefined}
          />
          <button type="submit">検索</button>
        </div>
        {errors.q && (
          <p id="search-q-error" class="field-error">
            {errors.q}
          </p>
        )}
      </div>
      <fieldset class="search-filters">
        <legend>絞り込み</legend>
        <div class="search-filter">
          <label for="search-kind">対象</label>
          <select id="search-kind" name="kind">
            <option value="">活動報告とページ</option>
            <option value="report" selected={params.kind === 'report'}>
              活動報告
            </option>
            <option value="page" selected={params.kind === 'page'}>
              ページ
            </option>
          </select>
        </div>
        <div class="search-filter">
          <label for="search-year">年</label>
          <select id="search-year" name="year">
            <option value="">すべての年</option>
            {shownYears.map((year) => (
              <option value={String(year)} selected={year === params.year}>
                {year}年
              </option>
            ))}
          </select>
        </div>
        <FilterSelect
          name="category"
          label="カテゴリー"
          allLabel="すべてのカテゴリー"
          options={categories.map((c) => ({ value: c.slug, label: c.name }))}
          selected={params.category}
          error={errors.category}
        />
        <FilterSelect
          name="activity"
          label="活動の種類"
          allLabel="すべての種類"
          options={activityKinds.map((kind) => ({ value: kind, label: kind }))}
          selected={params.activity}
          error={errors.activity}
        />
      </fieldset>
    </form>
  );
}

/** A filter whose value the server checks (category, kind of activity): refused, it shows the message under the field. */
function FilterSelect(props: { name: string; label: string; allLabel: string; options: { value: string; label: string }[]; selected?: string; error?: string }) {
  const { name, error } = props;
  return (
    <div class="search-filter">
      <label for={`search-${name}`}>{props.label}</label>
      <select id={`search-${name}`} name={name} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `search-${name}-error` : undefined}>
        <option value="">{props.allLabel}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.selected}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <p id={`search-${name}-error`} class="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * A static host runs no search: the script does it in the browser, filling the templates of the
 * results' markup (search-templates.tsx); without JavaScript, the archives.
 */
function StaticSearch() {
  return (
    <>
      <noscript>
        <p class="search-noscript">
          この検索にはJavaScriptが必要です。<a href={paths.activity()}>活動報告の一覧</a>
          から、年・月・カテゴリー別の一覧をたどってお探しください。
        </p>
      </noscript>
      <link rel="preload" href={STATIC_SEARCH_TABLE} as="fetch" crossorigin="anonymous" />
      <SearchTemplates />
      <script type="module" src={STATIC_SEARCH_SCRIPT}></script>
    </>
  );
}
