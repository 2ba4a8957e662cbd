// The frame of every public page (header with the navigation, footer) is rendered once per
// content version and kept as HTML (site/layout/layout.tsx): a page after a settings or menu
// change shows the new frame, and each page marks its own navigation entry as current.
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
  await publishReport(site, { title: '枠の報告', activityDate: '2024-05-01' });
  deps = { ctx: site, baseUrl: TEST_BASE_URL, assets: loadAssets() };
});
after(async () => site.cleanup());

async function page(path: string): Promise<string> {
  const result = await renderPublicPath(deps, path);
  assert.equal(result.kind, 'page', path);
  return result.kind === 'page' ? String(result.body) : '';
}

const header = (html: string) => html.slice(html.indexOf('<header'), html.indexOf('</header>'));
const footer = (html: string) => html.slice(html.indexOf('<footer'), html.indexOf('</footer>'));

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

test('the header and footer are rendered once per content version: a second page builds none of their elements', async () => {
  await page('/activity/');
  await page('/profile/');
  const built: string[] = [];
  const previous = options.vnode;
  options.vnode = (vnode: VNode) => {
    const props = vnode.props as { class?: unknown };
    if (
      typeof vnode.type === 'string' &&
      typeof props.class === 'string' &&
      /^(site-nav|site-search|footer-nav|site-header-inner|site-footer-inner)$/.test(props.class)
    ) {
      built.push(props.class);
    }
    previous?.(vnode);
  };
  try {
    await page('/activity/');
    await page('/profile/');
  } finally {
    options.vnode = previous;
  }
  assert.deepEqual(built, []);
  await setSettings(site, { ...TEST_SETTINGS, navigation: menu('三度目') });
  assert.match(await page('/profile/'), />三度目</);
});
