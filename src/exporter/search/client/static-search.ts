// The static site's search page script (`/assets/static-search.js`, an ES module bundled by
// exporter/search/write-search-script.ts). The page is the server's /search without words;
// this reads q, year, category, kind, activity and page from the URL, fetches the doc table and only
// the shards of the query's tokens from /search-index/, runs the server's search
// (run-static-search.ts) and writes the results into the page with the server's markup: the
// page's templates, rendered by the server's result components (site/search/search-templates.tsx),
// cloned and filled (fill-template.ts). The list of reports is shown once the search is
// evaluated (titles and paths come from the names file, fetched beside the shards); each
// report's snippet is filled when its text file arrives, the list `aria-busy` meanwhile. A live
// region announces the number of results. A search made before on the same build shows the
// outcome kept then (stored-results.ts).
import { formatJapaneseDate } from '../../../domain/dates.js';
import type { FieldMessages } from '../../../domain/errors.js';
import { paths, withPage, type SearchParams } from '../../../domain/paths.js';
import type { StaticIndex } from './find-static-hits.js';
import { pagedTitle, pageWindow, parsePageNumber } from '../../../site/paging.js';
import { refusedTitle, resultsHeading, SEARCH_HEADING } from '../../../site/search/search-headings.js';
import { isFilteredSearch } from '../../../site/search/search-filters.js';
import { TEMPLATE_SAMPLE as S, TEMPLATE_SAMPLE_BASE, type TemplateName } from '../../../site/search/search-template-samples.js';
import { MALFORMED_Q_MESSAGE, searchTextOf } from '../../../site/search/search-text-of.js';
import { INDEX_DIR, isGzip, type DocTable } from './format.js';
import { queryShards } from './find-static-hits.js';
import { headHasShard, parseSearchHead } from './search-head.js';
import { SEARCH_HEAD_ATTRIBUTE, STATIC_SEARCH_TABLE } from '../../../site/search/search-head-attribute.js';
import { parseSearchQuery } from '../../../domain/search/query.js';
import { cloneTemplate, filledElement, fillTemplate, markedPart, type TemplateValues } from './fill-template.js';
import { decompressed } from './inflate-text.js';
import { openStaticIndex } from './open-static-index.js';
import { buildIdOf, hasKeptResult, keepResult, readKeptResult } from './stored-results.js';
import {
  startStaticSearch,
  type Paged,
  type StartedSearch,
  type StaticReportHit,
  type StaticReportListing,
  type StaticSearchOutcome,
  type StaticSearchParams,
  type StaticTexts,
} from './run-static-search.js';

type Child = Node | string | false | null | undefined;

function el(tag: string, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) if (child !== false && child !== null && child !== undefined && child !== '') node.append(child);
  return node;
}

async function fetchRaw(url: string, init?: RequestInit): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const response = await fetch(url, init);
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Decompressed in the page (inflate-text.ts); a text file stays as fetched until its index reads it with the dictionary. */
async function gunzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return isGzip(bytes) ? decompressed([bytes], 'gzip') : bytes;
}

const fetchBytes = async (url: string) => {
  const raw = await fetchRaw(url);
  return raw && gunzip(raw);
};

type Index = StaticIndex & StaticTexts;

/**
 * The index files the last searches read, by the URL's query (localStorage, the last
 * PLANS_KEPT searches): a new load of a search made before fetches them from the module's start,
 * beside the doc table, instead of in two rounds after it (the shards once the table is
 * parsed, the shown results' texts once the shards are searched). A stale list (the site was
 * built again) only fetches a file or two for nothing: the search reads what it needs anyway.
 */
const PLANS_KEY = 'katsudo-static-search-files';
const PLANS_KEPT = 20;
type Plans = [query: string, files: string[]][];

function readPlans(): Plans {
  try {
    const plans: unknown = JSON.parse(localStorage.getItem(PLANS_KEY) ?? '[]');
    return Array.isArray(plans) ? (plans as Plans) : [];
  } catch {
    return [];
  }
}

function rememberPlan(query: string, files: string[]): void {
  try {
    const plans = readPlans().filter(([q]) => q !== query);
    localStorage.setItem(PLANS_KEY, JSON.stringify([[query, files], ...plans].slice(0, PLANS_KEPT)));
  } catch {
    // Storage full or refused: the next load fetches in rounds, as without the list.
  }
}

