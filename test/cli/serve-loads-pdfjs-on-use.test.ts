// `katsudo serve` does not load pdfjs-dist (several MB) at start nor for a search; it is
// loaded by the first PDF read. A module hook names every pdfjs-dist module a process loads;
// it does not reach worker threads started from source (tsx's eval bootstrap), so a second
// test checks that nothing but inspect-pdf.ts imports pdfjs-dist, and only on demand.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { startCliServer, waitFor } from '../support/cli-server.js';
import { createTestSite } from '../support/db.js';
import { publishReport } from '../support/factories.js';

const SRC = new URL('../../src/', import.meta.url).pathname;
// Writes "module loaded: <url>" on stderr for each module of pdfjs-dist loaded.
const LOG_IMPORTS = new URL('../support/log-imports.mjs', import.meta.url).pathname;
const LOG_PDFJS = { KATSUDO_TEST_LOG_IMPORTS: '/node_modules/pdfjs-dist/' };
const PDFJS_LOADED = /module loaded: .*pdfjs-dist\/legacy\/build\/pdf\.mjs/;

test('serve starts and answers a search without loading pdfjs-dist', async () => {
  const site = await createTestSite();
  await publishReport(site, { title: '港湾の視察', bodySource: '港湾施設を視察した。' });
  await site.db.destroy();
  const server = await startCliServer({ dataDir: site.dataDir, args: ['--no-demo'], imports: [LOG_IMPORTS], env: LOG_PDFJS });
  try {
    assert.equal((await waitFor(server.url('/'), 60_000)).status, 200, server.output());
    const search = await fetch(server.url(`/api/v1/search?q=${encodeURIComponent('港湾')}`));
    assert.equal(search.status, 200, server.output());
    assert.equal(((await search.json()) as { total: number }).total, 1);
    assert.doesNotMatch(server.output(), /module loaded/, server.output());
  } finally {
    await server.stop();
    rmSync(site.dataDir, { recursive: true, force: true });
  }
  // The same hook does see pdfjs-dist when it is loaded.
  const loading = spawnSync(process.execPath, ['--import', LOG_IMPORTS, '--input-type=module', '-e', "await import('pdfjs-dist/legacy/build/pdf.mjs');"], {
    encoding: 'utf8',
    env: { ...process.env, ...LOG_PDFJS },
  });
  assert.equal(loading.status, 0, loading.stderr);
  assert.match(loading.stderr, PDFJS_LOADED);
});

test('only actions/media/inspect-pdf.ts imports pdfjs-dist, and only when called (import())', () => {
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
  const importers = files.filter((f) =>
    /from ['"]pdfjs-dist|import ['"]pdfjs-dist|require\(['"]pdfjs-dist|import\(['"]pdfjs-dist/.test(readFileSync(join(SRC, f), 'utf8')),
  );
  assert.deepEqual(importers, [join('actions', 'media', 'inspect-pdf.ts')]);
  const source = readFileSync(join(SRC, 'actions', 'media', 'inspect-pdf.ts'), 'utf8');
  assert.doesNotMatch(source, /^import [^;]*['"]pdfjs-dist/m, 'no static import');
  assert.match(source, /= import\('pdfjs-dist\/legacy\/build\/pdf\.mjs'\)/);
});
