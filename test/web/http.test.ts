import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from '../support/app.js';
import { publishReport, setSettings } from '../support/factories.js';

let t: TestApp;

before(async () => {
  t = await createTestApp({
    seed: async (site) => {
      await setSettings(site);
      for (let i = 1; i <= 3; i++) await publishReport(site, { activityDate: `2024-04-0${i}`, bodySource: `本文${i}。`.repeat(300) });
    },
  });
});
after(async () => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

test('answers a matching If-None-Match with 304 and no body', async () => {
  const first = await get('/activity/2024-04-01/');
  const etag = first.headers.etag as string;
  assert.match(etag, /^"[\w-]+"$/);
  const second = await get('/activity/2024-04-01/', { 'if-none-match': etag });
  assert.equal(second.statusCode, 304);
  assert.equal(second.body, '');
  assert.equal((await get('/activity/2024-04-01/', { 'if-none-match': `W/${etag}, "other"` })).statusCode, 304);
  assert.equal((await get('/activity/2024-04-01/', { 'if-none-match': '"stale"' })).statusCode, 200);
});

test('sets Cache-Control on public pages and feeds', async () => {
  for (const url of ['/', '/activity/', '/activity/2024-04-01/', '/profile/', '/feed.xml', '/sitemap.xml', '/api/v1/reports']) {
    assert.match((await get(url)).headers['cache-control'] as string, /public, max-age=\d+/, url);
  }
});

test('changes the ETag and the page after a new report is published', async () => {
  const before = await get('/activity/');
  await publishReport(t.site, { title: '公開直後の報告', activityDate: '2024-04-20' });
  const after = await get('/activity/', { 'if-none-match': before.headers.etag as string });
  assert.equal(after.statusCode, 200);
  assert.notEqual(after.headers.etag, before.headers.etag);
  assert.match(after.body.replaceAll('<wbr/>', ''), /公開直後の報告/);
});

test('compresses pages with brotli or gzip as the client accepts', async () => {
  const plain = await get('/activity/2024-04-02/');
  const br = await get('/activity/2024-04-02/', { 'accept-encoding': 'gzip, deflate, br' });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.match(br.headers.vary as string, /Accept-Encoding/i);
  assert.equal(brotliDecompressSync(br.rawPayload).toString(), plain.body);
  assert.ok(br.rawPayload.byteLength < plain.rawPayload.byteLength / 2);
  const gz = await get('/activity/2024-04-02/', { 'accept-encoding': 'gzip' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(gunzipSync(gz.rawPayload).toString(), plain.body);
  const refused = await get('/activity/2024-04-02/', { 'accept-encoding': 'br;q=0, gzip;q=0' });
  assert.equal(refused.headers['content-encoding'], undefined);
});

test('sends the security headers: CSP without inline script, nosniff, no framing, referrer policy', async () => {
  for (const url of ['/', '/activity/2024-04-01/', '/no-such-page']) {
    const res = await get(url);
    const csp = res.headers['content-security-policy'] as string;
    assert.match(csp, /script-src 'self'/, url);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, url);
    assert.match(csp, /frame-ancestors 'none'/, url);
    assert.match(csp, /object-src 'none'/, url);
    assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
    assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin', url);
  }
});

test('pages carry no script other than JSON-LD data', async () => {
  const body = (await get('/activity/2024-04-01/')).body;
  const scripts = body.match(/<script[^>]*>/g) ?? [];
  assert.ok(scripts.length > 0);
  for (const tag of scripts) assert.equal(tag, '<script type="application/ld+json">');
});

test('answers HEAD like GET without a body', async () => {
  const res = await t.app.inject({ method: 'HEAD', url: '/activity/2024-04-01/' });
  assert.equal(res.statusCode, 200);
  assert.equal(res.body, '');
  assert.match(res.headers['content-type'] as string, /text\/html/);
  assert.ok(res.headers.etag);
});

test('answers bad page parameters with 400 or 404 and a Japanese page', async () => {
  const cases: [string, number | number[]][] = [
    ['/activity/?page=-1', 400],
    ['/activity/?page=0', 400],
    ['/activity/?page=abc', 400],
    ['/activity/?page=1.5', 400],
    ['/activity/?page=1e999', [400, 404]],
    ['/activity/page/99999/', 404],
    ['/activity/?page=100001', 400],
    ['/activity/2024/?page=abc', 400],
    ['/activity/2024/?page=0', 400],
    ['/activity/2024/04/?page=abc', 400],
    ['/api/v1/reports?limit=1000', 400],
    ['/api/v1/reports/abc', 400],
    ['/api/v1/reports/999999', 404],
  ];
  for (const [url, status] of cases) {
    const res = await get(url);
    assert.ok((Array.isArray(status) ? status : [status]).includes(res.statusCode), `${url} → ${res.statusCode}`);
    if (!url.startsWith('/api/')) assert.match(res.body, /<html lang="ja">[\s\S]*(要求を処理できませんでした|ページが見つかりません)/, url);
  }
});

test('a report page ignores a page parameter, as its static copy does', async () => {
  const plain = await get('/activity/2024-04-01/');
  assert.equal(plain.statusCode, 200);
  for (const query of ['?page=abc', '?page=2', '?page=0']) {
    const res = await get(`/activity/2024-04-01/${query}`);
    assert.equal(res.statusCode, 200, query);
    assert.equal(res.body, plain.body, query);
  }
});

test('answers malformed and over-long paths with a Japanese 400 or 404 page', async () => {
  const cases = ['/tag/%E3%81/', '/%FF', '/activity/%E0%A4%A/', `/activity/${'a'.repeat(5000)}/`, `/${'x/'.repeat(2000)}`, '/activity/..%2F..%2Fetc/'];
  for (const url of cases) {
    const res = await get(url);
    assert.ok(res.statusCode === 400 || res.statusCode === 404, `${url.slice(0, 40)} → ${res.statusCode}`);
    assert.match(res.body, /<html lang="ja">/);
  }
});

test('answers an unknown path with a Japanese 404 page that is not indexed', async () => {
  const res = await get('/no-such-page');
  assert.equal(res.statusCode, 404);
  assert.match(res.body, /ページが見つかりません/);
  assert.match(res.body, /<meta name="robots" content="noindex"\/>/);
  assert.equal(res.headers['cache-control'], 'no-store');
});

test('answers unknown API paths with JSON', async () => {
  const res = await get('/api/v1/nothing');
  assert.equal(res.statusCode, 404);
  assert.deepEqual(res.json(), { error: { status: 404, message: 'ページが見つかりません' } });
});
