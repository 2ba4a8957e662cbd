// The site menu in Debian Chromium with JavaScript disabled, at 390 px: the nested 政策
// entry opens by its <summary> (a <details> disclosure, no script), its child link is
// followed, and the child page marks the entry and its section as current. axe (WCAG 2.1
// A/AA) on the page with the disclosure open.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { transitionPage } from '../../src/actions/pages/page-transition.js';
import { savePage } from '../../src/actions/pages/save-page.js';
import { getSettings, saveSettings } from '../../src/store/settings.js';
import { bumpContentVersion } from '../../src/store/site-state.js';
import { addAuthor } from '../support/authors.js';
import { open, useBrowserSession, withPage } from '../support/browser.js';
import { axeViolations } from '../support/axe.js';

const session = useBrowserSession();

let seeded: Promise<void> | undefined;

/** 政策 with a child page, both in the menu (once per file, after the session has started). */
function seedMenu(): Promise<void> {
  seeded ??= addMenu();
  return seeded;
}

async function addMenu(): Promise<void> {
  const site = session.site.site;
  const editor = await addAuthor(site, 'editor', 'nav-browser');
  const add = async (title: string, slug: string, parentId: number | null) => {
    const saved = await savePage(site, editor, { title, slug, parentId, position: 0, summary: '', bodySource: `1 ${title}\n\n(1)本文です。` });
    await transitionPage(site, editor, 'publish', { pageId: saved.id });
    return saved.id;
  };
  const policy = await add('政策ページ', 'nav-seisaku', null);
  const child = await add('教育の無償化', 'kyoiku', policy);
  const settings = await getSettings(site.db);
  await site.db.transaction().execute(async (trx) => {
    await saveSettings(trx, {
      ...settings,
      navigation: [
        { label: '活動報告', url: '/activity/' },
        { label: '政策', url: '/nav-seisaku/', pageId: policy, children: [{ label: '', url: '/nav-seisaku/kyoiku/', pageId: child }] },
      ],
    });
    await bumpContentVersion(trx);
  });
}

test('opens the nested menu by its summary at 390 px without JavaScript and follows the child link', async () => {
  await seedMenu();
  await withPage(session.browser, session.site, { viewport: { width: 390, height: 844 }, javaScriptEnabled: false }, async (page) => {
    await open(page, '/');
    const nav = page.getByRole('navigation', { name: 'サイト内メニュー' });
    const child = nav.getByRole('link', { name: '教育の無償化' });
    assert.equal(await child.isVisible(), false, 'closed at first');
    await nav.locator('summary', { hasText: '政策' }).click();
    assert.equal(await child.isVisible(), true, 'open after the summary is clicked');
    const box = await child.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 390, 'the child link fits in 390 px');
    await Promise.all([page.waitForURL('**/nav-seisaku/kyoiku/'), child.click()]);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), '教育の無償化');
    assert.equal(await nav.locator('summary[aria-current="true"]').innerText(), '政策');
    assert.equal(await nav.locator('a[aria-current="page"]').getAttribute('href'), '/nav-seisaku/kyoiku/');
    const footerLinks = await page.getByRole('navigation', { name: 'フッターメニュー' }).getByRole('link').allInnerTexts();
    assert.deepEqual(footerLinks, ['活動報告', '政策', '教育の無償化']);
  });
});

test('passes axe with the disclosure open', async () => {
  await seedMenu();
  await withPage(session.browser, session.site, { viewport: { width: 390, height: 844 } }, async (page) => {
    await open(page, '/nav-seisaku/kyoiku/');
    await page.getByRole('navigation', { name: 'サイト内メニュー' }).locator('summary').first().click();
    assert.deepEqual(await axeViolations(page), []);
  });
});
