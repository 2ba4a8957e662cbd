// Every kind of public page, as the server sends it, is valid HTML for the Nu HTML Checker.
// All pages go to one checker run, so the JVM starts once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PUBLIC_PAGES, startPublicSite, type RunningSite } from '../support/browser.js';
import { formatVnuMessage, validateHtml, type VnuMessage } from '../support/vnu.js';

// Checked with the pages so that a checker that silently checks nothing cannot pass.
const CONTROL = 'control (invalid on purpose)';
const CONTROL_HTML = '<!DOCTYPE html><html lang="ja"><head><title>対照</title></head><body><p><div></div></p></body></html>';

let site: RunningSite;
let messages: VnuMessage[];

before(async () => {
  site = await startPublicSite();
  const documents: Record<string, string> = {};
  for (const { path, status } of PUBLIC_PAGES) {
    const response = await fetch(`${site.origin}${path}`);
    assert.equal(response.status, status, path);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/, path);
    documents[path] = await response.text();
  }
  documents[CONTROL] = CONTROL_HTML;
  messages = await validateHtml(documents);
});

after(async () => {
  await site?.close();
});

test('finds no HTML error on any public page', (t) => {
  const pages = messages.filter((m) => m.document !== CONTROL);
  const errors = pages.filter((m) => m.type !== 'info');
  assert.equal(errors.length, 0, `Nu HTML Checker errors:\n${errors.map(formatVnuMessage).join('\n')}`);
  // Warnings do not fail; one line per kind keeps the report readable.
  const counts = new Map<string, number>();
  for (const m of pages.filter((m) => m.type === 'info')) counts.set(m.message, (counts.get(m.message) ?? 0) + 1);
  for (const [message, count] of counts) t.diagnostic(`Nu HTML Checker warning (${count}×): ${message}`);
});

test('reports the error in the invalid control document checked in the same run', () => {
  const control = messages.filter((m) => m.document === CONTROL && m.type === 'error');
  assert.ok(
    control.some((m) => /No .p. element in scope/.test(m.message)),
    control.map(formatVnuMessage).join('\n'),
  );
});
