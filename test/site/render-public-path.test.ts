// renderPublicPath and listPublicPaths against the server: every public path gives the bytes
// the server sends, and the list is exactly what a crawler finds from the home page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { seedDemoIfEmpty } from '../../src/actions/site/seed-demo.js';
import { listPublicPaths } from '../../src/site/list-public-paths.js';
import { renderNotFoundPage } from '../../src/site/not-found-page.js';
import { renderPublicPath } from '../../src/site/render-public-path.js';
import { STATIC_SEARCH_SCRIPT } from '../../src/site/search/search-page.js';
import type { SiteDeps } from '../../src/site/site-deps.js';
import { addRedirect } from '../../src/store/redirects.js';
import { loadAssets } from '../../src/web/assets.js';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../support/app.js';
import { publishReport } from '../support/factories.js';
import { confirmRecordsOnEveryReport } from '../support/public-records.js';

let t: TestApp;
let deps: SiteDeps;

before(async () => {
  t = await createTestApp({
    seed: async (site) => {
      await seedDemoIfEmpty(site);
      // Enough reports in one month and under one tag for their archives to have page 2.
      // A report may take the slug "page": /activity/page/ is that report, /activity/page/2/ the list's page 2.
      await publishReport(site, { title: '頁という名の報告', activityDate: '2025-02-01', slug: 'page' });
      for (let i = 1; i <= 22; i++) {
        await publishReport(site, { title: `地域の集い${i}`, activityDate: `2025-03-${String(i).padStart(2, '0')}`, tags: ['地域', '集い&交流'] });
      }
      await confirmRecordsOnEveryReport(site);
      await site.db.transaction().execute((trx) => addRedirect(trx, '/old/kouhou/', '/activity/', site.now().toISOString()));
      await site.db.transaction().execute((trx) => addRedirect(trx, '/?p=12', '/profile/', site.now().toISOString()));
    },
  });
  deps = { ctx: t.site, baseUrl: TEST_BASE_URL, assets: loadAssets() };
});
after(async () => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

test('renders every listed path with the bytes and type the server sends', async () => {
  const listed = await listPublicPaths(deps);
  assert.ok(listed.length > 40, `${listed.length} paths`);
  assert.equal(new Set(listed).size, listed.length, 'no path twice');
  for (const path of listed) {
    const result = await renderPublicPath(deps, path);
    assert.equal(result.kind, 'page', path);
    if (result.kind !== 'page') continue;
    const res = await get(path);
    assert.equal(res.statusCode, 200, path);
    assert.equal(res.headers['content-type'], result.contentType, path);
    assert.ok(Buffer.from(result.body).equals(res.rawPayload), `bytes of ${path}`);
  }
});

test('lists exactly the paths a crawler finds from the home page, robots.txt and the sitemap', async () => {
  const found = new Set<string>();
  const queue = ['/', '/robots.txt', '/sitemap.xml'];
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (found.has(path)) continue;
    const res = await get(path);
    if (res.statusCode !== 200) continue;
    found.add(path);
    const type = String(res.headers['content-type']);
    if (!/html|xml/.test(type)) continue;
    for (const link of linksIn(res.body)) if (!found.has(link)) queue.push(link);
  }
  const listed = await listPublicPaths(deps);
  assert.deepEqual({ missing: listed.filter((p) => !found.has(p)), unlisted: [...found].filter((p) => !listed.includes(p)) }, { missing: [], unlisted: [] });
  assert.ok(listed.includes('/activity/page/2/') && listed.includes('/activity/2025/03/page/2/'));
  assert.ok(listed.includes(`/tag/${encodeURIComponent('集い&交流')}/page/2/`));
  assert.ok(listed.includes('/activity/page/'), 'the report whose slug is "page"');
});

