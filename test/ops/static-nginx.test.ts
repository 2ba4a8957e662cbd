// The exported folder served by Debian's nginx with the shipped deploy/nginx-static.conf:
// every exported URL answers 200 with the bytes, the Content-Type, the security headers and
// the Cache-Control katsudo serve sends, old addresses 301 through the generated maps,
// unknown paths and the build's own files get the site's 404 page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { renderPublicPath } from '../../src/site/render-public-path.js';
import { launchChromium } from '../support/browser.js';
import { freePort } from '../support/cli-server.js';
import { requireBinary, startNginx } from '../support/proxies.js';
import { assertNotFound, assertServedAsExported, exportedSite, waitForHost } from './static-host.js';

test('nginx with deploy/nginx-static.conf serves the exported site as katsudo serve does', async (t) => {
  const nginx = requireBinary(t, 'nginx');
  if (nginx === undefined) return;
  const { fx, out, oldPath, newPath } = await exportedSite(t);

  const port = await freePort();
  const config = readFileSync(new URL('../../deploy/nginx-static.conf', import.meta.url), 'utf8')
    .replaceAll('/srv/katsudo-public', out)
    .replace('listen 80;', `listen 127.0.0.1:${port};`)
    .replace('listen [::]:80;', '');
  // Debian's /etc/nginx/nginx.conf gives the types in its http block; startNginx's own does not.
  const server = startNginx(nginx, `include /etc/nginx/mime.types;\ndefault_type application/octet-stream;\n${config}`);
  t.after(() => server.stop());
  const base = `http://127.0.0.1:${port}`;
  await waitForHost(base, server.output);

  await assertServedAsExported(base, out);
  for (const [from, to] of [
    [oldPath, newPath],
    ['/?p=12', '/profile/'],
    [encodeURI('/旧プロフィール/'), '/profile/'],
  ] as const) {
    const response = await fetch(base + from, { redirect: 'manual' });
    assert.equal(response.status, 301, from);
    assert.equal(new URL(response.headers.get('location')!, base).pathname, to, from);
  }
  await assertNotFound(base, out);

  // The search page's script against nginx finds what the server's search page lists, in order.
  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await browser.newPage();
  const serverPage = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const linksOf = (p: typeof page) => p.$$eval('ol.search-results h2 a', (as) => as.map((a) => a.getAttribute('href')));
  for (const q of ['外交', '防災 視察', '予算 -外交']) {
    const path = `/search?q=${encodeURIComponent(q)}`;
    await page.goto(base + path);
    await page.waitForSelector('section.search-page[data-static-search="done"]');
    const server = await renderPublicPath(fx.deps, path);
    assert.equal(server.kind, 'page');
    await serverPage.setContent(server.kind === 'page' ? String(server.body).replace(/<link[^>]*>/g, '') : '');
    const wanted = await linksOf(serverPage);
    assert.ok(wanted.length > 0, `${q}: the server finds something`);
    assert.deepEqual(await linksOf(page), wanted, q);
  }
  assert.deepEqual(errors, []);
});