/**
 * Index files fetched ahead for this load's search, by name, decompressed as they arrive (the
 * doc table is still on its way then; left until read, a file's DecompressionStream took 15-25 ms
 * of the search's time, Chromium at load 4): taken once by the session's index. A search whose
 * results were kept fetches none of them (see the module's end).
 */
const early = new Map<string, Promise<Uint8Array | undefined>>();

function fetchAhead(base: string, query: string, names: Iterable<string>): void {
  for (const name of [...names, ...(readPlans().find(([q]) => q === query)?.[1] ?? [])]) {
    if (early.has(name)) continue;
    const bytes = fetchBytes(`${base}/${name}.dat`);
    bytes.catch(() => undefined);
    early.set(name, bytes);
  }
}

/**
 * The page's index head (search-head.ts), read once: the build the page was written with and
 * how the index names its shards. Absent on a page written without one.
 */
const head = parseSearchHead(document.querySelector('section.search-page')?.getAttribute(SEARCH_HEAD_ATTRIBUTE));

/** The shards (and delta) a search of `q` reads, by the head, before the doc table arrives; none for words the search refuses. */
function headFiles(q: string): string[] {
  if (!head) return [];
  try {
    const query = parseSearchQuery(q);
    if (!query) return [];
    return [
      ...(head.delta ? [head.delta] : []),
      ...(head.names ? [head.names] : []),
      ...(head.dictionary ? [head.dictionary] : []),
      ...[...queryShards(head, query)].filter((name) => headHasShard(head, name)),
    ];
  } catch {
    return [];
  }
}

function readIndexFile(base: string, name: string): Promise<Uint8Array | undefined> {
  const ahead = early.get(name);
  early.delete(name);
  return ahead ?? fetchBytes(`${base}/${name}.dat`);
}

/** The index as one search reads it, noting the shard, names and text files it asks for. */
function noting(index: Index, files: Set<string>): Index {
  const existing = new Set(index.table.shards);
  return {
    table: index.table,
    shard: (name) => (existing.has(name) && files.add(name), index.shard(name)),
    texts: (name) => (files.add(name), index.texts(name)),
    names: () => (files.add(index.table.names), index.names()),
  };
}

async function searchNoting(index: Index, params: StaticSearchParams, query: string): Promise<StartedSearch> {
  const files = new Set<string>(index.table.delta ? [index.table.delta.file] : []);
  const started = await startStaticSearch(noting(index, files), params);
  started.complete.then(
    () => rememberPlan(query, [...files]),
    () => undefined,
  );
  return started;
}

/**
 * The index of this page's session: the build (stored-results.ts, buildIdOf) and the index
 * over its doc table, which keeps every shard and text file it has read, parsed. A search on
 * the same page (another query, another page of results) reuses it; the doc table is fetched
 * again first (from the HTTP cache, or a revalidation), and when it names another build (the
 * site was built again) the search runs over the new table.
 */
let session: { build: string; index: Index } | undefined;

/** The doc table's fetch, started from the module's top before any DOM work: taken by the first search. */
let firstTable: Promise<Uint8Array<ArrayBuffer> | undefined> | undefined;

/** A search's parameters as the key of its kept outcome (the URL's other parameters and their order do not count). */
const resultKey = (params: StaticSearchParams) => JSON.stringify([params.q, params.year, params.category, params.kind, params.activity, params.page]);

/** The outcome kept for the page's own search under the build its head names, read at the module's start: taken by the first search. */
let keptForPage: { key: string; outcome: StaticSearchOutcome } | undefined;

/** The build of the doc table this page read last (search, tableBuild): an in-place search kept for it shows at once. */
let tableSeen: string | undefined;

/** Whether the doc table was asked for again past the browser's cache (once a page: search). */
let isTableRevalidated = false;

/**
 * A search's outcome and the build it is of; `isBeforeTable`: kept for the build the page's head
 * names (or, in place, the last doc table's), shown before the doc table was read. A search
 * run now: `outcome` lists the reports, `hits` bring their snippets (StartedSearch).
 */
interface Found {
  outcome: StaticSearchOutcome<StaticReportListing>;
  hits?: Promise<StaticReportHit>[];
  build: string;
  isBeforeTable?: boolean;
}

/**
 * `query`: the URL's query string, under which the files read are remembered (fetchAhead).
 * `known`: the build whose kept outcome is shown at once, if any: the page head's (the search
 * of the page's own URL) or the last doc table's (in place); the caller then checks the doc table's
 * build (tableBuild). None when that check found another build.
 */
