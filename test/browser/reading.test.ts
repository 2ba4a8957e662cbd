// Reading the public site in a real browser: the seed-shaped report's structure as a
// reader sees it, the same page without JavaScript, the CSP, following links from the
// home page to a report and its neighbours, and the 404 page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { DEMO_REPORTS } from '../../src/demo/demo-content.js';
import { open, PUBLIC_PAGES, SEED_SHAPED_PATH, SEED_SHAPED_TITLE, withPage, useBrowserSession } from '../support/browser.js';

const session = useBrowserSession();

/** The visible text of `selector`'s matches, whitespace collapsed. */
async function texts(scope: Page | Locator, selector: string): Promise<string[]> {
  const all = await scope.locator(selector).allInnerTexts();
  return all.map((t) => t.replace(/\s+/g, ' ').trim());
}

test('shows the seed-shaped report with its numbered sections, sub-headings, items and date', async () => {
  await withPage(session.browser, session.site, {}, async (page) => {
    await open(page, SEED_SHAPED_PATH);
    assert.deepEqual(await texts(page, 'h1'), [SEED_SHAPED_TITLE]);

    const sections = page.locator('.report-body section.sec > h2');
    assert.equal(await sections.count(), 7);
    const headings = await sections.allInnerTexts();
    for (const [i, heading] of headings.entries()) {
      assert.match(heading, new RegExp(`^${i + 1}\\s\\S`), `section heading ${i + 1}: ${heading}`);
      assert.ok(await sections.nth(i).isVisible(), `section heading ${i + 1} is visible`);
    }

    const sixth = page.locator('section.sec', { has: page.locator(':scope > h2', { hasText: '各海域の情勢' }) });
    assert.deepEqual(await texts(sixth, ':scope > section.sec > h3'), ['(1)北方海域', '(2)中央海域', '(3)南方海域']);
    assert.equal(await page.locator('.report-body h3').count(), 3);

    // Items are list items whose numbers are the authors' text, not list markers (no "1. (1)").
    const lists = page.locator('.report-body ol.items');
    assert.equal(await lists.count(), 5);
    for (let i = 0; i < (await lists.count()); i++) {
      const list = lists.nth(i);
      assert.equal(await list.evaluate((el) => getComputedStyle(el).listStyleType), 'none');
      const items = await texts(list, ':scope > li');
      assert.ok(items.length >= 2);
      items.forEach((item, n) => assert.ok(item.startsWith(`(${n + 1})`), `item ${n + 1} of list ${i + 1}: ${item}`));
    }
    assert.ok(await page.getByText('(3)ベルナール外相から', { exact: false }).isVisible());

    const date = page.locator('.report-meta time');
    assert.equal(await date.getAttribute('datetime'), '2013-11-02');
    assert.match(await date.innerText(), /^2013年11月2日/);

    const factSheet = page.getByRole('link', { name: /^ファクトシート\(PDF形式・\d+KB・3ページ\)$/ });
    assert.equal(await factSheet.count(), 2, 'in the body and in the attachment list');
  });
});

test('shows the same report with JavaScript disabled', async () => {
  const mainText = (options: { javaScriptEnabled: boolean }) =>
    withPage(session.browser, session.site, options, async (page) => {
      await open(page, SEED_SHAPED_PATH);
      assert.equal(await page.locator('.report-body section.sec > h2').count(), 7);
      assert.equal(await page.locator('.report-body h3').count(), 3);
      return page.locator('main').innerText();
    });
  const withoutScript = await mainText({ javaScriptEnabled: false });
  const withScript = await mainText({ javaScriptEnabled: true });
  assert.equal(withoutScript, withScript);
  assert.match(withoutScript, /2013年11月2日/);
});

