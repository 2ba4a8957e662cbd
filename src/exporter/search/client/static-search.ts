// The static site's search page script (`/assets/static-search.js`, an ES module bundled by
// exporter/search/write-search-script.ts). The page is the server's /search without words;
// this reads q, year, category, kind, activity and page from the URL, fetches the doc table and only
// the shards of the query's tokens from /search-index/, runs the server's search
// (run-static-search.ts) and writes the results into the page with the server's markup
// (site/search/search-page.tsx). A live region announces the number of results.
import { formatJapaneseDate } from '../../../domain/dates.js';
import type { FieldMessages } from '../../../domain/errors.js';
import { paths, withPage, type SearchParams } from '../../../domain/paths.js';
import type { TextPart } from '../../../domain/search/snippet.js';
import type { StaticIndex } from './find-static-hits.js';
import { parsePageNumber } from '../../../site/paging.js';
import { MALFORMED_Q_MESSAGE, searchTextOf } from '../../../site/search/search-text-of.js';
import { INDEX_DIR, isGzip, type DocTable } from './format.js';
import { openStaticIndex } from './open-static-index.js';
import { runStaticSearch, type Paged, type StaticReportHit, type StaticSearchOutcome, type StaticSearchParams, type StaticTexts } from './run-static-search.js';

type Child = Node | string | false | null | undefined;

function el(tag: string, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) if (child !== false && child !== null && child !== undefined && child !== '') node.append(child);
  return node;
}

const marked = (parts: readonly TextPart[]) => parts.map((p) => (p.isMatch ? el('mark', {}, p.text) : p.text));

