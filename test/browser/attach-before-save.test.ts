// Attaching before the first save, without JavaScript (issue 12): on a new report, type a
// title and a body, choose a PDF in the main form, press 「下書きにしてファイルを添付」 and
// land on the new draft's edit page with the text and the PDF listed. Axe on the new form
// with its file input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations } from '../support/axe.js';
import { logInAsOwner, open, useBrowserSession, withPage } from '../support/browser.js';
import { makePdf } from '../support/media-fixtures.js';

const session = useBrowserSession();

test('without JavaScript, a PDF chosen on a new report is attached to the draft the button creates', async () => {
  await withPage(session.browser, session.site, { javaScriptEnabled: false, viewport: { width: 1280, height: 900 } }, async (page) => {
    await logInAsOwner(page, session.site);
    await open(page, '/admin/reports/new');
    await page.getByLabel('タイトル').fill('予算委員会の報告');
    await page.getByLabel('活動日').fill('2026-11-20');
    await page.getByLabel('本文').fill('1 質疑\n\n補正予算について質問しました。');
    await page.getByLabel('添付するファイル').setInputFiles({ name: 'shiryou.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makePdf(2)) });
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name: '下書きにしてファイルを添付' }).click()]);

    assert.match(new URL(page.url()).pathname, /^\/admin\/reports\/\d+\/edit$/);
    assert.equal(await page.getByLabel('タイトル').inputValue(), '予算委員会の報告');
    assert.match(await page.getByLabel('本文').inputValue(), /補正予算について質問しました。/);
    assert.match(await page.locator('#attachments').innerText(), /shiryou/);
    assert.ok(await page.getByRole('button', { name: '本文を保存してファイルを添付' }).isVisible());
  });
});

// Axe runs as a script in the page, so this check has JavaScript on.
test('the new-report form with its file input and save-and-attach button passes axe', async () => {
  await withPage(session.browser, session.site, { viewport: { width: 1280, height: 900 } }, async (page) => {
    await logInAsOwner(page, session.site);
    await open(page, '/admin/reports/new');
    await page.getByLabel('添付するファイル').setInputFiles({ name: 'shiryou.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makePdf(1)) });
    assert.deepEqual(await axeViolations(page), []);
  });
});