async function search(base: string, params: StaticSearchParams, query: string, known: 'head' | 'last-table' | undefined): Promise<Found> {
  const key = resultKey(params);
  const isPageLoad = known === 'head';
  const knownBuild = isPageLoad ? head?.build : known && tableSeen;
  const keptNow = isPageLoad ? (keptForPage?.key === key ? keptForPage.outcome : undefined) : knownBuild && readKeptResult<StaticSearchOutcome>(knownBuild, key);
  keptForPage = undefined;
  if (keptNow && knownBuild) {
    performance.mark('static-search-stored');
    return { outcome: keptNow, build: knownBuild, isBeforeTable: true };
  }
  const table = firstTable ?? fetchRaw(STATIC_SEARCH_TABLE);
  firstTable = undefined;
  try {
    let raw = await table;
    if (raw && isPageLoad && head && !isTableRevalidated && buildIdOf(raw) !== head.build) {
      // The page names another build than the table the browser holds: the server is asked once
      // more, past the browser's cache (its copy may be older than the page); its answer is the index.
      isTableRevalidated = true;
      raw = await fetchRaw(STATIC_SEARCH_TABLE, { cache: 'no-cache' });
    }
    if (!raw) throw new Error('search index missing');
    const build = buildIdOf(raw);
    tableSeen = build;
    const stored = readKeptResult<StaticSearchOutcome>(build, key);
    performance.mark('static-search-table');
    if (stored) {
      performance.mark('static-search-stored');
      return { outcome: stored, build };
    }
    if (session?.build !== build) {
      const parsed = JSON.parse(new TextDecoder().decode(await gunzip(raw))) as DocTable;
      session = { build, index: openStaticIndex(parsed, (name) => readIndexFile(base, name)) };
    }
    const started = await searchNoting(session.index, params, query);
    // Kept once complete (the snippets in); a failed text file keeps nothing.
    if (started.listed.kind !== 'empty')
      started.complete.then(
        (outcome) => keepResult(build, key, outcome),
        () => undefined,
      );
    return { outcome: started.listed, hits: started.hits, build };
  } finally {
    // Files fetched ahead that this search did not read are never taken later (a later table may be of a new build).
    early.clear();
  }
}

/** The build of the doc table as the browser gets it now (undefined: not readable); on a page load, the fetch the first search takes. */
async function tableBuild(): Promise<string | undefined> {
  const raw = await (firstTable ?? fetchRaw(STATIC_SEARCH_TABLE)).catch(() => undefined);
  if (raw) tableSeen = buildIdOf(raw);
  return raw && tableSeen;
}

/** The URL's parameters as the server reads them (q strictly, from the raw URL: site/search/search-text-of.ts). */
function paramsOf(href: string): StaticSearchParams & { isMalformed: boolean } {
  const url = new URL(href).searchParams;
  const q = searchTextOf(href);
  const year = Number(url.get('year'));

  const kind = url.get('kind');
  return {
    q: q.text,
    isMalformed: q.isMalformed,
    year: Number.isInteger(year) && year > 0 ? year : undefined,
    category: url.get('category') || undefined,
    kind: kind === 'report' || kind === 'page' ? kind : undefined,
    activity: url.get('activity') || undefined,
    page: parsePageNumber(url.get('page') ?? '') ?? 1,
  };
}

/** The pagination of the `pagination` template: its items taken as models (previous, a page, the current page, a gap, next) and laid out as the server lays them (pageWindow). */
function pagination(page: number, pageCount: number, basePath: string): Element | undefined {
  if (pageCount <= 1) return undefined;
  const nav = cloneTemplate('pagination').firstElementChild!;
  const list = nav.querySelector('ul')!;
  const items = Array.from(list.children);
  const model = (selector: string, href?: string) =>
    items.find((li) => (href === undefined ? li.querySelector(selector) : li.querySelector(selector)?.getAttribute('href') === href))!;
  const sampleHref = (p: number) => withPage(TEMPLATE_SAMPLE_BASE, p);
  const [before, after] = [S.page - 1, S.page + 1];
  const link = model('a:not([rel])', sampleHref(after));
  const current = model('[aria-current]');
  const gap = items.find((li) => !li.querySelector('a, [aria-current]'))!;
  const copy = (li: Element, values: TemplateValues) => {
    const copied = li.cloneNode(true) as Element;
    fillTemplate(copied, values);
    return copied;
  };
  const shown: Element[] = [];
  if (page > 1) shown.push(copy(model('a[rel="prev"]'), { [sampleHref(before)]: withPage(basePath, page - 1) }));
  for (const p of pageWindow(page, pageCount)) {
    if (p === '…') shown.push(copy(gap, {}));
    else shown.push(p === page ? copy(current, { [S.page]: p }) : copy(link, { [sampleHref(after)]: withPage(basePath, p), [after]: p }));
  }
  if (page < pageCount) shown.push(copy(model('a[rel="next"]'), { [sampleHref(after)]: withPage(basePath, page + 1) }));
  list.replaceChildren();
  fillTemplate(nav, { [S.page]: page, [S.pageCount]: pageCount });
  list.append(...shown);
  return nav;
}

