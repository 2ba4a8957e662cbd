// Fixed pages on the public site: /<slug>/ and /<parent>/<child>/, breadcrumbs with
// BreadcrumbList JSON-LD, child pages, WebPage JSON-LD, and nothing existing shadowed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { transitionPage } from '../../src/actions/pages/page-transition.js';
import { savePage } from '../../src/actions/pages/save-page.js';
import type { Actor } from '../../src/domain/user.js';
import { addAuthor } from '../support/authors.js';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../support/app.js';
import { publishReport, setSettings } from '../support/factories.js';
import { XSS_PAYLOADS } from '../support/xss-payloads.js';

let t: TestApp;
let editor: Actor;
let policyId: number;
let draftChildId: number;

async function addPage(title: string, slug: string, parentId: number | null, bodySource: string, publish = true): Promise<number> {
  const saved = await savePage(t.site, editor, { title, slug, parentId, position: 0, summary: '', bodySource });
  if (publish) await transitionPage(t.site, editor, 'publish', { pageId: saved.id });
  return saved.id;
}

before(async () => {
  t = await createTestApp();
  await setSettings(t.site);
  editor = await addAuthor(t.site, 'editor', 'editor');
  await publishReport(t.site, { title: '委員会で質問しました', activityDate: '2024-05-01', slug: 'iinkai' });
  policyId = await addPage('政策', '政策', null, '1 基本方針\n暮らしを守ります。');
  await addPage('子育て支援', 'kosodate', policyId, '保育所を増やします。');
  draftChildId = await addPage('下書きの子', 'draft-child', policyId, '非公開', false);
});
after(async () => t.close());

function jsonLdOf(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
}

test('serves a top-level page with WebPage JSON-LD and its published children only', async () => {
  const res = await t.app.inject({ url: `/${encodeURIComponent('政策')}/` });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h1[^>]*>.*政策.*<\/h1>/s);
  assert.match(res.body, /暮らしを守ります/);
  assert.match(res.body, new RegExp(`href="/${encodeURIComponent('政策')}/kosodate/"`));
  assert.doesNotMatch(res.body, /下書きの子/);
  const types = jsonLdOf(res.body).map((j) => j['@type']);
  assert.ok(types.includes('WebPage'));
  assert.ok(res.headers.etag);
});

test('serves a child page with breadcrumbs and BreadcrumbList JSON-LD', async () => {
  const res = await t.app.inject({ url: `/${encodeURIComponent('政策')}/kosodate/` });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<nav class="breadcrumbs"[^>]*>.*ホーム.*政策.*子育て支援/s);
  const list = jsonLdOf(res.body).find((j) => j['@type'] === 'BreadcrumbList') as { itemListElement: { name: string; item: string; position: number }[] };
  assert.deepEqual(
    list.itemListElement.map((i) => [i.position, i.name, i.item]),
    [
      [1, 'ホーム', `${TEST_BASE_URL}/`],
      [2, '政策', `${TEST_BASE_URL}/${encodeURIComponent('政策')}/`],
      [3, '子育て支援', `${TEST_BASE_URL}/${encodeURIComponent('政策')}/kosodate/`],
    ],
  );
});

test('answers 404 for a draft page, an unknown page, and a child under the wrong parent', async () => {
  for (const url of [`/${encodeURIComponent('政策')}/draft-child/`, '/no-such-page/', '/kosodate/', '/a/b/c/']) {
    assert.equal((await t.app.inject({ url })).statusCode, 404, url);
  }
});

test('leaves existing addresses to their own routes', async () => {
  assert.equal((await t.app.inject({ url: '/activity/' })).statusCode, 200);
  assert.equal((await t.app.inject({ url: '/activity/iinkai/' })).statusCode, 200);
  assert.equal((await t.app.inject({ url: '/profile/' })).statusCode, 200);
  const admin = await t.app.inject({ url: '/admin/' });
  assert.notEqual(admin.statusCode, 200);
});

test('an unpublished page disappears from the site at once (the page cache follows the content version)', async () => {
  const id = await addPage('一時ページ', 'temporary', null, '一時的な内容');
  assert.equal((await t.app.inject({ url: '/temporary/' })).statusCode, 200);
  await transitionPage(t.site, editor, 'unpublish', { pageId: id });
  assert.equal((await t.app.inject({ url: '/temporary/' })).statusCode, 404);
});