/** Site-internal links of a page (href, src, a form's action, sitemap <loc>), as paths; not media, the API, the admin or queries. */
function linksIn(body: string): string[] {
  const raw = [...body.matchAll(/(?:href|src|action)="([^"]+)"|<loc>([^<]+)<\/loc>/g)].map((m) => (m[1] ?? m[2])!.replace(/&amp;/g, '&'));
  return raw
    .map((url) => (url.startsWith(TEST_BASE_URL) ? url.slice(TEST_BASE_URL.length) : url))
    .filter((url) => url.startsWith('/') && !url.startsWith('//'))
    .map((url) => url.split('#')[0]!)
    .filter((url) => url !== '' && !url.includes('?') && !/^\/(media|api|admin)\//.test(url));
}

test('answers the 404 page as the server sends it', async () => {
  const res = await get('/no-such-page/');
  assert.equal(res.statusCode, 404);
  assert.equal(await renderNotFoundPage(deps), res.body);
  for (const path of ['/no-such-page/', '/activity/no-such-report/', '/activity/1999/', '/category/none/', '/activity/page/99/', '/media/x/y.pdf', '/%E0%A4%A/']) {
    assert.deepEqual(await renderPublicPath(deps, path), { kind: 'not-found' }, path);
  }
});

test('answers redirects as the server does: the redirects table, ?p= addresses, missing slashes, old page links', async () => {
  const cases = [
    ['/old/kouhou/', '/activity/'],
    ['/?p=12', '/profile/'],
    ['/activity', '/activity/'],
    ['/activity/?page=2', '/activity/page/2/'],
    ['/activity/page/1/', '/activity/'],
    ['/favicon.ico', deps.assets.icon.path],
  ];
  for (const [path, location] of cases) {
    assert.deepEqual(await renderPublicPath(deps, path!), { kind: 'redirect', location }, path);
    const res = await get(path!);
    assert.equal(res.statusCode, 301, path);
    assert.equal(res.headers.location, location, path);
  }
});

test('gives the static search page: the server page plus the script and a note for readers without JavaScript', async () => {
  const result = await renderPublicPath(deps, '/search', { staticSearch: true });
  assert.equal(result.kind, 'page');
  if (result.kind !== 'page') return;
  const body = String(result.body);
  const server = (await get('/search')).body;
  assert.notEqual(body, server);
  assert.match(body, new RegExp(`<script type="module" src="${STATIC_SEARCH_SCRIPT}"></script>`));
  assert.match(body, /<noscript>[\s\S]*JavaScript[\s\S]*href="\/activity\/"[\s\S]*<\/noscript>/);
  assert.equal(body.replace(/<noscript>[\s\S]*<\/script>/, ''), server);
});

test('renders a search with words as the server does', async () => {
  const path = `/search?q=${encodeURIComponent('地域')}`;
  const result = await renderPublicPath(deps, path);
  assert.equal(result.kind, 'page');
  if (result.kind === 'page') assert.equal(result.body, (await get(path)).body);
});

test('answers any path as the server does: a page (200), the same 301, or not found (404, or 400 for a bad query)', async () => {
  // No dot segments: clients (and inject) resolve `/..` before asking.
  const segment = fc.constantFrom(
    'activity',
    'page',
    '2',
    '1',
    '0',
    '2025',
    '03',
    '13',
    'category',
    'tag',
    'profile',
    'search',
    'feed.xml',
    encodeURIComponent('地域'),
    '%FF',
    'x.y',
    'seisaku',
    'no-such',
    'a'.repeat(90),
  );
  const query = fc.constantFrom('', '?page=2', '?page=1', '?page=abc', '?p=12', `?q=${encodeURIComponent('地域')}`);
  const pathArb = fc
    .tuple(fc.array(segment, { maxLength: 5 }), fc.boolean(), query)
    .map(([segments, slash, q]) => `/${segments.join('/')}${slash && segments.length > 0 ? '/' : ''}${q}`);
  await fc.assert(
    fc.asyncProperty(pathArb, async (path) => {
      const result = await renderPublicPath(deps, path);
      const res = await get(path);
      if (result.kind === 'page') return res.statusCode === 200 && Buffer.from(result.body).equals(res.rawPayload);
      if (result.kind === 'redirect') return res.statusCode === 301 && res.headers.location === result.location;
      return res.statusCode === 404 || res.statusCode === 400;
    }),
    // The first counterexample found (in CI): a report whose slug is `page`, with a bad ?page.
    // And one found later: /category/page/ gave the report whose slug is `page`.
    { numRuns: 300, examples: [['/activity/page/?page=abc'], ['/category/page/']] },
  );
});
