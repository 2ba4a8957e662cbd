// Site search over fixed pages (issue 10): it runs in the work pool like report search (a
// full pool answers 503 at once), and with the ページ filter the results come a page at a
// time with an exact total; the mixed results show the first ones and link to the rest.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { transitionPage } from '../../src/actions/pages/page-transition.js';
import { savePage } from '../../src/actions/pages/save-page.js';
import { searchPages } from '../../src/actions/search/search-pages.js';
import { PER_PAGE } from '../../src/site/paging.js';
import { addAuthor } from '../support/authors.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { setSettings } from '../support/factories.js';
import { createGate, runTestTask, TEST_TASKS_URL } from '../support/test-tasks.js';

let t: TestApp;
const PAGES = PER_PAGE + 3;

before(async () => {
  t = await createTestApp({
    threads: { size: 1, queueLimit: 1, extraTasksUrl: TEST_TASKS_URL },
    seed: async (site) => {
      await setSettings(site);
      const editor = await addAuthor(site, 'editor', 'editor');
      for (let i = 1; i <= PAGES; i++) {
        const saved = await savePage(site, editor, {
          title: `地域政策${i}`,
          slug: `chiiki-${i}`,
          parentId: null,
          position: i,
          summary: '',
          bodySource: `地域の防災について${i}番目の方針です。`,
        });
        await transitionPage(site, editor, 'publish', { pageId: saved.id });
      }
      // A published page under a draft parent is not reachable: never counted.
      const hidden = await savePage(site, editor, { title: '非公開の親', slug: 'hidden-parent', parentId: null, position: 0, summary: '', bodySource: '下書き' });
      const child = await savePage(site, editor, { title: '隠れた防災', slug: 'hidden-child', parentId: hidden.id, position: 0, summary: '', bodySource: '防災の話。' });
      await transitionPage(site, editor, 'publish', { pageId: child.id });
    },
  });
});
after(async () => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const q = encodeURIComponent('防災');

test('pages only reachable by readers are counted, a page of results at a time', async () => {
  const first = await searchPages(t.site.db, { q: '防災', page: 1, perPage: 5 });
  assert.equal(first.total, PAGES);
  assert.equal(first.items.length, 5);
  const last = await searchPages(t.site.db, { q: '防災', page: Math.ceil(PAGES / 5), perPage: 5 });
  assert.equal(last.items.length, PAGES % 5 || 5);
  const seen = new Set([...first.items, ...last.items].map((i) => i.id));
  assert.equal(seen.size, first.items.length + last.items.length, 'no page repeats across pages');
  assert.ok([...first.items, ...last.items].every((i) => !i.title.includes('隠れた')));
});

test('with the ページ filter the results are paged, with the total, and a page past the end is 404', async () => {
  const one = await get(`/search?q=${q}&kind=page`);
  assert.equal(one.statusCode, 200);
  assert.match(one.body, new RegExp(`ページ\\(${PAGES}件、1/2ページ\\)`));
  assert.equal([...one.body.matchAll(/<h3 class="report-list-title"><a href="\/chiiki-\d+\/">/g)].length, PER_PAGE);
  const two = await get(`/search?q=${q}&kind=page&page=2`);
  assert.equal(two.statusCode, 200);
  assert.equal([...two.body.matchAll(/<h3 class="report-list-title"><a href="\/chiiki-\d+\/">/g)].length, PAGES - PER_PAGE);
  assert.equal((await get(`/search?q=${q}&kind=page&page=3`)).statusCode, 404);
  const mixed = await get(`/search?q=${q}`);
  assert.match(mixed.body, /一致するページをすべて見る\(\d+件\)/);
});

test('a page search waits for the work pool like a report search: a full pool answers 503 at once', async () => {
  const { gate, open } = createGate();
  const blocked = [runTestTask(t.site.work, 'block', { gate }), runTestTask(t.site.work, 'block', { gate })];
  try {
    const [onlyPages, mixed] = await Promise.all([get(`/search?q=${encodeURIComponent('方針')}&kind=page`), get(`/search?q=${encodeURIComponent('番目')}`)]);
    assert.equal(onlyPages.statusCode, 503);
    assert.ok(Number(onlyPages.headers['retry-after']) > 0);
    assert.equal(mixed.statusCode, 503);
  } finally {
    open();
  }
  await Promise.all(blocked);
  assert.equal((await get(`/search?q=${encodeURIComponent('方針')}&kind=page`)).statusCode, 200);
});