test('lists published pages in the sitemap with lastmod, never drafts', async () => {
  const res = await t.app.inject({ url: '/sitemap.xml' });
  assert.match(res.body, new RegExp(`<loc>${TEST_BASE_URL}/${encodeURIComponent('政策')}/kosodate/</loc><lastmod>`));
  assert.doesNotMatch(res.body, /draft-child/);
});

test("serves pages in the JSON API with the reports' envelope; a draft is 404", async () => {
  const list = (await t.app.inject({ url: '/api/v1/pages' })).json() as { total: number; items: { id: number; title: string; url: string }[] };
  assert.ok(list.total >= 2);
  assert.deepEqual(
    list.items.slice(0, 2).map((i) => i.title),
    ['政策', '子育て支援'],
  );
  assert.ok(!list.items.some((i) => i.title === '下書きの子'));
  const one = await t.app.inject({ url: `/api/v1/pages/${policyId}` });
  assert.equal(one.statusCode, 200);
  assert.equal(one.headers['access-control-allow-origin'], '*');
  const body = one.json() as { title: string; html: string; text: string; url: string };
  assert.equal(body.title, '政策');
  assert.match(body.text, /暮らしを守ります/);
  assert.equal(body.url, `${TEST_BASE_URL}/${encodeURIComponent('政策')}/`);
  assert.equal((await t.app.inject({ url: `/api/v1/pages/${draftChildId}` })).statusCode, 404);
});

test('site search finds published pages, with a filter 活動報告 / ページ', async () => {
  const all = await t.app.inject({ url: `/search?q=${encodeURIComponent('保育所')}` });
  assert.equal(all.statusCode, 200);
  assert.match(all.body, /<select id="search-kind" name="kind">/);
  assert.match(all.body, new RegExp(`<a href="/${encodeURIComponent('政策')}/kosodate/">子育て支援</a>`));
  const onlyPages = await t.app.inject({ url: `/search?q=${encodeURIComponent('保育所')}&kind=page` });
  assert.match(onlyPages.body, /子育て支援/);
  assert.match(onlyPages.body, /<option value="page" selected>/);
  const onlyReports = await t.app.inject({ url: `/search?q=${encodeURIComponent('保育所')}&kind=report` });
  assert.equal(onlyReports.statusCode, 200);
  assert.doesNotMatch(onlyReports.body, /kosodate/);
  // A draft page's words are not found.
  const draft = await t.app.inject({ url: `/search?q=${encodeURIComponent('非公開')}&kind=page` });
  assert.doesNotMatch(draft.body, /下書きの子/);
});

test('report search results stay as they were beside pages', async () => {
  const res = await t.app.inject({ url: `/search?q=${encodeURIComponent('委員会')}&kind=report` });
  assert.match(res.body, /<a href="\/activity\/iinkai\/">/);
  const both = await t.app.inject({ url: `/search?q=${encodeURIComponent('委員会')}` });
  assert.match(both.body, /<a href="\/activity\/iinkai\/">/);
});

test("escapes the XSS payloads written into a page's title, URL name, summary and body", async () => {
  const tags = XSS_PAYLOADS.filter((p) => p.text.includes('<'));
  const title = tags[0]!.text;
  const saved = await savePage(t.site, editor, {
    title,
    slug: 'xss-check',
    parentId: policyId,
    position: 9,
    summary: tags[1]!.text,
    bodySource: tags.map((p) => p.text).join('\n\n'),
  });
  await transitionPage(t.site, editor, 'publish', { pageId: saved.id });
  const html = (await t.app.inject({ url: `/${encodeURIComponent('政策')}/xss-check/` })).body;
  const parent = (await t.app.inject({ url: `/${encodeURIComponent('政策')}/` })).body;
  for (const payload of tags) {
    assert.ok(!html.includes(payload.text), `payload ${payload.n} raw in the page`);
    assert.ok(!parent.includes(payload.text), `payload ${payload.n} raw in the parent's child list`);
  }
  assert.ok(html.includes('&lt;script&gt;'), 'the title is shown as text');
  // A slug is never markup: characters outside letters, digits, - and _ are refused.
  await assert.rejects(savePage(t.site, editor, { title: 'x', slug: '<script>', parentId: null, position: 0, summary: '', bodySource: '' }), /入力内容/);
});