/** Replaces the sample pagination of a filled template, if it has one. */
function replacePagination(root: ParentNode, page: number, pageCount: number, basePath: string): void {
  const nav = root.querySelector('nav.pagination');
  const shown = pagination(page, pageCount, basePath);
  if (nav && shown) nav.replaceWith(shown);
}

function pageResults(pages: Paged<{ title: string; path: string; excerpt: string }>, params: SearchParams): Element | undefined {
  const isPageFilter = params.kind === 'page';
  const values: TemplateValues = {
    [S.q]: params.q ?? '',
    [S.total]: pages.total,
    [S.page]: pages.page,
    [S.pageCount]: pages.pageCount,
    [paths.search({ q: S.q, kind: 'page' })]: paths.search({ ...params, kind: 'page' }),
  };
  if (pages.total === 0) return isPageFilter ? filledElement('pages-none', values) : undefined;
  const name = isPageFilter ? (pages.pageCount > 1 ? 'pages-filter-paged' : 'pages-filter') : pages.total > pages.items.length ? 'pages-more' : 'pages';
  const section = filledElement(name, values);
  const items = pages.items.map((hit) =>
    filledElement(hit.excerpt ? 'page-item-excerpt' : 'page-item', { [S.pagePath]: hit.path, [S.pageTitle]: hit.title, [S.excerpt]: hit.excerpt }),
  );
  section.querySelector('ul')!.replaceChildren(...items);
  replacePagination(section, pages.page, pages.pageCount, paths.search(params));
  return section;
}

/** A line's room for a snippet still loading (a no-break space), so the list does not move when it comes. */
const PENDING = '\u00a0';
const SNIPPET_PENDING = [{ text: PENDING, isMatch: false }];

/**
 * A listed report's item completed: its held snippet text replaced by the snippet (what filling
 * the template with it gives); a match in an attachment, whose item has a line more, is made anew.
 */
function completeItem(item: Element, hit: StaticReportHit): void {
  // The last text that is the held space: the snippet's line ends the item.
  const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
  let held: Text | undefined;
  while (walker.nextNode()) if ((walker.currentNode as Text).data === PENDING) held = walker.currentNode as Text;
  if (held && hit.matchedIn === 'report') held.replaceWith(...hit.snippet.map(markedPart));
  else item.replaceWith(reportItem(hit));
}

/** A report's result; listed only (no snippet yet), its snippet line held empty. */
function reportItem(hit: StaticReportListing & Partial<StaticReportHit>): Element {
  const name: TemplateName = `report-item${hit.category ? '-category' : ''}${hit.matchedIn === 'attachment' ? '-attachment' : ''}`;
  return filledElement(name, {
    [paths.report(S.slug)]: hit.path,
    [S.date]: hit.activityDate,
    [formatJapaneseDate(S.date)]: formatJapaneseDate(hit.activityDate),
    [S.category]: hit.category?.name ?? '',
    [S.attachmentLabel]: hit.attachmentLabel ?? '',
    [S.title]: hit.titleParts,
    [S.snippet]: hit.snippet ?? SNIPPET_PENDING,
  });
}

function reportResults(results: Paged<StaticReportListing>, params: SearchParams): DocumentFragment {
  const name = results.total === 0 ? (isFilteredSearch(params) ? 'no-results-filtered' : 'no-results') : results.pageCount > 1 ? 'results-paged' : 'results';
  const fragment = cloneTemplate(name);
  fillTemplate(fragment, {
    [S.q]: params.q ?? '',
    [S.total]: results.total,
    [S.page]: results.page,
    [S.pageCount]: results.pageCount,
    [TEMPLATE_SAMPLE_BASE]: paths.search({ q: params.q }),
  });
  fragment.querySelector('ol')?.replaceChildren(...results.items.map(reportItem));
  replacePagination(fragment, results.page, results.pageCount, paths.search(params));
  return fragment;
}

