// Full-page screenshots of the main public pages at a phone width and a desktop width,
// saved under test-artifacts/screenshots/ for people to look at. The test also checks
// what a screenshot would show by eye: nothing wider than the screen.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { open, PUBLIC_PAGES, screenshotDir, VIEWPORTS, withPage, useBrowserSession } from '../support/browser.js';

const SHOWN = ['home', 'activity-list', 'seed-shaped-report', 'profile', 'category-archive'];

const session = useBrowserSession();

for (const viewport of VIEWPORTS) {
  for (const { name, path, status } of PUBLIC_PAGES.filter((p) => SHOWN.includes(p.name))) {
    test(`fits ${name} (${path}) in ${viewport.width} px without sideways scrolling and saves a screenshot`, async () => {
      const size = { width: viewport.width, height: viewport.height };
      await withPage(session.browser, session.site, { viewport: size }, async (page) => {
        await open(page, path, status);
        await page.evaluate(() => document.fonts.ready);
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scrollWidth <= viewport.width, `${path} is ${scrollWidth} px wide at ${viewport.width} px`);
        const file = join(screenshotDir(), `${name}-${viewport.width}.png`);
        await page.screenshot({ path: file, fullPage: true });
      });
    });
  }
}
