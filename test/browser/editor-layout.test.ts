// Where the editor's parts stand (issue 12 items 3 and 5), in Chromium, on a report whose
// preview and attachment panel are both much taller than the body's text box (a long text with
// photos, and many attachments). At 1280 px: the preview level with the text box and to its
// right, the panel beside the fields above it, the buttons right under the body however tall
// the other two are, the preview scrolling with the text box, and Tab from the body going to
// the buttons first. At 390 px: one column in the page's order, nothing overlapping, no
// sideways scrolling. Axe at both widths.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { attachMediaToReport } from '../../src/actions/items/attach-media.js';
import { uploadMedia } from '../../src/actions/media/upload-media.js';
import { saveReport } from '../../src/actions/reports/save-report.js';
import type { Actor } from '../../src/domain/user.js';
import { addTestUser } from '../support/admin.js';
import { axeViolations } from '../support/axe.js';
import { logInAsOwner, open, useBrowserSession, withPage } from '../support/browser.js';
import { makeImage, makePdf } from '../support/media-fixtures.js';

const session = useBrowserSession();

const PHOTOS = 6;
const FILES = 4;
let reportCount = 0;

/** A draft with a long text that places every photo, and PHOTOS photos and FILES PDFs attached. */
async function tallReport(title: string): Promise<{ id: number; body: string }> {
  const site = session.site.site;
  const user = await addTestUser(site, { login: `layout${++reportCount}`, role: 'editor' });
  const actor: Actor = { userId: user.id, login: user.login, role: 'editor', ip: '192.0.2.9' };
  const saved = await saveReport(site, actor, { title, activityDate: '2026-11-25', categoryId: null, tags: [], slug: '', summary: '', bodySource: '1 概要\n\n下書き。' });
  const lines: string[] = [];
  for (let i = 0; i < PHOTOS; i++) {
    const media = await uploadMedia(site, { bytes: await makeImage('jpeg', 640 + i, 480), fileName: `photo${i}.jpg`, altText: `現地の様子${i}`, user: actor });
    await attachMediaToReport(site, { reportId: saved.id, mediaId: media.id, label: `写真${i}`, user: actor });
    lines.push(`${i + 1} 訪問先${i}`, '', '地域の方々と意見を交わしました。'.repeat(4), '', `![現地の様子${i}](media:${media.id})`, '');
  }
  for (let i = 0; i < FILES; i++) {
    const media = await uploadMedia(site, { bytes: await makePdf(i + 1), fileName: `shiryou${i}.pdf`, altText: '', user: actor });
    await attachMediaToReport(site, { reportId: saved.id, mediaId: media.id, label: `資料${i}`, user: actor });
  }
  return { id: saved.id, body: lines.join('\n') };
}

/** Opens the report's editor and types the long text, waiting for the live preview to show every photo. */
async function openWithPreview(page: Page, report: { id: number; body: string }): Promise<void> {
  await open(page, `/admin/reports/${report.id}/edit`);
  await page.getByLabel('本文').fill(report.body);
  await page.locator(`#live-preview figure img >> nth=${PHOTOS - 1}`).waitFor({ state: 'attached' });
}

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Page coordinates of the first element matching each selector. */
async function boxes(page: Page, selectors: Record<string, string>): Promise<Record<string, Box>> {
  return page.evaluate((wanted) => {
    const out: Record<string, Box> = {};
    for (const [name, selector] of Object.entries(wanted)) {
      const r = document.querySelector(selector)!.getBoundingClientRect();
      out[name] = { top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left + scrollX, right: r.right + scrollX };
    }
    return out;
  }, selectors);
}

const PARTS = {
  fields: '.editor-fields',
  body: '.body-field',
  text: '#field-bodySource',
  actions: '#editor-actions',
  buttons: '.form-actions',
  panel: '#attachments',
  preview: '#preview',
  rendered: '#live-preview',
};

