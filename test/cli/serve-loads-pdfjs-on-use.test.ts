// `katsudo serve` does not load pdfjs-dist (several MB) at start, on its main thread or its
// work threads, nor for a search; it is loaded by the first PDF read.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { storeMedia } from '../../src/actions/store-media.js';
import { createTestSite } from '../support/db.js';
import { publishReport } from '../support/factories.js';
import { PDFJS_LOADED } from '../support/log-pdfjs-imports.js';
import { makeTextPdf } from '../support/text-pdf.js';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const LOG_PDFJS = new URL('../support/log-pdfjs-imports.ts', import.meta.url).pathname;

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

test('serve starts and answers a search without loading pdfjs-dist; reading a PDF loads it', async () => {
  const site = await createTestSite();
  await publishReport(site, { title: '港湾の視察', bodySource: '港湾施設を視察した。' });
  const media = await storeMedia(site, { bytes: makeTextPdf(['港湾計画']), fileName: 'plan.pdf', mime: 'application/pdf' });
  // A PDF whose text was never read, for the reindex below.
  await site.db.updateTable('media').set({ text: null, text_status: null }).where('id', '=', media.id).execute();
  await site.db.destroy();
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', LOG_PDFJS, MAIN, 'serve', '--port', String(port), '--data', site.dataDir, '--no-demo'], {
    env: { ...process.env, HOST: '127.0.0.1', KATSUDO_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((r) => child.once('exit', r));
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  try {
    assert.equal((await waitFor(`http://127.0.0.1:${port}/`, 60_000)).status, 200, output);
    const search = await fetch(`http://127.0.0.1:${port}/api/v1/search?q=${encodeURIComponent('港湾')}`);
    assert.equal(search.status, 200, output);
    assert.equal(((await search.json()) as { total: number }).total, 1);
    assert.doesNotMatch(output, new RegExp(PDFJS_LOADED), output);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
  try {
    // The same hook sees pdfjs-dist when a PDF is read (here by reindex, on its own thread).
    const reindex = spawnSync(process.execPath, ['--import', 'tsx', '--import', LOG_PDFJS, MAIN, 'reindex', '--data', site.dataDir], { encoding: 'utf8' });
    assert.equal(reindex.status, 0, reindex.stderr);
    assert.match(reindex.stderr, new RegExp(`${PDFJS_LOADED} .*pdfjs-dist/legacy/build/pdf\\.mjs`));
  } finally {
    rmSync(site.dataDir, { recursive: true, force: true });
  }
});
