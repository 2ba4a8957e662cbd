// WCAG 2.1 A and AA (the basis of JIS X 8341-3:2016) checked by axe-core in Chromium on
// every kind of public page, at a phone width and a desktop width.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { open, PUBLIC_PAGES, useBrowserSession, VIEWPORTS, withPage } from '../support/browser.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(join(dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

interface AxeResults {
  violations: AxeViolation[];
  passes: unknown[];
}

const session = useBrowserSession();

function describe(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const targets = v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`);
      return [`  ${v.id} (${v.impact ?? 'n/a'}): ${v.help} <${v.helpUrl}>`, ...targets].join('\n');
    })
    .join('\n');
}

for (const viewport of VIEWPORTS) {
  for (const { name, path, status } of PUBLIC_PAGES) {
    test(`has no WCAG 2.1 A/AA violation on ${name} (${path}) at ${viewport.width} px`, async () => {
      await withPage(session.browser, session.site, { viewport: { width: viewport.width, height: viewport.height } }, async (page) => {
        await open(page, path, status);
        // Evaluated through the DevTools protocol, which our CSP (no inline script) does not govern.
        await page.evaluate(AXE_SOURCE);
        const { violations, passed } = await page.evaluate(async (tags) => {
          const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<AxeResults> } }).axe;
          const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
          return { violations: results.violations, passed: results.passes.length };
        }, WCAG_TAGS);
        assert.ok(passed > 0, 'axe ran its rules');
        assert.equal(violations.length, 0, `axe violations on ${path} at ${viewport.width} px:\n${describe(violations)}`);
      });
    });
  }
}