/** The form shows what was searched, as the server's page does. */
function fillForm(form: HTMLFormElement, params: SearchParams): void {
  const set = (name: string, value: string) => {
    const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    if (!field) return;
    if (name === 'year' && field instanceof HTMLSelectElement && value !== '' && !Array.from(field.options).some((o) => o.value === value))
      field.add(new Option(`${value}年`, value), 1);
    field.value = value;
  };
  set('q', params.q ?? '');
  set('kind', params.kind ?? '');
  set('year', params.year === undefined ? '' : String(params.year));
  set('category', params.category ?? '');
  set('activity', params.activity ?? '');
}

function showErrors(form: HTMLFormElement, errors: FieldMessages): void {
  for (const [name, message] of Object.entries(errors)) {
    const field = form.elements.namedItem(name) as HTMLElement | null;
    if (!field) continue;
    const id = `search-${name}-error`;
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', id);
    const after = name === 'q' ? field.closest('.search-box') : field;
    after?.after(el('p', { id, class: 'field-error' }, message));
  }
}

/** Folds the open help under the results, as the server's page shows it. */
function foldHelp(section: Element): HTMLElement | undefined {
  const help = section.querySelector('section.search-help');
  if (!help) return undefined;
  const details = el('details', { class: 'search-help' }, el('summary', {}, '検索のしかた'), ...Array.from(help.children).filter((c) => c.tagName !== 'H2'));
  help.replaceWith(details);
  return details;
}

/**
 * Fills the listed reports' snippets as their texts arrive, the list busy meanwhile; `isCurrent`: whether this search is still the page's (a later
 * one's results are never touched).
 */
async function fillSnippets(list: Element | null, hits: Promise<StaticReportHit>[], isCurrent: () => boolean): Promise<void> {
  const items = list ? Array.from(list.children) : [];
  list?.setAttribute('aria-busy', 'true');
  try {
    await Promise.all(
      hits.map(async (pending, i) => {
        const hit = await pending;
        const item = items[i];
        if (item && isCurrent()) completeItem(item, hit);
      }),
    );
  } finally {
    list?.removeAttribute('aria-busy');
  }
}

/** Shows the results of the search in `href` in `section` (the page's section as the server sent it); resolves to what was found, if searched. */
async function render(
  section: Element,
  status: HTMLElement,
  href: string,
  known: 'head' | 'last-table' | undefined,
  isCurrent: () => boolean,
): Promise<Found | undefined> {
  const form = section.querySelector('form.search-form');
  if (!(form instanceof HTMLFormElement)) return;
  const params = paramsOf(href);
  fillForm(form, params);
  if (params.isMalformed) {
    showErrors(form, { q: MALFORMED_Q_MESSAGE });
    status.textContent = MALFORMED_Q_MESSAGE;
    return;
  }
  if (params.q.trim() === '' && params.category === undefined && params.activity === undefined) return;
  const shown: SearchParams = { q: params.q, year: params.year, category: params.category, kind: params.kind, activity: params.activity };
  let found;
  try {
    found = await search(`/${INDEX_DIR}`, params, new URL(href).search, known);
  } catch {
    status.textContent = '検索の索引を読み込めませんでした。時間をおいて、もう一度お試しください。';
    return;
  }
  const { outcome } = found;
  if (outcome.kind === 'empty') return found;
  const heading = section.querySelector('h1');
  const setTitle = (title: string) => {
    document.title = document.title.replace(/^[^|｜]*?(?=\s*[|｜]|$)/, title);
  };
  if (outcome.kind === 'refused') {
    showErrors(form, outcome.errors);
    setTitle(refusedTitle(SEARCH_HEADING));
    status.textContent = Object.values(outcome.errors).join(' ');
    return found;
  }
  if (outcome.kind === 'past-end') {
    status.textContent = 'このページに検索結果はありません。';
    section.insertBefore(el('p', { class: 'result-count' }, status.textContent), form.nextSibling);
    return found;
  }
  const text = resultsHeading(params.q);
  if (heading && outcome.results) heading.textContent = text;
  if (outcome.results) setTitle(pagedTitle(text, outcome.results.page));
  const reports = outcome.results && reportResults(outcome.results, shown);
  const list = reports?.querySelector('ol') ?? null;
  const parts = [outcome.pages && pageResults(outcome.pages, shown), reports];
  const help = foldHelp(section) ?? section.querySelector('.search-help');
  for (const part of parts) if (part) section.insertBefore(part, help);
  const counts = [outcome.pages && outcome.pages.total > 0 && `ページ${outcome.pages.total}件`, outcome.results && `活動報告${outcome.results.total}件`].filter(Boolean);
  status.textContent = `${text}: ${counts.length > 0 ? counts.join('、') : '0件'}`;
  if (found.hits && found.hits.length > 0) {
    performance.mark('static-search-listed');
    try {
      await fillSnippets(list, found.hits, isCurrent);
    } catch {
      status.textContent = '検索結果の抜粋を読み込めませんでした。時間をおいて、もう一度お試しください。';
    }
  }
  return found;
}

