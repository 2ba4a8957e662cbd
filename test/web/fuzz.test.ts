// Thousands of random paths and query strings: a client's mistake is never a 500.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../support/app.js';
import { publishReport, setSettings } from '../support/factories.js';

let t: TestApp;

before(async () => {
  t = await createTestApp({
    seed: async (site) => {
      await setSettings(site);
      await publishReport(site, { activityDate: '2024-05-01', tags: ['外交'] });
    },
  });
});
after(async () => t.close());

const PREFIXES = [
  '/',
  '/activity/',
  '/activity/2024/',
  '/activity/2024/05/',
  '/activity/2024-05-01/',
  '/category/',
  '/tag/',
  '/tag/外交/',
  '/profile/',
  '/feed.xml',
  '/api/v1/reports',
  '/api/v1/reports/',
  '/media/',
  '/assets/',
  '/sitemap.xml',
  '//',
  '/..',
];

/** Any byte, percent-encoded (valid or invalid UTF-8), or a printable ASCII character. */
const piece = fc.oneof(
  fc.integer({ min: 0, max: 255 }).map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`),
  fc.constantFrom(
    'a',
    'Z',
    '0',
    '9',
    '-',
    '_',
    '.',
    '~',
    '/',
    '//',
    '..',
    ';',
    ',',
    '=',
    '&',
    '+',
    '!',
    '$',
    "'",
    '(',
    ')',
    '*',
    ':',
    '@',
    '%',
    '%%',
    '%2F',
    '%00',
    '%E3%81',
    '%C0%AF',
  ),
  fc.string({ unit: 'grapheme', maxLength: 4 }).map((s) => encodeURIComponent(s)),
);
const segment = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
const queryValue = fc.oneof(
  fc.constantFrom('1', '2', '0', '-1', 'abc', '1e999', '99999', '1.5', '', '%', '%E3', '[]', '__proto__', 'constructor'),
  segment,
  fc.integer().map(String),
  fc.string({ maxLength: 300 }).map((s) => encodeURIComponent(s)),
);
const query = fc
  .array(fc.tuple(fc.constantFrom('page', 'limit', 'q', 'x', 'page[]', '__proto__', ''), queryValue), { maxLength: 4 })
  .map((pairs) => (pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`));
const url = fc
  .tuple(fc.constantFrom(...PREFIXES), fc.array(segment, { maxLength: 5 }), query, fc.boolean())
  .map(([prefix, segments, q, slash]) => `${encodeURI(prefix)}${segments.join('/')}${slash ? '/' : ''}${q}`);

test('answers thousands of random paths and query strings without a 5xx', async () => {
  const seen = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(url, fc.constantFrom('GET', 'HEAD'), async (path, method) => {
      const res = await t.app.inject({ method: method as 'GET' | 'HEAD', url: path });
      seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
      assert.ok(res.statusCode < 500, `${method} ${path} → ${res.statusCode}`);
    }),
    { numRuns: 3000, seed: 20261125 },
  );
  // The generator really reaches the interesting answers, not only 404s.
  assert.ok((seen.get(200) ?? 0) > 0 && (seen.get(404) ?? 0) > 0 && (seen.get(400) ?? 0) > 0, JSON.stringify([...seen]));
});

test('answers over-long and odd methods on public paths without a 5xx', async () => {
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const) {
    const res = await t.app.inject({ method, url: '/activity/', payload: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${method} → ${res.statusCode}`);
  }
  const res = await t.app.inject({ method: 'GET', url: `/activity/?page=${'9'.repeat(10000)}` });
  assert.equal(res.statusCode, 400);
});
