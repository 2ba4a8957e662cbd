// The layout's head is written as strings (site/layout/layout.tsx headHtml): for any page's
// values it gives the bytes of the preact tree it replaced, kept here as the reference.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { activityDataPaths } from '../../src/domain/activity-record/data-paths.js';
import { jsonForScript } from '../../src/domain/json-ld.js';
import { absoluteUrl, paths } from '../../src/domain/paths.js';
import { displayTitle } from '../../src/domain/report-rules.js';
import { siteTitle } from '../../src/domain/settings.js';
import { Layout, type PageMeta, type SiteContext } from '../../src/site/layout/layout.js';
import { TEST_BASE_URL } from '../support/app.js';
import { TEST_SETTINGS } from '../support/factories.js';

/** The head as preact rendered it before it was written as strings. */
function referenceHead(site: SiteContext, meta: PageMeta): string {
  const name = siteTitle(site.settings);
  const shownTitle = displayTitle(meta.title);
  const fullTitle = meta.title === '' ? name : `${shownTitle} | ${name}`;
  const canonical = meta.canonicalPath === undefined ? undefined : absoluteUrl(site.baseUrl, meta.canonicalPath);
  const description = meta.description || site.settings.siteDescription;
  const el = (tag: string, props: Record<string, string>) => h(tag, props);
  const tree = h(
    'head',
    null,
    el('meta', { charset: 'utf-8' }),
    el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('title', null, fullTitle),
    description && el('meta', { name: 'description', content: description }),
    meta.noindex && el('meta', { name: 'robots', content: 'noindex' }),
    canonical && el('link', { rel: 'canonical', href: canonical }),
    meta.prevPath && el('link', { rel: 'prev', href: absoluteUrl(site.baseUrl, meta.prevPath) }),
    meta.nextPath && el('link', { rel: 'next', href: absoluteUrl(site.baseUrl, meta.nextPath) }),
    el('link', { rel: 'stylesheet', href: site.cssHref }),
    el('link', { rel: 'icon', href: site.iconHref, type: 'image/svg+xml' }),
    el('link', { rel: 'alternate', type: 'application/rss+xml', title: `${name}(RSS)`, href: paths.rss() }),
    el('link', { rel: 'alternate', type: 'application/atom+xml', title: `${name}(Atom)`, href: paths.atom() }),
    el('link', { rel: 'alternate', type: 'application/feed+json', title: `${name}(JSON Feed)`, href: paths.jsonFeed() }),
    meta.hasCalendarFeed && el('link', { rel: 'alternate', type: 'text/calendar', title: `${name}(活動予定)`, href: activityDataPaths.ics }),
    el('link', { rel: 'search', type: 'application/opensearchdescription+xml', title: name, href: paths.openSearch() }),
    el('meta', { property: 'og:type', content: meta.ogType ?? 'website' }),
    el('meta', { property: 'og:site_name', content: name }),
    el('meta', { property: 'og:title', content: meta.title === '' ? name : shownTitle }),
    description && el('meta', { property: 'og:description', content: description }),
    canonical && el('meta', { property: 'og:url', content: canonical }),
    el('meta', { property: 'og:locale', content: 'ja_JP' }),
    el('meta', { name: 'twitter:card', content: 'summary' }),
    ...(meta.jsonLd ?? []).map((data) => h('script', { type: 'application/ld+json', dangerouslySetInnerHTML: { __html: jsonForScript(data) } })),
  );
  return renderToString(tree);
}

function layoutHead(site: SiteContext, meta: PageMeta): string {
  const html = renderToString(h(Layout, { site, meta, children: null }));
  return html.slice(html.indexOf('<head>'), html.indexOf('</head>') + '</head>'.length);
}

/** Text with every character the escaping has to care about, Japanese and astral ones among them. */
const text = fc.string({ unit: fc.constantFrom('a', ' ', '"', "'", '&', '<', '>', '/', '活', '動', '𠮷', '\n'), maxLength: 12 });
const path = text.map((t) => `/activity/${t}/`);

const sites = fc.record({
  settings: fc.record({ chamber: text, legislatorName: text, siteDescription: text }).map((s) => ({ ...TEST_SETTINGS, ...s })),
  baseUrl: fc.constant(TEST_BASE_URL),
  cssHref: fc.constantFrom('/assets/site.0123abcd.css', '/assets/site.&"<.css'),
  iconHref: fc.constant('/assets/icon.4567ef.svg'),
});

const metas = fc.record(
  {
    title: fc.oneof(text, fc.constant(''), fc.constant('長い題名'.repeat(40))),
    description: fc.oneof(text, fc.constant('')),
    canonicalPath: path,
    ogType: fc.constantFrom('website', 'article', 'profile') as fc.Arbitrary<PageMeta['ogType']>,
    jsonLd: fc.array(fc.dictionary(text, text, { maxKeys: 2 }), { maxLength: 2 }),
    noindex: fc.boolean(),
    prevPath: path,
    nextPath: path,
    hasCalendarFeed: fc.boolean(),
  },
  { requiredKeys: ['title', 'description'] },
);

test('the head written as strings equals the preact tree it replaced, for any title, description, paths, flags and site name', () => {
  fc.assert(
    fc.property(sites, metas, (site, meta) => {
      assert.equal(layoutHead(site, meta), referenceHead(site, meta));
    }),
    { numRuns: 500 },
  );
});

test('a page head of every optional line, and the same site with another page after it (the frame`s lines are kept)', () => {
  const site: SiteContext = { settings: { ...TEST_SETTINGS, siteDescription: '説明 "&<' }, baseUrl: TEST_BASE_URL, cssHref: '/a.css', iconHref: '/i.svg' };
  const full: PageMeta = {
    title: 'Q&A <速報> "題"',
    description: '',
    canonicalPath: '/activity/a&b/',
    ogType: 'article',
    jsonLd: [{ '@type': 'NewsArticle', headline: '</script><b>' }],
    noindex: true,
    prevPath: '/activity/page/1/',
    nextPath: '/activity/page/3/',
    hasCalendarFeed: true,
  };
  for (const meta of [full, { title: '', description: '' }, full]) assert.equal(layoutHead(site, meta), referenceHead(site, meta));
  assert.match(layoutHead(site, full), /<title>Q&amp;A &lt;速報> &quot;題&quot; \| /);
});
