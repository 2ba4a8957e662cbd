// The static search page in Chromium, served from a directory by a plain static file server
// (CSP `script-src 'self'`, no server-side search): for 200 queries it shows what the
// server's /search shows — the same fixed pages and reports in the same order, counts,
// highlighted titles, snippets, 添付資料内, paging — and the reports in the order of
// /api/v1/search; the list first, the snippets filled in as the reports' text files arrive.
// Without JavaScript the page says the search needs it and links the archives.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { extname, join, normalize } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { readSearchHead } from '../../src/exporter/search/read-search-head.js';
import { writeSearchIndex } from '../../src/exporter/search/write-search-index.js';
import { renderPublicPath } from '../../src/site/render-public-path.js';
import { loadAssets } from '../../src/web/assets.js';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../support/app.js';
import { launchChromium } from '../support/browser.js';
import type { SearchCorpus } from '../support/search-corpus.js';
import { seedStaticSearchSite, staticQueries, type StaticQuery } from '../exporter/search/static-search-site.js';

let t: TestApp;
let corpus: SearchCorpus;
let dir: string;
let server: Server;
let origin: string;
let browser: Browser;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** A static file server as a CDN is: files only, `/x/` → `/x/index.html`, and a strict CSP. */
function serveDirectory(root: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return void response.writeHead(403).end();
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      response.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'",
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The search page as katsudo build writes it: carrying the head of the index in `dir` now. */
async function writeSearchPage(): Promise<void> {
  const deps = { ctx: t.site, baseUrl: TEST_BASE_URL, assets: loadAssets() };
  const page = await renderPublicPath(deps, '/search', { staticSearch: true, staticIndexHead: await readSearchHead(join(dir, 'search-index')) });
  assert.equal(page.kind, 'page');
  mkdirSync(join(dir, 'search'), { recursive: true });
  writeFileSync(join(dir, 'search', 'index.html'), page.kind === 'page' ? page.body : '');
}

before(async () => {
  t = await createTestApp({ seed: async (site) => void (corpus = await seedStaticSearchSite(site)) });
  dir = mkdtempSync(join(tmpdir(), 'katsudo-static-search-'));
  const deps = { ctx: t.site, baseUrl: TEST_BASE_URL, assets: loadAssets() };
  await writeSearchIndex(deps, dir);
  for (const asset of [deps.assets.css, deps.assets.icon]) writeFileSync(join(dir, asset.path), asset.body);
  await writeSearchPage();
  server = await serveDirectory(dir);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function searchPath(query: StaticQuery): string {
  const params = new URLSearchParams({ q: query.q });
  if (query.year !== undefined) params.set('year', String(query.year));
  if (query.category) params.set('category', query.category);
  if (query.kind) params.set('kind', query.kind);
  if (query.activity) params.set('activity', query.activity);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  return `/search/?${params}`;
}

/** The parts of the search section that hold results, as HTML, and the heading. */
function resultsOf(page: Page): Promise<{ heading: string; parts: string[] }> {
  return page.evaluate(() => {
    const section = document.querySelector('section.search-page')!;
    const parts = Array.from(section.querySelectorAll('.search-pages, ol.search-results, .result-count, nav.pagination, .search-empty, .field-error'));
    return { heading: section.querySelector('h1')!.textContent ?? '', parts: parts.map((p) => p.outerHTML) };
  });
}

/** deepEqual, with a message short enough to read: the first part that differs, around the first difference. */
function assertSameParts(actual: { heading: string; parts: string[] }, wanted: { heading: string; parts: string[] }, label: string): void {
  assert.equal(actual.heading, wanted.heading, `${label}: heading`);
  assert.equal(
    actual.parts.length,
    wanted.parts.length,
    `${label}: ${actual.parts.length} parts, server ${wanted.parts.length}\n${actual.parts.map((p) => p.slice(0, 80)).join('\n')}\n--\n${wanted.parts.map((p) => p.slice(0, 80)).join('\n')}`,
  );
  actual.parts.forEach((part, i) => {
    const other = wanted.parts[i]!;
    if (part === other) return;
    let at = 0;
    while (part[at] === other[at]) at++;
    assert.fail(
      `${label}: part ${i} differs at ${at}:\n  static: …${part.slice(Math.max(0, at - 80), at + 120)}\n  server: …${other.slice(Math.max(0, at - 80), at + 120)}`,
    );
  });
}

test("200 queries show the server's results in the same order, with the same markup", async () => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const errors: string[] = [];
  const staticPage = await context.newPage();
  staticPage.on('pageerror', (error) => errors.push(error.message));
  staticPage.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  const serverPage = await context.newPage();
  let compared = 0;
  try {
    for (const query of staticQueries(corpus, 200)) {
      const path = searchPath(query);
      const expected = await t.app.inject({ method: 'GET', url: path.replace('/search/', '/search') });
      await staticPage.goto(`${origin}${path}`);
      await staticPage.waitForSelector('section.search-page[data-static-search="done"]');
      const actual = await resultsOf(staticPage);
      if (expected.statusCode === 404) {
        assert.deepEqual(actual.parts, ['<p class="result-count">このページに検索結果はありません。</p>'], path);
        continue;
      }
      await serverPage.setContent(expected.body.replace(/<link[^>]*>/g, ''));
      const wanted = await resultsOf(serverPage);
      assertSameParts(actual, wanted, `${path} (server ${expected.statusCode})`);
      if (!query.year && !query.category && !query.kind && !query.activity && expected.statusCode === 200) {
        const api = JSON.parse((await t.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(query.q)}&page=${query.page ?? 1}` })).body);
        const links = await staticPage.$$eval('ol.search-results h2 a', (as) => as.map((a) => a.getAttribute('href')));
        assert.deepEqual(
          links,
          (api.items ?? []).map((i: { url: string }) => i.url.slice(TEST_BASE_URL.length)),
          `${path} (API order)`,
        );
        compared++;
      }
    }
  } finally {
    await context.close();
  }
  assert.deepEqual(errors, []);
  assert.ok(compared > 100, `${compared} compared with the API`);
});

test("the list shows while the reports' text files are on their way, the list busy; the snippets then fill in and the page is the server's", async () => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/search-index\/x\d+\.dat$/, async (route) => {
    await Promise.race([released, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    await route.continue();
  });
  const path = `/search/?q=${encodeURIComponent('鏡像語')}`;
  const state = () =>
    page.evaluate(() => ({
      isDone: document.querySelector('section.search-page')!.hasAttribute('data-static-search'),
      links: Array.from(document.querySelectorAll('ol.search-results h2 a'), (a) => [a.getAttribute('href'), a.textContent]),
      snippets: Array.from(document.querySelectorAll('ol.search-results .search-snippet'), (p) => p.textContent),
      marks: ['static-search-listed', 'static-search-found'].map((name) => performance.getEntriesByName(name).length),
      isKept: Object.keys(localStorage).some((key) => key.startsWith('katsudo-static-search-result:')),
    }));
  try {
    await page.goto(`${origin}${path}`);
    await page.waitForSelector('section.search-page ol.search-results[aria-busy="true"] > li', { timeout: 8000 });
    const listed = await state();
    assert.equal(listed.isDone, false, 'not done before the snippets');
    assert.equal(listed.links.length, 20);
    assert.deepEqual(new Set(listed.snippets), new Set(['\u00a0']), 'each snippet line held, empty');
    assert.deepEqual(listed.marks, [1, 0]);
    assert.equal(listed.isKept, false, 'nothing kept before complete');
    release();
    await page.waitForSelector('section.search-page[data-static-search="done"]');
    const complete = await state();
    assert.deepEqual(complete.links, listed.links);
    assert.deepEqual(complete.marks, [1, 1]);
    assert.equal(complete.isKept, true);
    assert.equal(await page.locator('ol.search-results[aria-busy]').count(), 0);
    const expected = await t.app.inject({ method: 'GET', url: path.replace('/search/', '/search') });
    const serverPage = await context.newPage();
    await serverPage.setContent(expected.body.replace(/<link[^>]*>/g, ''));
    assertSameParts(await resultsOf(page), await resultsOf(serverPage), 'complete');
  } finally {
    release();
    await context.close();
  }
});

test("the results' markup is the page's templates (the server's components): a change to a template shows in every result", async () => {
  const page = await browser.newPage({ locale: 'ja-JP' });
  // The page as served, with a mark added to the templates' report item, fixed-page section and pagination.
  await page.route(/\/search\/(\?|$)/, async (route) => {
    const response = await route.fetch();
    const body = (await response.text())
      .replace(/(<template data-template="report-item[^"]*"><li class="report-list-item")/g, '$1 data-probe="item"')
      .replace(/(<template data-template="pages[^"]*"><section class="search-pages")/g, '$1 data-probe="pages"')
      .replace(/(<template data-template="pagination"><nav class="pagination")/, '$1 data-probe="nav"');
    await route.fulfill({ response, body });
  });
  try {
    await page.goto(`${origin}/search/?q=${encodeURIComponent('鏡像語')}`);
    await page.waitForSelector('section.search-page[data-static-search="done"]');
    const probes = await page.evaluate(() => ({
      items: Array.from(document.querySelectorAll('section.search-page ol.search-results > li'), (li) => li.getAttribute('data-probe')),
      navs: Array.from(document.querySelectorAll('section.search-page nav.pagination'), (nav) => nav.getAttribute('data-probe')),
    }));
    assert.equal(probes.items.length, 20);
    assert.deepEqual(new Set(probes.items), new Set(['item']));
    assert.deepEqual(probes.navs, ['nav']);
    await page.goto(`${origin}/search/?q=${encodeURIComponent('地域')}`);
    await page.waitForSelector('section.search-page[data-static-search="done"]');
    assert.equal(await page.locator('section.search-pages[data-probe="pages"]').count(), 1);
  } finally {
    await page.close();
  }
});

test('a search from the form, a results link and Back show what a new load shows, in place, reusing the shards already read', async () => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  const fresh = await context.newPage();
  const freshResults = async (path: string) => {
    await fresh.goto(`${origin}${path}`);
    await fresh.waitForSelector('section.search-page[data-static-search="done"]');
    return resultsOf(fresh);
  };
  const done = () => page.waitForSelector('section.search-page[data-static-search="done"]');
  try {
    await page.goto(`${origin}/search/?q=${encodeURIComponent('地域')}`);
    await done();
    await page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));
    const form = page.getByRole('search', { name: '検索条件' });
    await form.getByRole('searchbox', { name: '検索語' }).fill('鏡像語');
    await form.getByRole('button', { name: '検索' }).click();
    await done();
    const searched = new URL(page.url());
    assert.equal(searched.searchParams.get('q'), '鏡像語');
    assertSameParts(await resultsOf(page), await freshResults(`${searched.pathname}${searched.search}`), 'sent from the form');
    assert.equal(await page.title(), await fresh.title());
    assert.equal(await page.getByRole('status').textContent(), '「鏡像語」の検索結果: 活動報告50件');

    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await page.getByRole('link', { name: '次のページ' }).first().click();
    await done();
    const paged = new URL(page.url());
    assert.equal(paged.searchParams.get('page'), '2');
    assertSameParts(await resultsOf(page), await freshResults(`${paged.pathname}${paged.search}`), 'page 2 in place');
    // Same query, another page: only the doc table (is the index still the same?) and the shown reports' texts.
    assert.deepEqual(
      asked.filter((path) => path.startsWith('/search-index/') && !/^\/search-index\/(docs|x\d+)\.dat$/.test(path)),
      [],
    );
    assert.ok(asked.includes('/search-index/docs.dat'));

    await page.goBack();
    await done();
    assert.equal(new URL(page.url()).searchParams.get('page'), null);
    assertSameParts(await resultsOf(page), await freshResults(`${searched.pathname}${searched.search}`), 'back');
    assert.equal(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept), true, 'the page was not loaded again');
    // The skip link changes only the fragment: the results stay, not searched again.
    await page.evaluate(() => document.querySelector('section.search-page')!.setAttribute('data-marked', ''));
    await page.locator('a.skip-link').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#main$/);
    assert.equal(await page.locator('section.search-page[data-marked]').count(), 1);
  } finally {
    await context.close();
  }
});

/**
 * Loads `url` with the doc table held back until every one of `files` is asked for (or 5 s: the
 * failing case); resolves to those of `files` not asked for before the table was answered.
 */
async function filesAskedAfterTable(page: Page, url: string, files: readonly string[]): Promise<string[]> {
  const asked = new Set<string>();
  let allAsked: () => void = () => undefined;
  const whenAllAsked = new Promise<void>((resolve) => (allAsked = resolve));
  page.on('request', (request) => {
    asked.add(new URL(request.url()).pathname);
    if (files.every((path) => asked.has(path))) allAsked();
  });
  let askedBeforeTable: string[] = [];
  await page.route('**/search-index/docs.dat', async (route) => {
    await Promise.race([whenAllAsked, new Promise((resolve) => setTimeout(resolve, 5000))]);
    askedBeforeTable = [...asked];
    await route.continue();
  });
  await page.goto(url);
  await page.waitForSelector('section.search-page[data-static-search="done"]');
  return files.filter((path) => !askedBeforeTable.includes(path));
}

test('a new load of a search made before asks for the files it read beside the doc table, not after it', async () => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  const url = `${origin}/search/?q=${encodeURIComponent('鏡像語')}`;
  const asked = new Set<string>();
  page.on('request', (request) => asked.add(new URL(request.url()).pathname));
  try {
    await page.goto(url);
    await page.waitForSelector('section.search-page[data-static-search="done"]');
    const files = [...asked].filter((path) => path.startsWith('/search-index/') && path !== '/search-index/docs.dat');
    assert.ok(files.some((path) => /^\/search-index\/x\d+\.dat$/.test(path)) && files.some((path) => /^\/search-index\/[bsw]/.test(path)), files.join());
    const shown = await resultsOf(page);
    // The outcome kept by the first load is dropped (a search whose outcome is kept fetches nothing ahead), the list of its files kept.
    await page.evaluate(() => Object.keys(localStorage).forEach((key) => key.startsWith('katsudo-static-search-result') && localStorage.removeItem(key)));
    assert.deepEqual(await filesAskedAfterTable(page, url, files), []);
    assertSameParts(await resultsOf(page), shown, 'the new load');
  } finally {
    await context.close();
  }
});

test("a live region announces the count, and the page runs under script-src 'self'", async () => {
  const page = await browser.newPage({ locale: 'ja-JP' });
  const violations: string[] = [];
  page.on('console', (message) => message.type() === 'error' && violations.push(message.text()));
  await page.goto(`${origin}/search/?q=${encodeURIComponent('鏡像語')}`);
  await page.waitForSelector('section.search-page[data-static-search="done"]');
  assert.equal(await page.getByRole('status').textContent(), '「鏡像語」の検索結果: 活動報告50件');
  assert.equal(await page.title().then((title) => title.startsWith('「鏡像語」の検索結果')), true);
  assert.deepEqual(violations, []);
  await page.close();
});

test('without JavaScript the page says the search needs it and links the archives', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto(`${origin}/search/?q=${encodeURIComponent('外交')}`);
  const note = page.locator('.search-noscript');
  assert.match((await note.textContent()) ?? '', /JavaScriptが必要です/);
  assert.equal(await note.getByRole('link').getAttribute('href'), '/activity/');
  await context.close();
});

test('a first load asks for its shards beside the doc table (named by the head the page carries), not after it', async () => {
  const url = `${origin}/search/?q=${encodeURIComponent('鏡像語 地域')}`;
  const shardsOf = (paths: Iterable<string>) => [...paths].filter((path) => /^\/search-index\/[bsw][^/]*\.dat$/.test(path));
  const seen = await browser.newContext({ locale: 'ja-JP' });
  const asked = new Set<string>();
  try {
    const page = await seen.newPage();
    page.on('request', (request) => asked.add(new URL(request.url()).pathname));
    await page.goto(url);
    await page.waitForSelector('section.search-page[data-static-search="done"]');
  } finally {
    await seen.close();
  }
  const shards = shardsOf(asked);
  assert.ok(shards.length >= 3, shards.join());
  // A new browser profile (nothing kept).
  const context = await browser.newContext({ locale: 'ja-JP' });
  try {
    assert.deepEqual(await filesAskedAfterTable(await context.newPage(), url, shards), []);
  } finally {
    await context.close();
  }
});

/**
 * Holds the doc table's requests back until release() (or 5 s: the failing case, the page
 * waiting on it; later requests pass); release() tells whether one was answered before it.
 */
async function holdTable(page: Page): Promise<{ release(): boolean }> {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let isAnswered = false;
  await page.route('**/search-index/docs.dat', async (route) => {
    await Promise.race([released, new Promise((resolve) => setTimeout(resolve, 5000))]);
    isAnswered = true;
    await route.continue();
  });
  return {
    release: () => {
      const wasAnswered = isAnswered;
      release();
      return wasAnswered;
    },
  };
}

test("a reload or an in-place search kept shows without waiting on the doc table; a page older than the index shows the index's results, a newer page never an older outcome", async () => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  const url = `${origin}/search/?q=${encodeURIComponent('鏡像語')}`;
  const load = async (build?: string) => {
    await page.goto(url);
    await page.waitForSelector(`section.search-page[data-static-search="done"]${build ? `[data-index-build="${build}"]` : ''}`);
    const isStored = await page.evaluate(() => performance.getEntriesByName('static-search-stored').length > 0);
    return { ...(await resultsOf(page)), isStored };
  };
  const docTable = () => JSON.parse(gunzipSync(readFileSync(join(dir, 'search-index', 'docs.dat'))).toString()) as Record<string, unknown>;
  const buildOfIndex = async () => (JSON.parse(await readSearchHead(join(dir, 'search-index'))) as { build: string }).build;
  const rename = async (from: string, to: string) => {
    await t.site.db.updateTable('reports').set({ title: to }).where('title', '=', from).execute();
    await writeSearchIndex({ ctx: t.site }, dir);
  };
  try {
    const first = await load();
    assert.equal(first.isStored, false);

    const held = await holdTable(page);
    const again = await load();
    assert.equal(held.release(), false, 'shown before the doc table arrived');
    assert.equal(again.isStored, true, 'the kept outcome was shown');
    assertSameParts(again, first, 'kept');

    // A new build whose doc table differs only in its build (titles changed, not their sizes); the page still names the older one.
    const { build: oldBuild, names: oldNames, ...before } = docTable();
    await rename('同じ内容の報告', '同じ内容の報道');
    const { build, names, ...after } = docTable();
    assert.notEqual(names, oldNames, 'another names file');
    assert.notEqual(build, oldBuild);
    assert.deepEqual(after, before, 'the rest of the doc table is unchanged');
    const replaced = await load(await buildOfIndex());
    assert.match(replaced.parts.join(''), /同じ内容の報道/, 'the older page shows the results of the index it finds');
    assert.doesNotMatch(replaced.parts.join(''), /同じ内容の報告/);

    // Sent again from the page's form: the outcome kept for the doc table last read shows.
    const heldInPlace = await holdTable(page);
    await page.getByRole('search', { name: '検索条件' }).getByRole('button', { name: '検索' }).click();
    await page.waitForSelector('section.search-page[data-static-search="done"]');
    assert.equal(heldInPlace.release(), false, 'in place, shown before the doc table arrived');
    assertSameParts(await resultsOf(page), replaced, 'in place');

    // Another build, and a page written with it: the outcome kept for the build before is not shown.
    await rename('同じ内容の報道', '同じ内容の記録');
    await writeSearchPage();
    const rebuilt = await load();
    assert.equal(rebuilt.isStored, false, 'not the kept outcome of the older build');
    assert.equal(await page.locator('section.search-page').getAttribute('data-index-build'), await buildOfIndex());
    assert.match(rebuilt.parts.join(''), /同じ内容の記録/);
    assert.doesNotMatch(rebuilt.parts.join(''), /同じ内容の報道/);
  } finally {
    await context.close();
  }
});
