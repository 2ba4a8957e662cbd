// The command users run (`npm start` → bin/katsudo.js → the bundle in dist/) starts a
// site on a new data directory and serves the demo, with the stylesheet beside it, and
// searches it on the bundled worker threads.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = new URL('../../', import.meta.url).pathname;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fetch(url);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

test('builds the bundle and serves the demo site from a new data directory', async () => {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
  const dataDir = mkdtempSync(join(tmpdir(), 'katsudo-bundle-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/katsudo.js', 'serve', '--port', String(port), '--data', dataDir], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', KATSUDO_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  try {
    const home = await waitFor(`http://127.0.0.1:${port}/`, 30_000);
    assert.equal(home.status, 200, output);
    const html = await home.text();
    assert.match(html, /公式サイト/);
    const css = /href="(\/assets\/site\.[0-9a-f]+\.css)"/.exec(html)![1]!;
    assert.equal((await fetch(`http://127.0.0.1:${port}${css}`)).status, 200);
    const list = await (await fetch(`http://127.0.0.1:${port}/api/v1/reports`)).json() as { total: number };
    assert.ok(list.total >= 12);
    // Searches run on the bundle's worker threads (dist/work-thread.mjs).
    const found = await (await fetch(`http://127.0.0.1:${port}/api/v1/search?q=${encodeURIComponent('外交')}`)).json() as { total: number };
    assert.ok(found.total >= 1, output);
    assert.equal((await fetch(`http://127.0.0.1:${port}/search?q=${encodeURIComponent('委員会')}`)).status, 200);
    assert.match(output, /デモ用の活動報告を\d+件作成しました/);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
});