async function fetchRaw(url: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const response = await fetch(url);
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Decompressed in the page: the bytes go through DecompressionStream from a stream made here,
 * not from a Blob, whose data Chromium keeps in its browser process (20 text files took
 * 100–200 ms through Blobs, 15–40 ms this way, Chromium at load 25; docs/performance.md).
 */
async function gunzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  const source = new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  const reader = source.pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    chunks.push(read.value);
    length += read.value.length;
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

const fetchBytes = async (url: string) => {
  const raw = await fetchRaw(url);
  return raw && gunzip(raw);
};

type Index = StaticIndex & StaticTexts;

/**
 * The index of this page's session: the doc table as fetched (compressed bytes) and the index
 * over it, which keeps every shard and text file it has read, parsed. A search on the same
 * page (another query, another page of results) reuses it; the doc table is fetched again
 * beside the search, and when its bytes changed (the site was built again) the search is
 * run anew over the new table.
 */
let session: { raw: Uint8Array; index: Index } | undefined;

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

async function search(base: string, params: StaticSearchParams): Promise<StaticSearchOutcome> {
  const table = fetchRaw(`${base}/docs.dat`);
  const kept = session;
  if (kept) {
    performance.mark('static-search-table');
    const [raw, outcome] = await Promise.all([table, runStaticSearch(kept.index, params).catch(() => undefined)]);
    if (raw && outcome && sameBytes(raw, kept.raw)) return outcome;
  }
  const raw = await table;
  if (!raw) throw new Error('search index missing');
  const parsed = JSON.parse(new TextDecoder().decode(await gunzip(raw))) as DocTable;
  session = { raw, index: openStaticIndex(parsed, (name) => fetchBytes(`${base}/${name}.dat`)) };
  performance.mark('static-search-table');
  return runStaticSearch(session.index, params);
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

function pagination(page: number, pageCount: number, basePath: string): HTMLElement | undefined {
  if (pageCount <= 1) return undefined;
  const shown = [...new Set([1, pageCount, page - 2, page - 1, page, page + 1, page + 2])].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  const items: HTMLElement[] = [];
  if (page > 1) items.push(el('li', {}, el('a', { href: withPage(basePath, page - 1), rel: 'prev' }, '前のページ')));
  shown.forEach((p, i) => {
    if (i > 0 && p - shown[i - 1]! > 1) items.push(el('li', { class: 'pagination-gap', 'aria-hidden': 'true' }, '…'));
    const label = [el('span', { class: 'visually-hidden' }, 'ページ'), String(p)];
    items.push(el('li', {}, p === page ? el('span', { 'aria-current': 'page' }, ...label) : el('a', { href: withPage(basePath, p) }, ...label)));
  });
  if (page < pageCount) items.push(el('li', {}, el('a', { href: withPage(basePath, page + 1), rel: 'next' }, '次のページ')));
  return el(
    'nav',
    { class: 'pagination', 'aria-label': 'ページ送り' },
    el('p', { class: 'pagination-status' }, `${pageCount}ページ中 ${page}ページ目`),
    el('ul', {}, ...items),
  );
}

function pageResults(pages: Paged<{ title: string; path: string; excerpt: string }>, params: SearchParams): HTMLElement | undefined {
  const isPageFilter = params.kind === 'page';
  if (pages.total === 0) return isPageFilter ? el('p', { class: 'result-count' }, `「${params.q}」に一致するページは見つかりませんでした。`) : undefined;
  const heading = `ページ(${pages.total}件${isPageFilter && pages.pageCount > 1 ? `、${pages.page}/${pages.pageCount}ページ` : ''})`;
  const list = pages.items.map((hit) =>
    el(
      'li',
      { class: 'report-list-item' },
      el('h3', { class: 'report-list-title' }, el('a', { href: hit.path }, hit.title)),
      hit.excerpt && el('p', { class: 'search-snippet' }, hit.excerpt),
    ),
  );
  const more = isPageFilter
    ? pagination(pages.page, pages.pageCount, paths.search(params))
    : pages.total > pages.items.length && el('p', {}, el('a', { href: paths.search({ ...params, kind: 'page' }) }, `一致するページをすべて見る(${pages.total}件)`));
  return el(
    'section',
    { class: 'search-pages', 'aria-labelledby': 'search-pages-title' },
    el('h2', { id: 'search-pages-title' }, heading),
    el('ul', { class: 'report-list search-results' }, ...list),
    more,
  );
}

function reportItem(hit: StaticReportHit): HTMLElement {
  const meta = el('p', { class: 'report-list-meta' }, el('time', { datetime: hit.activityDate }, formatJapaneseDate(hit.activityDate)));
  if (hit.category) meta.append(el('span', { class: 'sep', 'aria-hidden': 'true' }, '・'), el('span', { class: 'category-label' }, hit.category.name));
  const source =
    hit.matchedIn === 'attachment' && el('p', { class: 'search-source' }, el('span', { class: 'search-source-tag' }, '添付資料内'), `「${hit.attachmentLabel}」`);
  return el(
    'li',
    { class: 'report-list-item' },
    el(
      'article',
      {},
      el('h2', { class: 'report-list-title' }, el('a', { href: hit.path }, ...marked(hit.titleParts))),
      meta,
      source,
      el('p', { class: 'search-snippet' }, ...marked(hit.snippet)),
    ),
  );
}

function reportResults(results: Paged<StaticReportHit>, params: SearchParams): HTMLElement[] {
  if (results.total === 0) {
    const isFiltered = params.year !== undefined || params.category !== undefined || params.activity !== undefined;
    return [
      el(
        'div',
        { class: 'search-empty' },
        el('p', { class: 'result-count' }, '0件'),
        el('p', {}, `「${params.q}」${isFiltered ? '(絞り込みあり)' : ''}に一致する活動報告は見つかりませんでした。次のことをお試しください。`),
        el(
          'ul',
          {},
          el('li', {}, '語を短くする(例:「子育て支援策」→「子育て」)'),
          el('li', {}, '語の数を減らす'),
          el('li', {}, '別の言い方や表記で探す'),
          isFiltered && el('li', {}, el('a', { href: paths.search({ q: params.q }) }, '年・カテゴリーの絞り込みを外して探す')),
        ),
      ),
    ];
  }
  const count = el('p', { class: 'result-count' }, `${results.total}件${results.pageCount > 1 ? `(${results.page}/${results.pageCount}ページ)` : ''}`);
  const list = el('ol', { class: 'report-list search-results' }, ...results.items.map(reportItem));
  const nav = pagination(results.page, results.pageCount, paths.search(params));
  return nav ? [count, list, nav] : [count, list];
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

/** Shows the results of the search in `href` in `section` (the page's section as the server sent it). */
async function render(section: Element, status: HTMLElement, href: string): Promise<void> {
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
  let outcome;
  try {
    outcome = await search(`/${INDEX_DIR}`, params);
    performance.mark('static-search-found');
  } catch {
    status.textContent = '検索の索引を読み込めませんでした。時間をおいて、もう一度お試しください。';
    return;
  }
  if (outcome.kind === 'empty') return;
  const heading = section.querySelector('h1');
  const setTitle = (title: string) => {
    document.title = document.title.replace(/^[^|｜]*?(?=\s*[|｜]|$)/, title);
  };
  if (outcome.kind === 'refused') {
    showErrors(form, outcome.errors);
    setTitle(`入力を確認してください: サイト内検索`);
    status.textContent = Object.values(outcome.errors).join(' ');
    return;
  }
  if (outcome.kind === 'past-end') {
    status.textContent = 'このページに検索結果はありません。';
    section.insertBefore(el('p', { class: 'result-count' }, status.textContent), form.nextSibling);
    return;
  }
  const text = `「${params.q}」の検索結果`;
  if (heading && outcome.results) heading.textContent = text;
  if (outcome.results) setTitle(outcome.results.page > 1 ? `${text}(${outcome.results.page}ページ目)` : text);
  const parts = [outcome.pages && pageResults(outcome.pages, shown), ...(outcome.results ? reportResults(outcome.results, shown) : [])].filter(
    (p): p is HTMLElement => p !== undefined,
  );
  const help = foldHelp(section) ?? section.querySelector('.search-help');
  for (const part of parts) section.insertBefore(part, help);
  const counts = [outcome.pages && outcome.pages.total > 0 && `ページ${outcome.pages.total}件`, outcome.results && `活動報告${outcome.results.total}件`].filter(Boolean);
  status.textContent = `「${params.q}」の検索結果: ${counts.length > 0 ? counts.join('、') : '0件'}`;
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
  // `data-static-search="done"` on the page's section when the results (or a message) are in:
  // for tests and for scripts that read the page. The performance marks time the search (doc
  // table read, results found, results shown) for bench/static-search.bench.ts.
  let lastSearch = location.search;
  const show = (href: string, isInPlace: boolean) => {
    const run = ++shown;
    lastSearch = new URL(href).search;
    for (const name of ['static-search-start', 'static-search-table', 'static-search-found']) performance.clearMarks(name);
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
    void render(section, status, href).finally(() => {
      if (run !== shown) return;
      section.setAttribute('data-static-search', 'done');
      performance.measure('static-search', 'static-search-start');
      if (isInPlace) {
        const heading = section.querySelector('h1');
        heading?.setAttribute('tabindex', '-1');
        heading?.focus();
      }
    });
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

start();
