// Parts of the list pages rendered once per content version and kept as HTML
// (site/components/html-block.tsx htmlKeptBy): the archive navigation and each report's
// entry in a list. A write shows on the next page; a page of kept parts builds none of them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { options, type VNode } from 'preact';
import { renderPublicPath } from '../../src/site/render-public-path.js';
import type { SiteDeps } from '../../src/site/site-deps.js';
import { loadAssets } from '../../src/web/assets.js';
import { TEST_BASE_URL } from '../support/app.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { publishReport, setSettings } from '../support/factories.js';

let site: TestSite;
let deps: SiteDeps;

before(async () => {
  site = await createTestSite();
  await setSettings(site);
  await publishReport(site, { title: '一つ目の報告', activityDate: '2024-05-01', tags: ['外交'], summary: '最初の要約' });
  deps = { ctx: site, baseUrl: TEST_BASE_URL, assets: loadAssets() };
});
after(async () => site.cleanup());

async function page(path: string): Promise<string> {
  const result = await renderPublicPath(deps, path);
  assert.equal(result.kind, 'page', path);
  return result.kind === 'page' ? String(result.body) : '';
}

const section = (html: string, open: string, close: string) => html.slice(html.indexOf(open), html.indexOf(close, html.indexOf(open)));
const archive = (html: string) => section(html, '<aside class="archive-nav"', '</aside>');
const list = (html: string) => section(html, '<ol class="report-list"', '</ol>');

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

test('a list page of reports already listed builds neither their entries nor the archive navigation', async () => {
  await page('/activity/');
  const built: string[] = [];
  const previous = options.vnode;
  options.vnode = (vnode: VNode) => {
    const props = vnode.props as { class?: unknown };
    if (typeof props.class === 'string' && /^(report-list-title|report-list-meta|report-list-summary|archive-years|tag-cloud)$/.test(props.class))
      built.push(props.class);
    previous?.(vnode);
  };
  try {
    await page('/tag/%E5%A4%96%E4%BA%A4/');
  } finally {
    options.vnode = previous;
  }
  assert.deepEqual(built, []);
});