/**
 * Runs the search of the page's URL, then keeps the page: a search sent from its form, a link
 * to another page of results and the browser's back and forward buttons show their results
 * in place (history.pushState), from the section as the server sent it, so the page is the
 * one a new load would show while the session's index (parsed table, shards and texts) is
 * kept.
 */
function start(): void {
  const first = document.querySelector('section.search-page');
  if (!first) return;
  const pristine = first.cloneNode(true) as Element;
  const pristineTitle = document.title;
  const status = el('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  first.after(status);
  let current = first;
  let shown = 0;
  // `data-static-search="done"` on the page's section when the results (or a message) are in, snippets too,
  // and `data-index-build` the build they are of: for tests and for scripts that read the page.
  // The performance marks time the search (doc table read, results found, results shown) for
  // bench/static-search.bench.ts.
  let lastSearch = location.search;
  /** `isRecheck`: the same search again over a doc table of another build than the one shown (focus stays where it is). */
  const show = (href: string, isInPlace: boolean, isRecheck = false) => {
    const run = ++shown;
    lastSearch = new URL(href).search;
    for (const name of ['static-search-start', 'static-search-table', 'static-search-stored', 'static-search-listed', 'static-search-found'])
      performance.clearMarks(name);
    performance.clearMeasures('static-search');
    performance.mark('static-search-start');
    if (isInPlace) {
      const fresh = pristine.cloneNode(true) as Element;
      current.replaceWith(fresh);
      current = fresh;
      document.title = pristineTitle;
      status.textContent = '';
    }
    const section = current;
    void (async () => {
      let found: Found | undefined;
      try {
        found = await render(section, status, href, isRecheck ? undefined : isInPlace ? 'last-table' : 'head', () => run === shown);
      } finally {
        if (run === shown) {
          if (found) performance.mark('static-search-found');
          section.setAttribute('data-static-search', 'done');
          if (found) section.setAttribute('data-index-build', found.build);
          performance.measure('static-search', 'static-search-start');
          if (isInPlace && !isRecheck) {
            const heading = section.querySelector('h1');
            heading?.setAttribute('tabindex', '-1');
            heading?.focus();
          }
        }
      }
      // Shown before the doc table: the table decides. A table of another build (the page is older
      // or newer than the index a CDN serves, or the site was built again) is searched and its results replace these.
      if (found?.isBeforeTable && (await tableBuild()) !== found.build && run === shown) show(href, true, true);
    })();
  };
  const go = (url: URL) => {
    history.pushState(null, '', url);
    show(url.href, true);
  };
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !current.contains(form) || !form.matches('form.search-form')) return;
    event.preventDefault();
    const url = new URL(form.action);
    url.search = new URLSearchParams(new FormData(form) as unknown as Record<string, string>).toString();
    go(url);
  });
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    if (!link || !current.contains(link) || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const url = new URL(link.href);
    if (url.origin !== location.origin || url.pathname !== location.pathname) return;
    event.preventDefault();
    go(url);
  });
  // A link to a fragment (the skip link) fires popstate too: only another query is searched again.
  window.addEventListener('popstate', () => location.search !== lastSearch && show(location.href, true));
  show(location.href, false);
}

performance.mark('static-search-module');
firstTable = fetchRaw(STATIC_SEARCH_TABLE);
firstTable.catch(() => undefined);
{
  const params = paramsOf(location.href);
  const key = resultKey(params);
  const outcome = head && readKeptResult<StaticSearchOutcome>(head.build, key);
  if (outcome) keptForPage = { key, outcome };
  // A search kept for the page's build needs none of its files; without a head, one kept for any build is most likely of this one.
  else if (!params.isMalformed && (head || !hasKeptResult(key))) fetchAhead(`/${INDEX_DIR}`, location.search, headFiles(params.q));
}
start();
