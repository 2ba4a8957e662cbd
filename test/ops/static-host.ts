// What the static host tests (static-nginx, static-caddy) share: the demo site exported with
// a renamed report and two old addresses, and the checks that a host serving the folder
// answers every exported URL as katsudo serve does, with its security and cache headers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { buildSite } from '../../src/exporter/build-site.js';
import { readManifest } from '../../src/exporter/build-manifest.js';
import { CACHE_CONTROL } from '../../src/site/cache-control.js';
import { securityHeaders } from '../../src/site/security-headers.js';
import { addRedirect } from '../../src/store/redirects.js';
import { demoExportFixture, editReport, firstPublished, type ExportFixture } from '../exporter/export-fixture.js';

export interface ExportedSite {
  fx: ExportFixture;
  out: string;
  /** The report renamed before the build: its old path is a redirect. */
  oldPath: string;
  newPath: string;
}

export async function exportedSite(t: TestContext): Promise<ExportedSite> {
  const fx = await demoExportFixture();
  t.after(() => fx.cleanup());
  const r = await firstPublished(fx);
  await editReport(fx, r.id, () => ({ slug: `${r.slug}-new` }));
  await fx.site.db.transaction().execute(async (trx) => {
    await addRedirect(trx, '/?p=12', '/profile/', fx.site.now().toISOString());
    await addRedirect(trx, '/旧プロフィール/', '/profile/', fx.site.now().toISOString());
  });
  const out = join(fx.tempDir(), 'public');
  await buildSite(fx.deps, { outDir: out });
  return { fx, out, oldPath: `/activity/${r.slug}/`, newPath: `/activity/${r.slug}-new/` };
}

/** Waits until the host answers `/` with 200. */
export async function waitForHost(base: string, output: () => string): Promise<void> {
  for (
    let i = 0;
    (await fetch(`${base}/`).then(
      (res) => res.status,
      () => 0,
    )) !== 200;
    i++
  ) {
    assert.ok(i < 100, `the host did not start:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The server's security headers, each with the server's value. */
export function assertSecurityHeaders(response: Response, what: string): void {
  for (const [name, value] of Object.entries(securityHeaders())) assert.equal(response.headers.get(name), value, `${what}: ${name}`);
}

/**
 * Every page and media file of the manifest answers 200 with its file's bytes, the server's
 * Content-Type, security headers and Cache-Control. Returns how many URLs were asked.
 */
export async function assertServedAsExported(base: string, out: string): Promise<number> {
  const manifest = readManifest(out)!;
  let served = 0;
  for (const [file, built] of Object.entries(manifest.files)) {
    if (built.kind !== 'page' && built.kind !== 'media') continue;
    const response = await fetch(base + built.path, { redirect: 'manual' });
    assert.equal(response.status, 200, built.path);
    assert.equal(response.headers.get('content-type'), built.contentType, built.path);
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), readFileSync(join(out, file)), built.path);
    assertSecurityHeaders(response, built.path);
    const cache = built.path.startsWith('/assets/') ? CACHE_CONTROL.asset : built.path.startsWith('/media/') ? CACHE_CONTROL.media : CACHE_CONTROL.page;
    assert.equal(response.headers.get('cache-control'), cache, built.path);
    served++;
  }
  assert.ok(served > 50, `${served} URLs served`);
  assert.ok(
    Object.values(manifest.files).some((f) => f.path.startsWith('/media/')),
    'the demo site has media',
  );
  return served;
}

/** Unknown paths and the build's own files answer 404 with the site's 404 page and its security headers. */
export async function assertNotFound(base: string, out: string): Promise<void> {
  const notFound = readFileSync(join(out, '404.html'));
  for (const path of ['/no/such/page/', '/.katsudo/build.json', '/activity/1999-01-01/']) {
    const response = await fetch(base + path);
    assert.equal(response.status, 404, path);
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), notFound, path);
    assertSecurityHeaders(response, path);
  }
}
