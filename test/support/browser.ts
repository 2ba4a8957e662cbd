// The public site served on a real port and a real browser, for test/browser/: the demo
// content plus one report imported from the seed-shaped fixture, Debian's Chromium driven by
// playwright-core, and a guard that lets pages talk to our server only.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { after, before } from 'node:test';
import type { AddressInfo } from 'node:net';
import { PDFDocument } from 'pdf-lib';
import { chromium, type Browser, type BrowserContextOptions, type ConsoleMessage, type Page } from 'playwright-core';
import { importText } from '../../src/actions/import/import-text.js';
import { seedDemoIfEmpty } from '../../src/actions/site/seed-demo.js';
import { storeMedia } from '../../src/actions/media/store-media.js';
import { addTestUser, TEST_PASSWORD } from './admin.js';
import { createTestApp, type TestApp } from './app.js';

export const SEED_SHAPED_TITLE = '第2回日・ルミナ海洋協力閣僚対話';
export const SEED_SHAPED_PATH = '/activity/2013-11-02/';

/** The public pages every page-level check (accessibility, validity, screenshots) visits. */
export const PUBLIC_PAGES: readonly { name: string; path: string; status: number }[] = [
  { name: 'home', path: '/', status: 200 },
  { name: 'activity-list', path: '/activity/', status: 200 },
  { name: 'seed-shaped-report', path: SEED_SHAPED_PATH, status: 200 },
  { name: 'year-archive', path: '/activity/2025/', status: 200 },
  { name: 'month-archive', path: '/activity/2025/03/', status: 200 },
  { name: 'category-archive', path: '/category/diplomacy/', status: 200 },
  { name: 'tag-archive', path: `/tag/${encodeURIComponent('外交')}/`, status: 200 },
  { name: 'profile', path: '/profile/', status: 200 },
  { name: 'search-form', path: '/search', status: 200 },
  { name: 'search-results', path: `/search?q=${encodeURIComponent('外交')}&year=2025`, status: 200 },
  { name: 'search-results-paged', path: `/search?q=${encodeURIComponent('の')}&page=2`, status: 200 },
  { name: 'search-no-results', path: `/search?q=${encodeURIComponent('該当しない語句')}&category=diplomacy`, status: 200 },
  { name: 'search-refused', path: `/search?q=${encodeURIComponent('1 2 3 4 5 6 7 8 9 10 11')}`, status: 400 },
  { name: 'not-found', path: '/no-such-page/', status: 404 },
];

