// Keyboard order and focus in the report and page editors (issue 12 items 3 and 8), in
// Chromium. Tab through the whole editor at 390 and 1280 px: the focus goes through the
// fields, the body, the buttons, the attachment panel, the preview and the 「活動の記録」 panel in
// the order they are seen (WCAG 2.4.3): down the single column on a phone; down the left column
// (fields, body, buttons), then down the right one (panel, preview, record) on a wide screen. Without JavaScript, a refused save leaves the focus on the error summary and a
// successful one on the notice (autofocus), which screen readers announce (alert / status).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { logInAsOwner, open, pressInAttachmentPanel, useBrowserSession, withPage } from '../support/browser.js';
import { makeImage } from '../support/media-fixtures.js';

const session = useBrowserSession();

async function submit(page: Page, name: string): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name, exact: true }).click()]);
}

/** The parts of the editor, in the order the eye takes them. */
const REGIONS = ['fields', 'body', 'actions', 'attachments', 'preview', 'record'] as const;
type Region = (typeof REGIONS)[number];

interface Stop {
  what: string;
  region: Region | 'outside';
  top: number;
  left: number;
  /** The region's box. */
  box: { top: number; left: number; bottom: number };
}

/** Presses Tab from the title field until the focus leaves the editor, noting where each stop is on the page. */
async function tabThroughEditor(page: Page): Promise<Stop[]> {
  await page.locator('#field-title').focus();
  const stops: Stop[] = [];
  for (let i = 0; i < 200; i++) {
    const stop = await page.evaluate((): Stop => {
      const el = document.activeElement as HTMLElement;
      const selectors: [string, string][] = [
        ['fields', '.editor-fields'],
        ['body', '.body-field'],
        ['attachments', '#attachments'],
        ['preview', '#preview'],
        ['record', '#record'],
        ['actions', '#editor-actions'],
      ];
      const found = selectors.find(([, selector]) => el.closest(selector));
      const r = el.getBoundingClientRect();
      // Where the stop is in its part's content: a part that scrolls on its own (the panel at
      // 1280 px) has just been scrolled to show it.
      let scrolled = 0;
      for (let p = el.parentElement; p && p !== document.documentElement; p = p.parentElement) scrolled += p.scrollTop;
      const regionEl = found ? (el.closest(found[1]) as HTMLElement) : el;
      const b = regionEl.getBoundingClientRect();
      return {
        what: `${el.tagName.toLowerCase()}#${el.id} ${(el.textContent ?? '').trim().slice(0, 20)}`,
        region: (found?.[0] ?? 'outside') as Stop['region'],
        top: r.top + scrollY + scrolled,
        left: r.left + scrollX,
        box: { top: b.top + scrollY, left: b.left + scrollX, bottom: b.bottom + scrollY },
      };
    });
    if (stop.region === 'outside') {
      assert.ok(
        stops.length > 0 && !(await page.evaluate(() => document.activeElement?.closest('.editor-grid') !== null)),
        `a stop outside the editor's parts: ${stop.what}`,
      );
      break;
    }
    stops.push(stop);
    await page.keyboard.press('Tab');
  }
  return stops;
}

/** The regions in the order the focus entered them; a region entered twice shows the focus went back. */
function regionOrder(stops: Stop[]): Region[] {
  const order: Region[] = [];
  for (const s of stops) if (s.region !== 'outside' && order.at(-1) !== s.region) order.push(s.region);
  return order;
}

