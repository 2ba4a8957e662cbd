// The command users run (`npm start` → bin/katsudo.js → the bundle in dist/) starts a
// site on a new data directory and serves the demo, with the stylesheet beside it, and
// searches it on the bundled worker threads.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startCliServer, waitFor } from '../support/cli-server.js';

const ROOT = new URL('../../', import.meta.url).pathname;

test('builds the bundle and serves the demo site from a new data directory', async () => {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
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
