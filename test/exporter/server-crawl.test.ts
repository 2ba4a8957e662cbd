// The static export against the running server: every URL a reader can reach from the home
// page and the sitemap answers with exactly the bytes of its exported file.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { seedDemoIfEmpty } from '../../src/actions/site/seed-demo.js';
import { buildSite } from '../../src/exporter/build-site.js';
import { readManifest } from '../../src/exporter/build-manifest.js';
import { outputFile } from '../../src/exporter/output-file.js';
import { personKey } from '../../src/domain/activity-record/person-key.js';
import { paths } from '../../src/domain/paths.js';
import { loadAssets } from '../../src/web/assets.js';
import { createTestApp, TEST_BASE_URL } from '../support/app.js';
import { confirmRecordsOnEveryReport, ODD_NAMES, publishOddNames } from '../support/public-records.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

/** Not part of a static site: the API and the admin (docs/static-export.md). */
const SERVER_ONLY = /^\/(api|admin)(\/|$)/;

test('every URL reached from the home page and the sitemap is a file with the bytes the server sends', async (t) => {
  const { app, site, close } = await createTestApp({
    seed: async (s) => {
      await seedDemoIfEmpty(s);
      await confirmRecordsOnEveryReport(s);
      await publishOddNames(s);
    },
  });
  const dir = mkdtempSync(join(tmpdir(), 'katsudo-crawl-'));
  t.after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await close();
  });
  const assets = loadAssets();
  const out = join(dir, 'site');
  await buildSite({ ctx: site, baseUrl: TEST_BASE_URL, assets: { css: assets.css, icon: assets.icon } }, { outDir: out });
  const manifest = readManifest(out)!;

  const sitemap = (await app.inject({ method: 'GET', url: '/sitemap.xml' })).body;
  const queue = ['/', ...Array.from(sitemap.matchAll(/<loc>([^<]+)<\/loc>/g), (m) => m[1]!.slice(TEST_BASE_URL.length))];
  const seen = new Set<string>();
  let compared = 0;
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const response = await app.inject({ method: 'GET', url });
    if (response.statusCode === 301) {
      queue.push(String(response.headers.location));
      continue;
    }
    assert.equal(response.statusCode, 200, url);
    const contentType = String(response.headers['content-type']);
    if (contentType.startsWith('text/html') || contentType.startsWith('text/css')) {
      const text = response.body;
      for (const m of text.matchAll(/\s(?:href|src)="([^"]+)"|url\(([^)]+)\)/g)) {
        const link = (m[1] ?? m[2]!).replace(/&amp;/g, '&').replace(/^https:\/\/www\.example\.jp/, '');
        if (!link.startsWith('/') || link.startsWith('//') || SERVER_ONLY.test(link)) continue;
        // A search with words is the server's (the static page runs the same search itself).
        if (link.startsWith('/search?')) continue;
        queue.push(link.replace(/#.*$/, ''));
      }
    }
    const file = outputFile(url);
    assert.ok(file !== undefined && existsSync(join(out, file)), `${url} has a file`);
    assert.equal(manifest.files[file!]!.contentType, contentType, `${url}: the same Content-Type`);
    if (url === '/search') {
      // The one documented difference: the static search page loads the static search script and carries the results' templates.
      const page = readFileSync(join(out, file!), 'utf8');
      assert.match(page, /<script type="module" src="\/assets\/static-search\.js"><\/script>/);
      assert.match(page, /<template data-template="report-item">/);
      continue;
    }
    assert.deepEqual(readFileSync(join(out, file!)), response.rawPayload, url);
    compared++;
  }
  assert.ok(compared > 50, `${compared} URLs compared`);
  // Names with '/', '%', '..' and the like are reached, each at one address the export has a file for.
  const named = [...ODD_NAMES.tags.map(paths.tag), ...ODD_NAMES.kinds.map(paths.activityKind), ...ODD_NAMES.people.map((name) => paths.person(personKey(name)))];
  for (const path of named) assert.ok(seen.has(path), `${path} crawled`);
  assert.ok(
    [...seen].some((url) => url.startsWith('/media/')),
    'media files are among them',
  );
});
