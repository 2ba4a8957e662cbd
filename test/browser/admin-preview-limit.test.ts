// The live preview, typed into in Chromium: a body longer than saving accepts shows save's
// message in the preview area (the 422 fragment of /admin/preview), and a body within the
// limit shows its rendering again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyLengthProblem, LIMITS } from '../../src/domain/report-rules.js';
import { addTestUser, TEST_PASSWORD } from '../support/admin.js';
import { open, useBrowserSession, withPage } from '../support/browser.js';

const session = useBrowserSession();

test("the live preview shows save's message for a body too long, then the rendering again", async () => {
  await addTestUser(session.site.site, { login: 'writer', role: 'writer' });
  await withPage(session.browser, session.site, { viewport: { width: 1280, height: 900 } }, async (page, log) => {
    await open(page, '/admin/login');
    await page.getByLabel('ログイン名').fill('writer');
    await page.getByLabel('パスワード').fill(TEST_PASSWORD);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name: 'ログイン' }).click()]);
    await open(page, '/admin/reports/new');
    const preview = page.locator('#live-preview');

    const tooLong = '1 概要\n\n' + 'あ'.repeat(LIMITS.bodyChars);
    await page.getByLabel('本文').fill(tooLong);
    await preview.getByRole('alert').waitFor();
    assert.equal(await preview.innerText(), bodyLengthProblem(tooLong));

    await page.getByLabel('本文').fill('1 概要\n\n(1)駅前で街頭演説を行いました。');
    await preview.locator('.report-body h2').waitFor();
    assert.match(await preview.innerText(), /街頭演説/);
    assert.deepEqual(log.pageErrors, []);
  });
});
