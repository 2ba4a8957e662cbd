// The demo's fixed pages: 政策 with two child pages, 事務所案内 and リンク集, published, in the
// menu by page id, each answering 200; the home page lists 政策's level-1 headings.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_PAGES } from '../../src/demo/demo-content.js';
import { seedDemoIfEmpty } from '../../src/actions/site/seed-demo.js';
import { listPages } from '../../src/store/pages.js';
import { getSettings } from '../../src/store/settings.js';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
before(async () => {
  t = await createTestApp({ seed: (site) => seedDemoIfEmpty(site).then(() => undefined) });
});
after(async () => t.close());

const PATHS = ['/seisaku/', '/seisaku/kosodate/', '/seisaku/bousai/', '/jimusho/', '/links/'];

test('writes the demo pages published, in the menu by id, each reachable from the header menu', async () => {
  const pages = await listPages(t.site.db, 'published');
  assert.deepEqual(pages.map((p) => p.title).sort(), DEMO_PAGES.map((p) => p.title).sort());
  const navigation = (await getSettings(t.site.db)).navigation;
  const policy = navigation.find((link) => link.url === '/seisaku/')!;
  assert.equal(policy.pageId, pages.find((p) => p.slug === 'seisaku')!.id);
  assert.equal(policy.children?.length, 2);
  const home = (await t.app.inject({ url: '/' })).body;
  const nav = /<nav class="site-nav"[\s\S]*?<\/nav>/.exec(home)![0];
  assert.match(nav, /<summary>政策<\/summary>/);
  for (const path of PATHS) {
    assert.match(nav, new RegExp(`href="${path}"`), path);
    const res = await t.app.inject({ url: path });
    assert.equal(res.statusCode, 200, path);
  }
  const office = (await t.app.inject({ url: '/jimusho/' })).body;
  for (const words of ['所在地', '受付時間', '交通']) assert.match(office, new RegExp(words));
});

test('shows the policy headings on the home page, each linking into the 政策 page', async () => {
  const home = (await t.app.inject({ url: '/' })).body;
  const section = /<section class="home-section"[\s\S]*?<\/section>/.exec(home)![0];
  assert.match(section, /<h2 id="home-section-title">政策<\/h2>/);
  const links = [...section.matchAll(/<li><a href="([^"]+)">([^<]+)<\/a><\/li>/g)].map((m) => [m[1], m[2]]);
  assert.deepEqual(
    links.map((l) => l[1]),
    ['暮らしの安心', '災害に強い地域', '開かれた外交と地域の稼ぐ力'],
  );
  const policy = (await t.app.inject({ url: '/seisaku/' })).body;
  for (const [href] of links) {
    const id = href!.split('#')[1]!;
    assert.match(href!, /^\/seisaku\/#/);
    assert.match(policy, new RegExp(`id="${id}"`));
  }
});
