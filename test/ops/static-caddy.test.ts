// The exported folder served by Debian's Caddy with the shipped deploy/Caddyfile-static (over
// plain HTTP here, on a test port): every exported URL answers 200 with the bytes, the
// Content-Type, the security headers and the Cache-Control katsudo serve sends; an old
// address answers with the build's small redirect page (Caddy reads no _redirects); unknown
// paths and the build's own files get the site's 404 page; the search page searches.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { launchChromium } from '../support/browser.js';
import { freePort } from '../support/cli-server.js';
import { requireBinary, startCaddy } from '../support/proxies.js';
import { assertNotFound, assertSecurityHeaders, assertServedAsExported, exportedSite, waitForHost } from './static-host.js';

test('Caddy with deploy/Caddyfile-static serves the exported site as katsudo serve does', async (t) => {
  const caddy = requireBinary(t, 'caddy');
  if (caddy === undefined) return;
  const { out, oldPath, newPath } = await exportedSite(t);
  const port = await freePort();
  const shipped = readFileSync(new URL('../../deploy/Caddyfile-static', import.meta.url), 'utf8');
  assert.match(shipped, /^www\.example\.jp \{$/m);
  const caddyfile = `{
	admin off
	auto_https off
	skip_install_trust
}
${shipped.replace(/^www\.example\.jp \{$/m, `http://127.0.0.1:${port} {`).replaceAll('/srv/katsudo-public', out)}`;
  const server = startCaddy(caddy, caddyfile);
  t.after(() => server.stop());
  const base = `http://127.0.0.1:${port}`;
  await waitForHost(base, server.output);

  await assertServedAsExported(base, out);
  const moved = await fetch(base + oldPath, { redirect: 'manual' });
  assert.equal(moved.status, 200, oldPath);
  assert.match(await moved.text(), new RegExp(`<meta http-equiv="refresh" content="0; url=[^"]*${newPath}"`), 'the redirect page');
  assertSecurityHeaders(moved, oldPath);
  await assertNotFound(base, out);

  // The search page's script works under the Content-Security-Policy Caddy now sends.
  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${base}/search?q=${encodeURIComponent('外交')}`);
  await page.waitForSelector('section.search-page[data-static-search="done"]');
  assert.ok((await page.$$('ol.search-results h2 a')).length > 0, 'results listed');
  assert.deepEqual(errors, []);
});