/** The editor of a new tall report at this width, its live preview shown, and where its parts stand. */
async function withTallEditor(viewport: { width: number; height: number }, check: (page: Page, b: Record<string, Box>) => Promise<void>): Promise<void> {
  const report = await tallReport(`配置の確かめ ${viewport.width}`);
  await withPage(session.browser, session.site, { viewport }, async (page) => {
    await logInAsOwner(page, session.site);
    await openWithPreview(page, report);
    await check(page, await boxes(page, PARTS));
  });
}

test('at 1280 px the preview stands level with the text box, the panel beside the fields, and the buttons right under the body', async () => {
  await withTallEditor({ width: 1280, height: 900 }, async (page, b) => {
    assert.ok(Math.abs(b.preview!.top - b.text!.top) <= 3, `the preview's top (${b.preview!.top}) is level with the text box's (${b.text!.top})`);
    assert.ok(b.preview!.left > b.text!.right, 'the preview stands to the right of the text box');
    assert.ok(Math.abs(b.preview!.bottom - b.text!.bottom) <= 3, 'and is as tall as it');
    assert.ok(b.panel!.left > b.body!.right && Math.abs(b.panel!.top - b.fields!.top) <= 3, 'the panel stands beside the fields');
    assert.ok(b.panel!.bottom <= b.preview!.top, 'above the preview, not over it');
    // Both are taller than their place: they scroll on their own rather than push the buttons down.
    const overflows = await page.evaluate(() =>
      ['#attachments', '#live-preview'].map((s) => document.querySelector(s)!.scrollHeight > document.querySelector(s)!.clientHeight + 100),
    );
    assert.deepEqual(overflows, [true, true], 'the panel and the rendered text are taller than their boxes');
    assert.ok(
      b.actions!.top >= b.text!.bottom && b.actions!.top - b.text!.bottom <= 40,
      `the buttons' part starts right under the text box (${b.actions!.top} vs ${b.text!.bottom})`,
    );
    assert.ok(b.buttons!.top - b.text!.bottom < 250, 'the save buttons are right under the body');

    // The preview follows the text box's scrolling: at its end when the text is, at its top when the text is.
    await page.locator('#field-bodySource').evaluate((t) => (t.scrollTop = t.scrollHeight));
    await page.waitForFunction(() => {
      const p = document.getElementById('live-preview')!;
      return p.scrollTop > 0 && p.scrollTop + p.clientHeight >= p.scrollHeight - 2;
    });
    await page.locator('#field-bodySource').evaluate((t) => (t.scrollTop = 0));
    await page.waitForFunction(() => document.getElementById('live-preview')!.scrollTop === 0);

    // Tab from the body: the note and the buttons under it, then the panel, then the preview.
    await page.locator('#field-bodySource').focus();
    const order: string[] = [];
    for (let i = 0; i < 400 && order.at(-1) !== 'preview'; i++) {
      await page.keyboard.press('Tab');
      const part = await page.evaluate(() => {
        const el = document.activeElement!;
        return el.closest('#editor-actions') ? 'actions' : el.closest('#attachments') ? 'panel' : el.closest('#preview') ? 'preview' : 'other';
      });
      if (order.at(-1) !== part) order.push(part);
    }
    assert.deepEqual(order, ['actions', 'panel', 'preview']);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'live-preview', 'the scrolling preview is reached by Tab');

    assert.deepEqual(await axeViolations(page), [], 'editor with a tall preview and panel at 1280 px');
  });
});

test('at 390 px the editor is one column in the page order, nothing overlapping and no sideways scrolling', async () => {
  await withTallEditor({ width: 390, height: 844 }, async (page, b) => {
    const column = [b.fields!, b.body!, b.actions!, b.panel!, b.preview!];
    for (let i = 1; i < column.length; i++) {
      assert.ok(column[i]!.top >= column[i - 1]!.bottom - 1, `part ${i} stands below part ${i - 1}`);
      assert.ok(column[i]!.right <= 390 && column[i]!.left >= 0, `part ${i} is within the screen's width`);
    }
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(sideways, 0, 'no horizontal scroll');
    assert.deepEqual(await axeViolations(page), [], 'editor with a tall preview and panel at 390 px');
  });
});
