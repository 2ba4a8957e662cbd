// The command users run (`npm start` → bin/katsudo.js → the bundle in dist/) starts a
// site on a new data directory and serves the demo, with the stylesheet beside it, and
// searches it on the bundled worker threads; `katsudo build` from the bundle loads only what
// it needs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startCliServer, waitFor } from '../support/cli-server.js';
import { createTestSite } from '../support/db.js';
import { publishReport } from '../support/factories.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const LOG_IMPORTS = new URL('../support/log-imports.mjs', import.meta.url).pathname;

before(() => {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
});

test('builds the bundle and serves the demo site from a new data directory', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'katsudo-bundle-'));
  const server = await startCliServer({ dataDir, isBundle: true });
  try {
    const home = await waitFor(server.url('/'), 30_000);
    assert.equal(home.status, 200, server.output());
    const html = await home.text();
    assert.match(html, /公式サイト/);
    const css = /href="(\/assets\/site\.[0-9a-f]+\.css)"/.exec(html)![1]!;
    assert.equal((await fetch(server.url(css))).status, 200);
    const list = (await (await fetch(server.url('/api/v1/reports'))).json()) as { total: number };
    assert.ok(list.total >= 12);
    // Searches run on the bundle's worker threads (dist/work-thread.mjs).
    const found = (await (await fetch(server.url(`/api/v1/search?q=${encodeURIComponent('外交')}`))).json()) as { total: number };
    assert.ok(found.total >= 1, server.output());
    assert.equal((await fetch(server.url(`/search?q=${encodeURIComponent('委員会')}`))).status, 200);
    assert.match(server.output(), /デモ用の活動報告を\d+件作成しました/);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

// The web server (Fastify and the admin's libraries) is most of the bundle, and `pg` is for
// PostgreSQL only: a build on SQLite (its main thread, and its page and index threads, which
// inherit --import, on a larger site) loads neither, so it starts sooner (docs/performance.md).
test('katsudo build from the bundle loads neither the web server nor the PostgreSQL driver', async () => {
  const site = await createTestSite();
  await publishReport(site, { title: '港湾の視察', bodySource: '港湾施設を視察した。' });
  await site.db.destroy();
  const out = join(mkdtempSync(join(tmpdir(), 'katsudo-bundle-build-')), 'site');
  try {
    const run = spawnSync(process.execPath, ['--import', LOG_IMPORTS, 'bin/katsudo.js', 'build', '--data', site.dataDir, '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, KATSUDO_TEST_LOG_IMPORTS: '/dist/' },
    });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(existsSync(join(out, 'index.html')));
    const loaded = [...new Set([...run.stderr.matchAll(/^module loaded: (\S+)$/gm)].map((m) => fileURLToPath(m[1]!)))];
    // The hook saw the command and its chunks (a site this small is rendered without threads).
    assert.ok(
      loaded.some((file) => file.endsWith('/dist/katsudo.mjs')),
      run.stderr,
    );
    assert.ok(
      loaded.some((file) => /\/dist\/build-[A-Z0-9]+\.mjs$/.test(file)),
      run.stderr,
    );
    for (const file of loaded) {
      // esbuild marks each bundled package's module with a comment naming its path.
      const packages = [...readFileSync(file, 'utf8').matchAll(/^\/\/ node_modules\/(fastify|pg)\//gm)].map((m) => m[1]);
      assert.deepEqual(packages, [], `${file} bundles ${[...new Set(packages)].join(', ')}`);
    }
  } finally {
    rmSync(site.dataDir, { recursive: true, force: true });
    rmSync(join(out, '..'), { recursive: true, force: true });
  }
});
