// `katsudo serve` with argon2 and sharp unloadable (as after a broken install): the start
// reports each at fatal level, after listening, and /readyz answers 503 naming them.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { test } from 'node:test';
import { startCliServer } from '../support/cli-server.js';
import { createTestSite } from '../support/db.js';

const BREAK = new URL('../support/break-native-modules.ts', import.meta.url).pathname;

test('reports native modules that cannot be loaded at start, and /readyz names them', async () => {
  const site = await createTestSite();
  await site.db.destroy();
  const server = await startCliServer({ dataDir: site.dataDir, args: ['--no-demo'], imports: [BREAK] });
  try {
    const deadline = Date.now() + 30_000;
    const output = () => server.output();
    while (Date.now() < deadline && !(output().includes('argon2 cannot be loaded') && output().includes('sharp cannot be loaded')) && !server.hasExited()) {
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.match(output(), /"level":60.*argon2 cannot be loaded/, output());
    assert.match(output(), /"level":60.*sharp cannot be loaded/, output());
    assert.match(output(), /simulated broken installation: cannot load sharp/, 'the cause is logged');
    const ready = await fetch(server.url('/readyz'));
    assert.equal(ready.status, 503);
    // The scheduler's own check depends on whether its first run has ended yet; `disk` on this machine's free space.
    const { scheduler, disk, ...checks } = (await ready.json()).checks;
    assert.deepEqual(checks, { database: 'ok', migrations: 'ok', argon2: 'failed', sharp: 'failed' });
    assert.ok(scheduler === 'ok' || scheduler === 'failed');
    assert.ok(disk === 'ok' || disk === 'low');
    assert.equal((await fetch(server.url('/healthz'))).status, 200);
  } finally {
    await server.stop();
    rmSync(site.dataDir, { recursive: true, force: true });
  }
});
