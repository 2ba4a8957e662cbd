// Parts of the public pages rendered once per content version and kept as HTML: the frame
// (header with the navigation, footer: site/layout/layout.tsx), the archive navigation and
// each report's list entry (site/components/html-block.tsx htmlKeptBy). A write shows on the
// next page; each page marks its own navigation entry; a page of kept parts builds none of them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { options, type VNode } from 'preact';
import { renderPublicPath } from '../../src/site/render-public-path.js';
import type { SiteDeps } from '../../src/site/site-deps.js';
import { loadAssets } from '../../src/web/assets.js';
import { TEST_BASE_URL } from '../support/app.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { publishReport, setSettings, TEST_SETTINGS } from '../support/factories.js';

let site: TestSite;
let deps: SiteDeps;

const menu = (label: string) => [
  { label: '活動報告', url: '/activity/' },
  { label, url: '/profile/' },
  { label: '外部', url: 'https://example.org/', children: [{ label: '人物', url: '/people/' }] },
];

before(async () => {
  site = await createTestSite();
  await setSettings(site, { ...TEST_SETTINGS, legislatorName: '最初の名前', navigation: menu('プロフィール紹介') });
  await publishReport(site, { title: '一つ目の報告', activityDate: '2024-05-01', tags: ['外交'], summary: '最初の要約' });
  deps = { ctx: site, baseUrl: TEST_BASE_URL, assets: loadAssets() };
});
after(async () => site.cleanup());

async function page(path: string): Promise<string> {
  const result = await renderPublicPath(deps, path);
  assert.equal(result.kind, 'page', path);
  return result.kind === 'page' ? String(result.body) : '';
}

const part = (html: string, open: string, close: string) => html.slice(html.indexOf(open), html.indexOf(close, html.indexOf(open)));
const header = (html: string) => part(html, '<header class="site-header"', '</header>');
const footer = (html: string) => part(html, '<footer', '</footer>');
const archive = (html: string) => part(html, '<aside class="archive-nav"', '</aside>');
const list = (html: string) => part(html, '<ol class="report-list"', '</ol>');

/** The classes of `pattern` among the elements preact builds while `work` runs. */
async function classesBuilt(pattern: RegExp, work: () => Promise<unknown>): Promise<string[]> {
  const built: string[] = [];
  const previous = options.vnode;
  options.vnode = (vnode: VNode) => {
    const props = vnode.props as { class?: unknown };
    if (typeof props.class === 'string' && pattern.test(props.class)) built.push(props.class);
    previous?.(vnode);
  };
  try {
    await work();
  } finally {
    options.vnode = previous;
  }
  return built;
}

test('a changed menu label and legislator name appear on the next page, in the header and the footer', async () => {
  const first = await page('/activity/');
  assert.match(header(first), /最初の名前/);
  assert.match(header(first), />プロフィール紹介</);
  assert.match(footer(first), />プロフィール紹介</);
  await setSettings(site, { ...TEST_SETTINGS, legislatorName: '新しい名前', navigation: menu('議員の紹介') });
  for (const path of ['/activity/', '/profile/']) {
    const next = await page(path);
    assert.match(header(next), /新しい名前/, path);
    assert.doesNotMatch(next, /最初の名前|プロフィール紹介/, path);
    assert.match(header(next), />議員の紹介</, path);
    assert.match(footer(next), />議員の紹介</, path);
    assert.match(footer(next), /© 新しい名前 事務所/, path);
  }
});

test('each page marks its own navigation entries as current, whichever page rendered the frame before', async () => {
  const [activity, profile, people, activityAgain] = [await page('/activity/'), await page('/profile/'), await page('/people/'), await page('/activity/')];
  assert.match(header(activity), /<a href="\/activity\/" aria-current="page">/);
  assert.doesNotMatch(header(activity), /href="\/profile\/" aria-current|<summary aria-current/);
  assert.match(header(profile), /<a href="\/profile\/" aria-current="page">/);
  assert.doesNotMatch(header(profile), /href="\/activity\/" aria-current/);
  assert.match(header(people), /<summary aria-current="true">外部<\/summary>/);
  assert.match(header(people), /<a href="\/people\/" aria-current="page">人物<\/a>/);
  assert.equal(activityAgain, activity);
  // The footer marks nothing and is the same on every page.
  assert.equal(footer(profile), footer(activity));
  assert.equal(footer(people), footer(activity));
});

test('a new report and its counts appear on the next list pages, in the list and the archive navigation', async () => {
  const first = await page('/activity/');
  assert.match(archive(first), /2024年<span class="count">\(1件\)<\/span>/);
  assert.match(archive(first), /外交<span class="count">\(1\)<\/span>/);
  assert.match(list(first), /<li class="report-list-item"><article><h2 class="report-list-title"><a href="\/activity\/[^"]+\/">一つ<wbr\/>目の<wbr\/>報告<\/a><\/h2>/);
  await publishReport(site, { title: '二つ目の報告', activityDate: '2024-06-01', tags: ['外交', '地域'] });
  for (const path of ['/activity/', '/tag/%E5%A4%96%E4%BA%A4/', '/']) {
    const next = await page(path);
    assert.match(archive(next), /2024年<span class="count">\(2件\)<\/span>/, path);
    assert.match(archive(next), /外交<span class="count">\(2\)<\/span>/, path);
    assert.match(archive(next), />地域<span class="count">/, path);
    assert.match(list(next), />二つ目の<wbr\/>報告</, path);
  }
  // The home page lists under h3, the list pages under h2: each heading level is kept apart.
  assert.match(list(await page('/')), /<h3 class="report-list-title">/);
  assert.match(list(await page('/activity/')), /<h2 class="report-list-title">/);
  assert.doesNotMatch(list(await page('/activity/')), /<h3/);
});

test('a page of kept parts builds none of their elements: header, footer, list entries, archive navigation', async () => {
  await page('/activity/');
  await page('/profile/');
  const kept = /^(site-nav|site-search|footer-nav|site-header-inner|site-footer-inner|report-list-title|report-list-meta|report-list-summary|archive-years|tag-cloud)$/;
  assert.deepEqual(await classesBuilt(kept, () => page('/tag/%E5%A4%96%E4%BA%A4/')), []);
  assert.deepEqual(await classesBuilt(kept, () => page('/profile/')), []);
  await setSettings(site, { ...TEST_SETTINGS, navigation: menu('三度目') });
  assert.match(await page('/profile/'), />三度目</);
});