test('loads no script but JSON-LD data and logs no CSP violation on any public page', async () => {
  await withPage(session.browser, session.site, {}, async (page, log) => {
    for (const { path, status } of PUBLIC_PAGES) {
      await open(page, path, status);
      const types = await page.locator('script').evaluateAll((scripts) => scripts.map((s) => s.getAttribute('type')));
      for (const type of types) assert.equal(type, 'application/ld+json', `script on ${path}`);
    }
    const violations = log.console.filter((m) => /Content Security Policy|Refused to/i.test(m.text()));
    assert.deepEqual(
      violations.map((m) => m.text()),
      [],
    );
    assert.deepEqual(log.pageErrors, []);
  });
});

test('blocks an inline script injected into a page', async () => {
  await withPage(session.browser, session.site, {}, async (page, log) => {
    await open(page, SEED_SHAPED_PATH);
    // page.evaluate itself is exempt from the CSP; the <script> element it adds is not.
    const ran = await page.evaluate(() => {
      const w = window as unknown as { inlineRan?: boolean };
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true;';
      document.head.append(script);
      return w.inlineRan === true;
    });
    assert.equal(ran, false);
    assert.ok(
      log.console.some((m) => /Content Security Policy/.test(m.text())),
      'Chromium reports the CSP violation',
    );
  });
});

test('lists each destination of the site menu once', async () => {
  await withPage(session.browser, session.site, {}, async (page) => {
    await open(page, '/');
    const menu = page.getByRole('navigation', { name: 'サイト内メニュー' });
    const hrefs = await menu.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    assert.deepEqual(hrefs, [...new Set(hrefs)], `menu links: ${hrefs.join(' ')}`);
    assert.equal(await menu.locator('[aria-current="page"]').count(), 1);
  });
});

test('goes from the home page to the list, a report and its previous and next reports', async () => {
  // The second newest demo report has a newer and an older neighbour.
  const byDate = [...DEMO_REPORTS].sort((a, b) => b.activityDate.localeCompare(a.activityDate));
  const [newer, report, older] = [byDate[0]!, byDate[1]!, byDate[2]!];
  await withPage(session.browser, session.site, {}, async (page) => {
    await open(page, '/');
    await page.getByRole('navigation', { name: 'サイト内メニュー' }).getByRole('link', { name: '活動報告' }).click();
    await page.waitForURL('**/activity/');
    assert.deepEqual(await texts(page, 'h1'), ['活動報告']);

    await page.getByRole('main').getByRole('link', { name: report.title, exact: true }).click();
    await page.waitForURL(`**/activity/${report.activityDate}/`);
    assert.deepEqual(await texts(page, 'h1'), [report.title]);

    const pager = page.getByRole('navigation', { name: '前後の活動報告' });
    await pager.getByRole('link', { name: /前の報告/ }).click();
    await page.waitForURL(`**/activity/${older.activityDate}/`);
    assert.deepEqual(await texts(page, 'h1'), [older.title]);

    await pager.getByRole('link', { name: /次の報告/ }).click();
    await page.waitForURL(`**/activity/${report.activityDate}/`);
    await pager.getByRole('link', { name: /次の報告/ }).click();
    await page.waitForURL(`**/activity/${newer.activityDate}/`);
    assert.deepEqual(await texts(page, 'h1'), [newer.title]);
  });
});

test('moves keyboard focus to the main content with the skip link', async () => {
  await withPage(session.browser, session.site, {}, async (page) => {
    await open(page, SEED_SHAPED_PATH);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '本文へ移動' });
    assert.ok(await skip.evaluate((el) => el === document.activeElement));
    assert.ok(await skip.isVisible(), 'the focused skip link is visible');
    await page.keyboard.press('Enter');
    await page.waitForURL('**#main');
  });
});

test('answers an unknown address with a Japanese 404 page that leads back home', async () => {
  await withPage(session.browser, session.site, {}, async (page) => {
    await open(page, '/no-such-page/', 404);
    assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
    assert.deepEqual(await texts(page, 'h1'), ['ページが見つかりません']);
    assert.match(await page.title(), /^ページが見つかりません \| /);
    assert.ok(await page.getByText('お探しのページは移動または削除されたか').isVisible());
    await page.getByRole('link', { name: 'ホームへ戻る' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    assert.ok(await page.getByRole('heading', { name: '最新の活動報告' }).isVisible());
  });
});
