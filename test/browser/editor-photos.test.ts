// Photos where they belong and a preview beside the text (issue 12 items 3 and 5), in
// Chromium: a photo uploaded on the editor is listed with its thumbnail, 「本文に挿入」 puts
// its line at the cursor, the live preview shows it at its place with its caption, and the
// published page shows it there too. The panel and the preview stand beside the text at
// 1280 px and the panel under the body and its buttons at 390 px; axe at both widths; without
// JavaScript, プレビュー lands on the focused preview; XSS payloads as a photo's description
// and caption run nowhere.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/axe.js';
import { logInAsOwner, open, pressInAttachmentPanel, useBrowserSession, withPage } from '../support/browser.js';
import { makeImage } from '../support/media-fixtures.js';
import { XSS_PAYLOADS } from '../support/xss-payloads.js';

const session = useBrowserSession();
async function submit(page: Page, name: string): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name, exact: true }).click()]);
}

/** A saved draft with a photo uploaded through the editor's panel; returns its edit path. */
async function draftWithPhoto(page: Page, title: string, width: number, isScripted = true): Promise<string> {
  await open(page, '/admin/reports/new');
  await page.getByLabel('タイトル').fill(title);
  await page.getByLabel('活動日').fill('2026-11-20');
  await page.getByLabel('本文').fill('1 視察\n\n堤防を見て回りました。\n\n2 意見交換\n\n地元の方と話しました。');
  await submit(page, '下書き保存');
  const editPath = new URL(page.url()).pathname;
  await page.locator('#field-upload\\.file').setInputFiles({ name: 'teibou.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(await makeImage('jpeg', width, 900)) });
  await page.locator('#field-upload\\.altText').fill('堤防の上から見た川');
  await page.locator('#field-upload\\.label').fill('堤防の写真');
  if (isScripted) await pressInAttachmentPanel(page, 'アップロードして添付');
  else await submit(page, 'アップロードして添付');
  await page.locator('.attachment-thumb').first().waitFor();
  return editPath;
}

test('a photo inserted into the text appears in the live preview and on the published page at its place with its caption', async () => {
  await withPage(session.browser, session.site, { viewport: { width: 1280, height: 900 } }, async (page) => {
    await logInAsOwner(page, session.site);
    await draftWithPhoto(page, '堤防の視察', 1600);
    const thumbLoaded = await page
      .locator('.attachment-thumb')
      .first()
      .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
    assert.ok(thumbLoaded, 'the thumbnail loads');

    // The attachments and the preview stand beside the text at 1280 px.
    const bodyBox = (await page.locator('#field-bodySource').boundingBox())!;
    const panelBox = (await page.locator('#attachments').boundingBox())!;
    const previewBox = (await page.locator('#preview').boundingBox())!;
    assert.ok(panelBox.x > bodyBox.x + bodyBox.width && previewBox.x > bodyBox.x + bodyBox.width, 'panel and preview to the right of the text');

    // The cursor at the end of the first section's paragraph, then 本文に挿入.
    const body = page.locator('#field-bodySource');
    await body.evaluate((el: HTMLTextAreaElement) => {
      const at = el.value.indexOf('堤防を見て回りました。') + '堤防を見て回りました。'.length;
      el.focus();
      el.setSelectionRange(at, at);
    });
    await page.getByRole('button', { name: /本文に挿入/ }).click();
    // The description is selected: typing replaces it for this report.
    await page.keyboard.type('増水した川と堤防');
    const text = await body.inputValue();
    assert.match(text, /堤防を見て回りました。\n!\[増水した川と堤防\]\(media:\d+\)\n\n2 意見交換/);
    // A caption of this use, typed into the line.
    await body.evaluate((el: HTMLTextAreaElement) => {
      el.value = el.value.replace(/(!\[増水した川と堤防\]\(media:\d+)\)/, '$1 "11月20日の東川")');
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const previewFigure = page.locator('#live-preview figure img[alt="増水した川と堤防"]');
    await previewFigure.waitFor();
    assert.equal(await page.locator('#live-preview figure figcaption').innerText(), '11月20日の東川');
    const inSection = await page
      .locator('#live-preview section')
      .first()
      .evaluate((s) => s.querySelector('figure') !== null);
    assert.ok(inSection, 'the preview shows the photo inside the first section');

    await submit(page, '公開する');
    const published = await page.locator('.report-status-box a[href^="/activity/"]').getAttribute('href');
    await open(page, published!);
    const photo = page.getByRole('img', { name: '増水した川と堤防' });
    await photo.scrollIntoViewIfNeeded();
    assert.equal(await page.locator('figure figcaption').first().innerText(), '11月20日の東川');
    const place = await page.evaluate(() => {
      const figure = document.querySelector('figure')!;
      return { section: figure.closest('section')?.querySelector('h2, h3')?.textContent ?? '', previous: figure.previousElementSibling?.textContent ?? '' };
    });
    assert.match(place.section, /視察/);
    assert.match(place.previous, /堤防を見て回りました。/);
  });
});

for (const width of [390, 1280]) {
  test(`the editor with a photo and its preview has no WCAG 2.1 A/AA violation at ${width} px`, async () => {
    await withPage(session.browser, session.site, { viewport: { width, height: 900 } }, async (page) => {
      await logInAsOwner(page, session.site);
      await draftWithPhoto(page, `写真と下書き ${width}`, 1200 + width);
      await page.getByRole('button', { name: /本文に挿入/ }).click();
      await page.locator('#live-preview figure img').waitFor();
      if (width === 390) {
        const body = (await page.locator('#field-bodySource').boundingBox())!;
        const panel = (await page.locator('#attachments').boundingBox())!;
        const buttons = (await page.locator('.form-actions').first().boundingBox())!;
        assert.ok(buttons.y > body.y && panel.y > buttons.y, 'at 390 px the attachments come under the body field and its buttons');
      }
      assert.deepEqual(await axeViolations(page), [], `editor with a photo at ${width} px`);
    });
  });
}

test('without JavaScript プレビュー lands on the preview, focused, with the photo', async () => {
  await withPage(session.browser, session.site, { viewport: { width: 390, height: 844 }, javaScriptEnabled: false }, async (page) => {
    await logInAsOwner(page, session.site);
    const editPath = await draftWithPhoto(page, '写真の下書き(スクリプトなし)', 1000, false);
    const line = await page.locator('.attachment-ref code').first().innerText();
    await page.getByLabel('本文').fill(`1 視察\n\n${line}`);
    await submit(page, 'プレビュー');
    assert.equal(new URL(page.url()).hash, '#preview');
    assert.equal(new URL(page.url()).pathname, editPath);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'preview');
    assert.equal(await page.locator('#preview figure img').count(), 1);
    // The site scrolls smoothly to a fragment (site.css), so the preview comes into view over
    // a second or so; with scripts off in the page, poll from the test instead of waitForFunction.
    let inView = false;
    for (let tries = 0; tries < 50 && !inView; tries++) {
      inView = await page.locator('#preview').evaluate((el) => el.getBoundingClientRect().top < window.innerHeight);
      if (!inView) await page.waitForTimeout(100);
    }
    assert.ok(inView, 'the preview is in view');
  });
});

test('XSS payloads as a photo line description and caption run neither in the preview nor on the published page', async () => {
  await withPage(session.browser, session.site, { viewport: { width: 1280, height: 900 } }, async (page) => {
    const calls: string[] = [];
    const dialogs: string[] = [];
    await page.context().exposeBinding('__xss', (_source, n: unknown) => void calls.push(String(n)));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await logInAsOwner(page, session.site);
    await draftWithPhoto(page, '写真の説明の検査', 1700);
    const line = await page.locator('.attachment-ref code').first().innerText();
    const ref = /\(media:(\d+)\)/.exec(line)![1]!;
    const lines = XSS_PAYLOADS.map((p) => `![${p.text.replace(/[\]\n"]/g, ' ')}](media:${ref} "${p.text.replace(/["\n]/g, ' ')}")`);
    await page.getByLabel('本文').fill(`1 写真\n\n${lines.join('\n')}`);
    await page.locator('#live-preview figure').first().waitFor();
    await submit(page, '公開する');
    const published = await page.locator('.report-status-box a[href^="/activity/"]').getAttribute('href');
    await open(page, published!);
    assert.ok((await page.locator('figure').count()) >= XSS_PAYLOADS.length / 2);
    assert.deepEqual(calls, []);
    assert.deepEqual(dialogs, []);
  });
});