export const VIEWPORTS = [
  { name: 'mobile', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

export const SCREENSHOT_DIR = 'test-artifacts/screenshots';

const SEED_SHAPED_BODY = readFileSync(new URL('../fixtures/seed-shaped-report.txt', import.meta.url), 'utf8');

export interface RunningSite extends TestApp {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  origin: string;
}

/** The demo site plus the seed-shaped report, listening on 127.0.0.1 on a free port. */
export async function startPublicSite(): Promise<RunningSite> {
  const t = await createTestApp({
    seed: async (site) => {
      await seedDemoIfEmpty(site);
      // The fixture links [ファクトシート](media:factsheet.pdf): store a PDF under that name.
      // Its own bytes: media are content-addressed, so the demo's PDF would keep its name.
      await storeMedia(site, { bytes: await blankPdf(3), fileName: 'factsheet.pdf', mime: 'application/pdf' });
      // Title and date lines as staff paste them, then the fixture body (import-text rule).
      await importText(site, {
        content: `活動報告\n${SEED_SHAPED_TITLE}\n2013年11月2日\n\n${SEED_SHAPED_BODY}`,
        category: '外交・安全保障',
        tags: ['外交', '海洋'],
      });
    },
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  return { ...t, origin: `http://127.0.0.1:${port}` };
}

async function blankPdf(pageCount: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setCreationDate(new Date('2013-11-02T00:00:00Z'));
  pdf.setModificationDate(new Date('2013-11-02T00:00:00Z'));
  for (let i = 0; i < pageCount; i++) pdf.addPage();
  return pdf.save();
}

/** `extraArgs`: more Chromium switches (bench/static-search.bench.ts trusts its own certificate for HTTP/2). */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
}

/** What happened in a page besides what the test looks at. */
export interface PageLog {
  /** Requests to anything but our server, aborted by the guard. */
  blocked: string[];
  console: ConsoleMessage[];
  pageErrors: Error[];
}

/**
 * Runs `fn` with a page in a fresh browser context whose every request to another host
 * than our server is aborted and recorded; fails when one was attempted. The context is
 * closed whatever happens.
 */
export async function withPage<T>(browser: Browser, site: RunningSite, options: BrowserContextOptions, fn: (page: Page, log: PageLog) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ baseURL: site.origin, locale: 'ja-JP', ...options });
  const log: PageLog = { blocked: [], console: [], pageErrors: [] };
  const ownHost = new URL(site.origin).host;
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isOwn(url, ownHost)) return route.continue();
    log.blocked.push(url);
    return route.abort('blockedbyclient');
  });
  try {
    const page = await context.newPage();
    page.on('console', (message) => log.console.push(message));
    page.on('pageerror', (error) => log.pageErrors.push(error));
    const result = await fn(page, log);
    assert.deepEqual(log.blocked, [], `requests left 127.0.0.1: ${log.blocked.join(', ')}`);
    return result;
  } finally {
    await context.close();
  }
}

function isOwn(url: string, ownHost: string): boolean {
  // data: URLs (the stylesheet may use them) never leave the machine.
  if (url.startsWith('data:')) return true;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.host === ownHost;
  } catch {
    return false;
  }
}

/** Goes to `path` and checks the HTTP status, so a wrong URL fails here and not later. */
export async function open(page: Page, path: string, status = 200): Promise<void> {
  const response = await page.goto(path, { waitUntil: 'load' });
  assert.ok(response, `no response for ${path}`);
  assert.equal(response.status(), status, `status of ${path}`);
}

export function screenshotDir(): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return SCREENSHOT_DIR;
}

export interface BrowserSession {
  site: RunningSite;
  browser: Browser;
}

/** One site and one browser for the test file, started before and closed after its tests. */
export function useBrowserSession(): BrowserSession {
  const session = {} as BrowserSession;
  before(async () => {
    session.site = await startPublicSite();
    session.browser = await launchChromium();
  });
  after(async () => {
    await session.browser?.close();
    await session.site?.close();
  });
  return session;
}

/**
 * Presses a button of the editor's attachment panel: with JavaScript the panel is sent with
 * fetch and replaced in place (assets/editor-draft.js, which then dispatches
 * 'katsudo:attachments-updated'); without it the page is posted and reloaded.
 */
export async function pressInAttachmentPanel(page: Page, name: string | RegExp): Promise<void> {
  const isScripted = await page.evaluate(() => document.querySelector('script[src*="editor-draft"]') !== null && typeof fetch === 'function');
  if (!isScripted) {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator('#attachments').getByRole('button', { name }).first().click()]);
    return;
  }
  const updated = page.evaluate(() => new Promise<void>((resolve) => document.addEventListener('katsudo:attachments-updated', () => resolve(), { once: true })));
  await page.locator('#attachments').getByRole('button', { name }).first().click();
  await updated;
}

/** The owner account of each running site, added on first use. */
const owners = new WeakMap<RunningSite, Promise<unknown>>();

/** Signs in through the login form as the site's owner account (`owner`, added on first use). */
export async function logInAsOwner(page: Page, site: RunningSite): Promise<void> {
  if (!owners.has(site)) owners.set(site, addTestUser(site.site, { login: 'owner', role: 'owner' }));
  await owners.get(site);
  await open(page, '/admin/login');
  await page.getByLabel('ログイン名').fill('owner');
  await page.getByLabel('パスワード').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL('**/admin/');
}
