// The files a static host reads besides the site (exporter/host-files.ts). nginx and Caddy
// are run against theirs in test/ops/static-*.test.ts; `_headers` (Netlify, Cloudflare Pages)
// is read here the way those hosts read it: a path line, then indented `name: value` lines,
// the values of a header set by two matching rules joined.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hostFiles } from '../../src/exporter/host-files.js';
import { CACHE_CONTROL } from '../../src/site/cache-control.js';
import { securityHeaders } from '../../src/site/security-headers.js';

const served = [
  { path: '/', contentType: 'text/html; charset=utf-8' },
  { path: '/feed.xml', contentType: 'application/rss+xml; charset=utf-8' },
  { path: '/tag/%E5%A4%96%E4%BA%A4/feed.xml', contentType: 'application/rss+xml; charset=utf-8' },
  { path: '/assets/site-abc.css', contentType: 'text/css; charset=utf-8' },
  { path: '/media/ab/report.pdf', contentType: 'application/pdf' },
];
const files = new Map(hostFiles(served));

/** The headers a Netlify-style `_headers` file gives `path`. */
function headersFor(text: string, path: string): Record<string, string> {
  const rules: Array<[string, Array<[string, string]>]> = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    if (!line.startsWith(' ')) rules.push([line, []]);
    else {
      const at = line.indexOf(':');
      rules.at(-1)![1].push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  const out: Record<string, string> = {};
  for (const [pattern, headers] of rules) {
    const isMatch = pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
    if (!isMatch) continue;
    for (const [name, value] of headers) out[name] = out[name] === undefined ? value : `${out[name]}, ${value}`;
  }
  return out;
}

test('_headers gives every path the server’s security headers, and assets and media their own Cache-Control alone', () => {
  const text = files.get('_headers')!;
  const security = securityHeaders();
  assert.deepEqual(headersFor(text, '/activity/2024-05-01/'), security);
  assert.deepEqual(headersFor(text, '/assets/site-abc.css'), { ...security, 'cache-control': CACHE_CONTROL.asset });
  assert.deepEqual(headersFor(text, '/media/ab/report.pdf'), { ...security, 'cache-control': CACHE_CONTROL.media });
});

test('nginx and Caddy get the exact type of the files they would not guess, by decoded path', () => {
  assert.deepEqual(
    files
      .get('.katsudo/nginx-types.conf')!
      .split('\n')
      .filter((l) => l.startsWith('location')),
    [
      'location = /feed.xml { types { } default_type "application/rss+xml; charset=utf-8"; }',
      'location = /tag/外交/feed.xml { types { } default_type "application/rss+xml; charset=utf-8"; }',
    ],
  );
  const caddy = files.get('.katsudo/caddy-headers.conf')!;
  assert.match(caddy, /^header \/tag\/外交\/feed\.xml content-type "application\/rss\+xml; charset=utf-8"$/m);
  assert.doesNotMatch(caddy, /content-type "text\/css/, 'Caddy guesses the stylesheet’s type');
});

test('every file starts by saying the build writes it', () => {
  for (const [file, text] of files) assert.match(text, /^# Written by katsudo build/, file);
});
