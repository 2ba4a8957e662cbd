// The record panel with its script (admin-record.js, issue 16 item 7): rows are added and removed
// without a round trip, from the keyboard, each change announced in a live region, nothing typed
// elsewhere lost; what is saved is what the rows show. Axe finds nothing with the added rows at
// 390 and 1280 px.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations } from '../support/axe.js';
import { logInAsOwner, open, SEED_SHAPED_TITLE, useBrowserSession, VIEWPORTS, withPage } from '../support/browser.js';

const session = useBrowserSession();

async function seedShapedReportId(): Promise<number> {
  const row = await session.site.site.db.selectFrom('reports').select('id').where('title', '=', SEED_SHAPED_TITLE).executeTakeFirstOrThrow();
  return row.id;
}

test('adds and removes participant rows from the keyboard, announces each change, keeps typed input, and saves what is shown', async () => {
  const id = await seedShapedReportId();
  await withPage(session.browser, session.site, { viewport: { width: 1280, height: 900 } }, async (page) => {
    await logInAsOwner(page, session.site);
    await open(page, `/admin/reports/${id}/edit`);
    const panel = page.locator('#record');
    const rows = panel.locator('fieldset.record-rows').nth(1).locator(':scope > fieldset.record-row');
    const before = await rows.count();
    await panel.getByLabel('合意・決定したこと').fill('打ち合わせた内容を確認した。');
    await panel.getByLabel('場所').fill('議員会館');

    const add = panel.getByRole('button', { name: '出席者を追加' });
    await add.focus();
    await page.keyboard.press('Enter');
    assert.equal(await rows.count(), before + 1);
    const added = panel.getByRole('group', { name: `出席者${before + 1}`, exact: true });
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), `record-participants-${before}-name`);
    assert.equal(await added.getByLabel('名前').inputValue(), '');
    await page.keyboard.type('青木');
    await panel
      .locator('.record-live')
      .getByText(`出席者${before + 1}を追加しました。`)
      .waitFor();

    await panel.getByRole('button', { name: '出席者2を削除' }).focus();
    await page.keyboard.press('Enter');
    assert.equal(await rows.count(), before);
    await panel.locator('.record-live').getByText('出席者2を削除しました。').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), '出席者を追加');
    assert.equal(await panel.getByLabel('合意・決定したこと').inputValue(), '打ち合わせた内容を確認した。');
    assert.equal(await panel.getByLabel('場所').inputValue(), '議員会館');

    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), panel.getByRole('button', { name: '記録を保存' }).click()]);
    await page.getByText('活動の記録を保存しました。').waitFor();
    const names = await panel
      .locator('fieldset.record-rows')
      .nth(1)
      .locator('input[name$="-name"]')
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value).filter((v) => v !== ''));
    assert.deepEqual(names, ['山田', 'ベルナール', 'オルセン', '青木']);
    assert.equal(await panel.getByLabel('場所').inputValue(), '議員会館');
  });
});

for (const viewport of VIEWPORTS) {
  test(`passes axe with rows added by the script at ${viewport.width} px`, async () => {
    const id = await seedShapedReportId();
    await withPage(session.browser, session.site, { viewport }, async (page) => {
      await logInAsOwner(page, session.site);
      await open(page, `/admin/reports/${id}/edit`);
      await page.locator('#record').getByRole('button', { name: '時間を追加' }).click();
      await page.locator('#record').getByRole('button', { name: '出席者を追加' }).click();
      assert.deepEqual(await axeViolations(page), []);
      const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: innerWidth }));
      assert.ok(width.scroll <= width.inner, `no sideways scroll (${width.scroll} > ${width.inner})`);
    });
  });
}
