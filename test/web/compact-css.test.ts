// The stylesheets are served compacted (web/compact-css.ts): no comments or layout
// whitespace, strings and meaningful spaces kept, under the hash of the bytes sent.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { compactCss } from '../../src/web/compact-css.js';
import { createTestApp, type TestApp } from '../support/app.js';

test('takes out comments and the whitespace around braces, semicolons, commas, > and after colons', () => {
  const css = '/* head */\n:root {\n  --ink: #111;\n}\n\n/* lists */\n.a > li,\n.b  p { margin: 0 0 1em; color: var(--ink); }\n';
  assert.equal(compactCss(css), ':root{--ink:#111}.a>li,.b p{margin:0 0 1em;color:var(--ink)}');
});

test('keeps strings as they are, comment-like text and spaces inside them included', () => {
  const css = '.x::after { content: " /* → */  ; " ; }\n.y { grid-template-areas: "name search"  \'nav  nav\'; }';
  assert.equal(compactCss(css), '.x::after{content:" /* → */  ; "}.y{grid-template-areas:"name search" \'nav  nav\'}');
});

test('keeps the spaces that mean something: descendants, pseudo-classes after a space, calc(), slashes', () => {
  const css =
    '.a :focus-visible { width: calc(100% - 2rem); grid-column: 1 / -1; }\n@media (min-width: 40rem) and (prefers-reduced-motion: no-preference) { li + li { margin: 0 } }';
  assert.equal(
    compactCss(css),
    '.a :focus-visible{width:calc(100% - 2rem);grid-column:1 / -1}@media (min-width:40rem) and (prefers-reduced-motion:no-preference){li + li{margin:0}}',
  );
});

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

test('serves the public stylesheet compacted, named by the hash of what it sends', async () => {
  const page = await t.app.inject({ method: 'GET', url: '/' });
  const href = /<link rel="stylesheet" href="([^"]+)"/.exec(page.body)?.[1];
  assert.ok(href, 'the page links its stylesheet');
  const res = await t.app.inject({ method: 'GET', url: href });
  assert.equal(res.statusCode, 200);
  const source = readFileSync(new URL('../../src/web/assets/site.css', import.meta.url), 'utf8');
  assert.equal(res.body, compactCss(source));
  assert.ok(res.body.length < source.length * 0.9, `${res.body.length} bytes served of ${source.length}`);
  assert.doesNotMatch(res.body, /\/\*|\n/);
  assert.ok(href.includes(createHash('sha256').update(res.rawPayload).digest('hex').slice(0, 12)));
});