for (const width of [390, 1280]) {
  test(`at ${width} px Tab goes through the editor in the order it is seen: fields, body, buttons, attachments, preview, record`, async () => {
    await withPage(session.browser, session.site, { viewport: { width, height: 900 } }, async (page) => {
      await logInAsOwner(page, session.site);
      await open(page, '/admin/reports/new');
      await page.getByLabel('タイトル').fill(`順序の確かめ ${width}`);
      await page.getByLabel('活動日').fill('2026-11-21');
      await page.getByLabel('本文').fill('1 視察\n\n[資料](https://example.jp/a) を見ました。');
      await submit(page, '下書き保存');
      await page.locator('#field-upload\\.file').setInputFiles({ name: 'shisatsu.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(await makeImage('jpeg', 800, 600)) });
      await page.locator('#field-upload\\.altText').fill('視察先の様子');
      await pressInAttachmentPanel(page, 'アップロードして添付');
      // The live preview, with a link to tab through.
      await page.getByLabel('本文').fill('1 視察\n\n[資料](https://example.jp/a) を見ました。');
      await page.locator('#live-preview a[href="https://example.jp/a"]').waitFor();

      const stops = await tabThroughEditor(page);
      assert.deepEqual(regionOrder(stops), [...REGIONS], `regions in focus order: ${stops.map((s) => `${s.region}:${s.what}`).join(' | ')}`);
      for (let i = 1; i < stops.length; i++) {
        const [a, b] = [stops[i - 1]!, stops[i]!];
        if (a.region === b.region) {
          // Inside a part: down the page, or along a row of buttons.
          assert.ok(b.top >= a.top - 2 || b.left > a.left, `${b.what} comes after ${a.what} on screen`);
          continue;
        }
        if (width === 390) {
          assert.ok(b.box.top >= a.box.bottom - 1, `at 390 px ${b.region} stands below ${a.region}`);
        } else {
          // Two columns, read one after the other: the next part stands below in the same
          // column, or starts the column to the right.
          const isBelow = Math.abs(b.box.left - a.box.left) <= 2 && b.box.top >= a.box.bottom - 1;
          const isNextColumn = b.box.left > a.box.left + 100;
          assert.ok(
            isBelow || isNextColumn,
            `at 1280 px ${b.region} (top ${b.box.top}, left ${b.box.left}) follows ${a.region} (top ${a.box.top}, left ${a.box.left}) in reading order`,
          );
        }
      }
      if (width === 1280) {
        const fields = stops.find((s) => s.region === 'fields')!;
        const body = stops.find((s) => s.region === 'body')!;
        const panel = stops.find((s) => s.region === 'attachments')!;
        const preview = stops.find((s) => s.region === 'preview')!;
        assert.ok(panel.box.left > body.left && Math.abs(panel.box.top - fields.box.top) <= 2, 'the panel stands beside the fields');
        const text = await page
          .locator('#field-bodySource')
          .evaluate((t) => ({ top: t.getBoundingClientRect().top + scrollY, right: t.getBoundingClientRect().right + scrollX }));
        assert.ok(preview.box.left > text.right && Math.abs(preview.box.top - text.top) <= 3, 'the preview stands beside the text box, level with it');
      }
    });
  });
}

test('without JavaScript, a refused save focuses the error summary and a save the notice', async () => {
  await withPage(session.browser, session.site, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } }, async (page) => {
    await logInAsOwner(page, session.site);
    const read = () =>
      page.evaluate(() => ({
        isBody: document.activeElement === document.body,
        className: document.activeElement?.className ?? '',
        role: document.activeElement?.getAttribute('role') ?? '',
        text: document.activeElement?.textContent ?? '',
      }));
    // The browser applies autofocus at a rendering update after the page has loaded: wait for
    // focus to leave the body (a bounded number of reads), then look at where it went.
    const focused = async () => {
      for (let i = 0; i < 50; i++) {
        const now = await read();
        if (!now.isBody) return now;
        await page.waitForTimeout(100);
      }
      return read();
    };

    for (const path of ['/admin/reports/new', '/admin/pages/new']) {
      await open(page, path);
      await page.getByLabel('本文').fill('1 概要\n\n本文です。');
      await submit(page, '下書き保存');
      const refused = await focused();
      assert.equal(refused.className, 'error-summary', `${path}: the error summary has the focus`);
      assert.equal(refused.role, 'alert');
      assert.match(refused.text, /タイトル/);
      assert.equal(await page.getByLabel('本文').inputValue(), '1 概要\n\n本文です。', 'the typed text is kept');

      await page.getByLabel('タイトル').fill('フォーカスの確かめ');
      if (path.includes('reports')) await page.getByLabel('活動日').fill('2026-11-22');
      await submit(page, '下書き保存');
      assert.match(page.url(), /notice=/);
      const saved = await focused();
      assert.equal(saved.className, 'admin-notice', `${path}: the notice has the focus`);
      assert.equal(saved.role, 'status');
      assert.match(saved.text, /保存しました/);
    }
  });
});

test('with JavaScript the same message has the focus after a refused save', async () => {
  await withPage(session.browser, session.site, { viewport: { width: 1280, height: 900 } }, async (page) => {
    await logInAsOwner(page, session.site);
    await open(page, '/admin/reports/new');
    await page.getByLabel('活動日').fill('2026-11-22');
    await submit(page, '下書き保存');
    await page.waitForFunction(() => document.activeElement !== document.body, undefined, { timeout: 5000 }).catch(() => undefined);
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'error-summary');
  });
});
