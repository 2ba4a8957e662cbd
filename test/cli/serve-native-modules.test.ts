// `katsudo serve` with argon2 and sharp unloadable (as after a broken install): the start
// reports each at fatal level, after listening, and /readyz answers 503 naming them.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { createTestSite } from '../support/db.js';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const BREAK = new URL('../support/break-native-modules.ts', import.meta.url).pathname;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

test('reports native modules that cannot be loaded at start, and /readyz names them', async () => {
  const site = await createTestSite();
  await site.db.destroy();
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', BREAK, MAIN, 'serve', '--port', String(port), '--data', site.dataDir, '--no-demo'], {
    env: { ...process.env, HOST: '127.0.0.1', KATSUDO_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((r) => child.once('exit', r));
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  try {
    const deadline = Date.now() + 30_000;
    child.once('exit', (code) => (output += `\n(exited with ${code})`));
    while (Date.now() < deadline && !(output.includes('argon2 cannot be loaded') && output.includes('sharp cannot be loaded')) && !output.includes('(exited')) {
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.match(output, /"level":60.*argon2 cannot be loaded/, output);
    assert.match(output, /"level":60.*sharp cannot be loaded/, output);
    assert.match(output, /simulated broken installation: cannot load sharp/, 'the cause is logged');
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    assert.equal(ready.status, 503);
    assert.deepEqual((await ready.json()).checks, { database: 'ok', migrations: 'ok', argon2: 'failed', sharp: 'failed' });
    assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(site.dataDir, { recursive: true, force: true });
  }
});
