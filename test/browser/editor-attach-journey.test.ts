// Attaching from the main form with JavaScript (issue 12 items 1 and 3), in Chromium: on a new
// report and on an existing one with unsaved text, a photo chosen in the main form is sent
// without leaving the page (the text saved first; a new report becomes a draft and the
// address its edit page), the typed text stays, 「本文に挿入」 writes the photo line at the
// cursor, the live preview shows the figure, and the published page shows it at its place
// with its caption. One report each, never two.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { logInAsOwner, open, useBrowserSession, withPage } from '../support/browser.js';
import { makeImage } from '../support/media-fixtures.js';

const session = useBrowserSession();

async function submit(page: Page, name: string): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name, exact: true }).click()]);
}

const countReports = async (title: string) =>
  Number(
    (
      await session.site.site.db
        .selectFrom('reports')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('title', '=', title)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Chooses a photo in the main form and presses its button; resolves when the page has taken the answer in place. */
async function attachFromMainForm(page: Page, button: string): Promise<void> {
  await page.getByLabel('添付するファイル').setInputFiles({ name: 'teibou.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(await makeImage('jpeg', 1200, 800)) });
  await page.getByLabel(/^写真の説明/).fill('堤防の上から見た川');
  const updated = page.evaluate(() => new Promise<void>((resolve) => document.addEventListener('katsudo:attachments-updated', () => resolve(), { once: true })));
  await page.getByRole('button', { name: button, exact: true }).click();
  await updated;
}

/** From an editor with the photo attached: insert it after the first paragraph, caption it, see it in the preview, publish, and find it on the public page. */
async function insertPreviewAndPublish(page: Page, paragraph: string): Promise<void> {
  await page.locator('#attachments .attachment-thumb').first().waitFor();
  const body = page.locator('#field-bodySource');
  await body.evaluate((el: HTMLTextAreaElement, text: string) => {
    const at = el.value.indexOf(text) + text.length;
    el.focus();
    el.setSelectionRange(at, at);
  }, paragraph);
  await page
    .getByRole('button', { name: /本文に挿入/ })
    .first()
    .click();
  await page.keyboard.type('増水した川と堤防');
  assert.match(await body.inputValue(), new RegExp(`${paragraph}\\n!\\[増水した川と堤防\\]\\(media:\\d+\\)\\n`));
  await body.evaluate((el: HTMLTextAreaElement) => {
    el.value = el.value.replace(/(!\[増水した川と堤防\]\(media:\d+)\)/, '$1 "11月20日の東川")');
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.locator('#live-preview figure img[alt="増水した川と堤防"]').waitFor();
  assert.equal(await page.locator('#live-preview figure figcaption').innerText(), '11月20日の東川');

  await submit(page, '公開する');
  const published = await page.locator('.report-status-box a[href^="/activity/"]').getAttribute('href');
  await open(page, published!);
  assert.equal(await page.locator('figure figcaption').first().innerText(), '11月20日の東川');
  const place = await page.evaluate(() => {
    const figure = document.querySelector('figure')!;
    return { alt: figure.querySelector('img')?.getAttribute('alt'), previous: figure.previousElementSibling?.textContent ?? '' };
  });
  assert.equal(place.alt, '増水した川と堤防');
  assert.match(place.previous, new RegExp(paragraph));
}

test("with JavaScript, a photo attached from a new report's form lands on the new draft without leaving the page, then goes into the text and the published page", async () => {
  await withPage(session.browser, session.site, { viewport: { width: 1280, height: 900 } }, async (page, log) => {
    await logInAsOwner(page, session.site);
    await open(page, '/admin/reports/new');
    const title = '堤防の視察(新しい報告から添付)';
    const text = '1 視察\n\n堤防を見て回りました。\n\n2 意見交換\n\n地元の方と話しました。';
    await page.getByLabel('タイトル').fill(title);
    await page.getByLabel('活動日').fill('2026-11-20');
    await page.getByLabel('本文').fill(text);
    await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));

    await attachFromMainForm(page, '下書きにしてファイルを添付');
    assert.equal(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage), true, 'the page was not left');
    assert.match(new URL(page.url()).pathname, /^\/admin\/reports\/\d+\/edit$/, "the address is the new draft's");
    assert.equal(await page.getByLabel('本文').inputValue(), text, 'the typed text stays');
    assert.equal(await page.getByLabel('タイトル').inputValue(), title);
    assert.match(await page.locator('#attachments').innerText(), /アップロードして添付しました|添付しました/);
    assert.ok(await page.getByRole('button', { name: '本文を保存してファイルを添付', exact: true }).isVisible(), "the buttons are the draft's");
    assert.equal(await countReports(title), 1);

    await insertPreviewAndPublish(page, '堤防を見て回りました。');
    assert.equal(await countReports(title), 1, 'one report, never two');
    assert.deepEqual(log.pageErrors, []);
  });
});

test('with JavaScript, on an existing report the unsaved text is saved and kept while a photo is attached from the main form', async () => {
  await withPage(session.browser, session.site, { viewport: { width: 390, height: 844 } }, async (page, log) => {
    await logInAsOwner(page, session.site);
    await open(page, '/admin/reports/new');
    const title = '堤防の視察(編集画面から添付)';
    await page.getByLabel('タイトル').fill(title);
    await page.getByLabel('活動日').fill('2026-11-21');
    await page.getByLabel('本文').fill('1 視察\n\n堤防を見て回りました。');
    await submit(page, '下書き保存');
    const editPath = new URL(page.url()).pathname;
    const text = '1 視察\n\n堤防を見て回りました。\n\n2 意見交換\n\n地元の方と話しました。';
    await page.getByLabel('本文').fill(text);
    await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));

    await attachFromMainForm(page, '本文を保存してファイルを添付');
    assert.equal(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage), true, 'the page was not left');
    assert.equal(new URL(page.url()).pathname, editPath);
    assert.equal(await page.getByLabel('本文').inputValue(), text, 'the typed text stays');
    const stored = await session.site.site.db.selectFrom('reports').select('body_source').where('title', '=', title).executeTakeFirstOrThrow();
    assert.equal(stored.body_source, text, 'and was saved before the file was attached');

    await insertPreviewAndPublish(page, '堤防を見て回りました。');
    assert.equal(await countReports(title), 1);
    assert.deepEqual(log.pageErrors, []);
  });
});

test("with JavaScript, a main-form attach refused before saving shows the server's answer with every field kept", async () => {
  await withPage(session.browser, session.site, { viewport: { width: 1280, height: 900 } }, async (page) => {
    await logInAsOwner(page, session.site);
    await open(page, '/admin/reports/new');
    // No title: the save refuses, nothing is stored, and the page shows why.
    await page.getByLabel('活動日').fill('2026-11-22');
    await page.getByLabel('本文').fill('1 概要\n\nタイトルのない報告。');
    await page.getByLabel('添付するファイル').setInputFiles({ name: 'teibou.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(await makeImage('jpeg', 600, 400)) });
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name: '下書きにしてファイルを添付', exact: true }).click()]);
    const shown = await page.locator('main').innerText();
    assert.match(shown, /タイトル/);
    assert.match(shown, /teibou\.jpg/);
    assert.equal(await page.getByLabel('本文').inputValue(), '1 概要\n\nタイトルのない報告。');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'error-summary');
  });
});
