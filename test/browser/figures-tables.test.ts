// Inline photos and tables in Debian Chromium at phone width (issue 11 items 2 and 3): the
// photo loads from its WebP variants with its space reserved, a wide table scrolls inside its
// own region (reachable by keyboard) while the page itself does not; axe and the Nu HTML
// Checker find nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { uploadMedia } from '../../src/actions/media/upload-media.js';
import { addTestUser, makeImage, TEST_USER } from '../support/media-fixtures.js';
import { axeViolations } from '../support/axe.js';
import { open, useBrowserSession, withPage } from '../support/browser.js';
import { publishReport } from '../support/factories.js';
import { formatVnuMessage, validateHtml } from '../support/vnu.js';

const session = useBrowserSession();

const WIDE_ROW = (i: number) => `| ${i} | みどり町${i}丁目の通学路 | 歩道の拡幅と防護柵の設置を要望 | 令和9年度までに着工予定 | 県土木事務所 |`;

test('shows a photo and scrolls a wide table inside its region at 390 px, axe and Nu clean', async () => {
  const site = session.site.site;
  await addTestUser(site);
  await uploadMedia(site, { bytes: await makeImage('jpeg', 1600, 1200), fileName: '通学路.jpg', altText: '通学路', user: TEST_USER });
  const body = [
    '■ 通学路の点検',
    '保護者の皆さまと歩きました。',
    '![狭い歩道を歩く児童](media:通学路.jpg "点検した通学路")',
    '',
    '| 番号 | 場所 | 要望 | 見通し | 担当 |',
    '|---|---|---|---|---|',
    ...Array.from({ length: 5 }, (_, i) => WIDE_ROW(i + 1)),
  ].join('\n');
  const report = await publishReport(site, { title: '通学路の合同点検', activityDate: '2026-04-20', bodySource: body });

  await withPage(session.browser, session.site, { viewport: { width: 390, height: 844 } }, async (page) => {
    await open(page, `/activity/${report.slug}/`);
    const photo = page.getByRole('img', { name: '狭い歩道を歩く児童' });
    await photo.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => Array.from(document.querySelectorAll('figure img')).every((img) => (img as HTMLImageElement).complete));
    const loaded = await photo.evaluate((img: HTMLImageElement) => ({ natural: img.naturalWidth, src: img.currentSrc }));
    assert.ok(loaded.natural > 0, 'the photo loaded');
    assert.match(loaded.src, /\/w\d+\/[^/]+-\d+w\.webp$/);
    assert.equal(await page.locator('figure figcaption').innerText(), '点検した通学路');

    const region = page.getByRole('region', { name: '表1' });
    const sizes = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    assert.ok(sizes.scroll > sizes.client, `the table scrolls inside its region (${sizes.scroll} > ${sizes.client})`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the page itself does not scroll sideways');
    assert.equal(await page.getByRole('columnheader').count(), 5);

    await region.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    // Keyboard scrolling may be animated: wait until the region has moved.
    const handle = await region.elementHandle();
    await page.waitForFunction((el) => el !== null && el.scrollLeft > 0, handle);

    assert.deepEqual(await axeViolations(page), []);
    // A placeholder and a table without a header row, as served.
    const placeholder = await publishReport(site, {
      title: '写真の届かない報告',
      activityDate: '2026-04-21',
      bodySource: '![未着の写真](media:未着.jpg "説明")\n\na\tb\nc\td',
    });
    const documents: Record<string, string> = { 'photo and table': await page.content() };
    await open(page, `/activity/${placeholder.slug}/`);
    documents['placeholder'] = await page.content();
    assert.deepEqual(await axeViolations(page), []);
    const errors = (await validateHtml(documents)).filter((m) => m.type !== 'info');
    assert.equal(errors.length, 0, `Nu HTML Checker errors:\n${errors.map(formatVnuMessage).join('\n')}`);
  });
});
