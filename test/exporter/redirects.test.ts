import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildSite } from '../../src/exporter/build-site.js';
import { addRedirect } from '../../src/store/redirects.js';
import { formatVnuMessage, validateHtml } from '../support/vnu.js';
import { BASE_URL, demoExportFixture, editReport, firstPublished, type ExportFixture } from './export-fixture.js';

let fx: ExportFixture;
let out: string;
let oldSlug: string;
let newSlug: string;

before(async () => {
  fx = await demoExportFixture();
  const r = await firstPublished(fx);
  oldSlug = r.slug;
  newSlug = `${r.slug}-renamed`;
  await editReport(fx, r.id, () => ({ slug: newSlug }));
  const at = fx.site.now().toISOString();
  await fx.site.db.transaction().execute(async (trx) => {
    await addRedirect(trx, '/2013/11/02/old-post/', `/activity/${newSlug}/`, at);
    await addRedirect(trx, '/旧ページ/', '/profile/', at);
    await addRedirect(trx, '/?p=12', '/profile/', at);
    await addRedirect(trx, '/gone/', '/activity/no-such-report/', at);
    await addRedirect(trx, '/files/old.pdf', '/profile/', at);
  });
  out = join(fx.tempDir(), 'site');
  await buildSite(fx.deps, { outDir: out });
});
after(() => fx.cleanup());

test('_redirects lists every old path a static host can match, encoded, with 301', () => {
  const lines = readFileSync(join(out, '_redirects'), 'utf8').trim().split('\n').sort();
  assert.deepEqual(
    lines,
    [
      `/%E6%97%A7%E3%83%9A%E3%83%BC%E3%82%B8/ /profile/ 301`,
      `/2013/11/02/old-post/ /activity/${newSlug}/ 301`,
      `/activity/${oldSlug}/ /activity/${newSlug}/ 301`,
      `/favicon.ico ${fx.deps.assets.icon.path} 301`,
      `/files/old.pdf /profile/ 301`,
    ].sort(),
  );
});

test('/favicon.ico and an old file path redirect by the rules only: no HTML is written where a host would serve it as an icon or a PDF', () => {
  const map = readFileSync(join(out, '.katsudo', 'nginx-redirects.conf'), 'utf8');
  assert.match(map, new RegExp(`"/favicon.ico" "${fx.deps.assets.icon.path}";`));
  assert.match(map, /"\/files\/old.pdf" "\/profile\/";/);
  assert.equal(existsSync(join(out, 'favicon.ico')), false);
  assert.equal(existsSync(join(out, 'files', 'old.pdf')), false);
});

test('the nginx map holds the decoded old paths, and the query form in its own map', () => {
  const map = readFileSync(join(out, '.katsudo', 'nginx-redirects.conf'), 'utf8');
  assert.match(map, new RegExp(`map \\$uri \\$katsudo_redirect \\{[^}]*"/activity/${oldSlug}/" "/activity/${newSlug}/";`));
  assert.match(map, /"\/旧ページ\/" "\/profile\/";/);
  assert.match(map, /map "\$uri\?\$args" \$katsudo_query_redirect \{[^}]*"\/\?p=12" "\/profile\/";/);
  assert.doesNotMatch(map, /\/gone\//, 'a redirect to a page that is not published is left out');
});

test('each old path gets a valid Japanese HTML page with a canonical link, a meta refresh and a visible link, no script', async () => {
  const file = join(out, 'activity', oldSlug, 'index.html');
  const html = readFileSync(file, 'utf8');
  assert.match(html, /<html lang="ja">/);
  assert.match(html, new RegExp(`<link rel="canonical" href="${BASE_URL}/activity/${newSlug}/">`));
  assert.match(html, new RegExp(`<meta http-equiv="refresh" content="0; url=/activity/${newSlug}/">`));
  assert.match(html, new RegExp(`<a href="/activity/${newSlug}/">`));
  assert.doesNotMatch(html, /<script/);
  assert.ok(existsSync(join(out, '旧ページ', 'index.html')));
  assert.equal(existsSync(join(out, 'gone')), false);
  const problems = (await validateHtml({ 'redirect.html': html })).filter((m) => m.type !== 'info' || m.subType === 'warning');
  assert.deepEqual(problems.map(formatVnuMessage), []);
});
