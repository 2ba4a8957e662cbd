// A page as the export's file: its bytes and the report paths it links to (the manifest's
// `links`, which an incremental build follows when a report's title or path changes).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { renderPageFile } from '../../src/exporter/render-page-file.js';
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
  deps = { ctx: site, baseUrl: TEST_BASE_URL, assets: loadAssets() };
});
after(async () => site.cleanup());

test('lists the report paths a page links to once each, in the order of their first link, whatever text is around them', async () => {
  await publishReport(site, { title: '前の報告', activityDate: '2024-05-01', slug: 'mae' });
  await publishReport(site, { title: '後の報告', activityDate: '2024-05-03', slug: 'ato' });
  const bodySource = [
    '5月2日、日本語の本文のあいだに報告へのリンクを置いた。',
    '',
    '1 参照',
    '',
    '(1)[後の報告](/activity/ato/)と[前の報告](/activity/mae/)、もう一度[後の報告](/activity/ato/)。',
    '',
    '(2)[報告の一覧](/activity/)と[問い合わせ付き](/activity/mae/?x=1)は報告ではない。',
  ].join('\n');
  await publishReport(site, { title: '真ん中の報告', activityDate: '2024-05-02', slug: 'naka', bodySource });
  const page = await renderPageFile(deps, '/activity/naka/');
  assert.ok(page?.bytes !== undefined);
  const html = Buffer.from(page.bytes).toString('utf8');
  assert.match(html, /<a href="\/activity\/ato\/">後の報告<\/a>/);
  // The page's own breadcrumb and list links are not reports; the body's come before the pager's.
  assert.deepEqual(page.meta?.links, ['/activity/ato/', '/activity/mae/']);
  const list = await renderPageFile(deps, '/activity/');
  // Any /activity/<segment>/ counts, the year archive's too (a slug is never four digits).
  assert.deepEqual(list?.meta?.links, ['/activity/ato/', '/activity/naka/', '/activity/mae/', '/activity/2024/']);
  const feed = await renderPageFile(deps, '/feed.xml');
  assert.equal(feed?.meta?.links, undefined);
});
