// The public pages of activity records (issue 16) in Chromium: the report page with its 概要
// box, /people/, a person page and the year's calendar pass axe (WCAG 2.1 A/AA) at a phone and
// a desktop width, and the Nu HTML Checker finds no error on them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { proposeActivityRecord } from '../../src/actions/records/propose-activity-record.js';
import { findReportBySlug } from '../../src/store/reports.js';
import { axeViolations } from '../support/axe.js';
import { launchChromium, open, SEED_SHAPED_PATH, startPublicSite, VIEWPORTS, withPage, type RunningSite } from '../support/browser.js';
import { confirmRecordsOnEveryReport, storeRecord } from '../support/public-records.js';
import { formatVnuMessage, validateHtml } from '../support/vnu.js';
import type { Browser } from 'playwright-core';

const PAGES = [SEED_SHAPED_PATH, '/people/', `/people/${encodeURIComponent('北浜一郎')}/`, '/activity/2025/'];

let site: RunningSite;
let browser: Browser;

before(async () => {
  site = await startPublicSite();
  await confirmRecordsOnEveryReport(site.site);
  // The seed-shaped report gets the extractor's proposal, confirmed as staff would.
  const report = (await findReportBySlug(site.site.db, SEED_SHAPED_PATH.split('/')[2]!, 'published'))!;
  const { record } = await proposeActivityRecord(site.site.db, report);
  await storeRecord(site.site, report.id, record);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

test('the seed-shaped report shows its 概要 box with the participants linked', async () => {
  await withPage(browser, site, {}, async (page) => {
    await open(page, SEED_SHAPED_PATH);
    const box = page.getByRole('region', { name: '概要' });
    await box.getByRole('link').first().waitFor();
    assert.ok((await box.getByRole('link').count()) >= 2);
    assert.match(await box.innerText(), /日時[\s\S]*出席者/);
  });
});

for (const viewport of VIEWPORTS) {
  for (const path of PAGES) {
    test(`has no WCAG 2.1 A/AA violation on ${path} at ${viewport.width} px`, async () => {
      await withPage(browser, site, { viewport: { width: viewport.width, height: viewport.height } }, async (page) => {
        await open(page, path);
        assert.deepEqual(await axeViolations(page), []);
        // Nothing wider than the window: the heatmap scales down on a phone.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `the page is ${overflow} px wider than the window`);
      });
    });
  }
}

test('the Nu HTML Checker finds no error on the record pages', async () => {
  const documents: Record<string, string> = {};
  for (const path of PAGES) {
    const response = await fetch(`${site.origin}${path}`);
    assert.equal(response.status, 200, path);
    documents[path] = await response.text();
  }
  const errors = (await validateHtml(documents)).filter((m) => m.type !== 'info');
  assert.deepEqual(errors.map(formatVnuMessage), []);
});
