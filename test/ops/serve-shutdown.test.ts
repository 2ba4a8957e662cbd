// SIGTERM to a real `katsudo serve` while searches and page reads are in flight: every request
// that reached the server gets its full answer, the process exits 0 and the database it leaves
// passes SQLite's integrity check with nothing left in the WAL.
import assert from 'node:assert/strict';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { startCliServer, waitFor } from '../support/cli-server.js';
import { createTestSite } from '../support/db.js';
import { publishReport, setSettings } from '../support/factories.js';

test('SIGTERM finishes the requests in flight, then exits 0 with a sound database', async () => {
  const site = await createTestSite();
  await setSettings(site);
  for (let i = 0; i < 30; i++) await publishReport(site, { title: `委員会報告${i}`, slug: `report-${i}` });
  await site.db.destroy();

  // At debug level Fastify logs each request as it arrives: the signal waits for all of them.
  const server = await startCliServer({ dataDir: site.dataDir, args: ['--no-demo'], env: { KATSUDO_LOG_LEVEL: 'debug' } });
  try {
    // Ready once the scheduler's first run has ended.
    let ready = await waitFor(server.url('/readyz'), 30_000);
    for (let tries = 0; ready.status !== 200 && tries < 100; tries++) {
      await new Promise((r) => setTimeout(r, 100));
      ready = await fetch(server.url('/readyz'));
    }
    assert.equal(ready.status, 200, server.output());
    assert.equal((await ready.json()).checks.scheduler, 'ok');
    // Searches queue on the work threads: most are still in flight when the signal arrives.
    const paths = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? `/search?q=${encodeURIComponent(`委員会報告${i}`)}` : `/activity/report-${i % 30}/`));
    const answers = paths.map(async (path) => {
      const response = await fetch(server.url(path), { headers: { connection: 'close' } });
      return { path, status: response.status, body: await response.text() };
    });
    const received = () => server.output().match(/"msg":"incoming request"/g)?.length ?? 0;
    // /readyz came first; then the 40 requests.
    while (received() < 1 + paths.length) await new Promise((r) => setTimeout(r, 5));
    const stopped = server.stop();
    const results = await Promise.all(answers);
    await stopped;
    for (const { path, status, body } of results) {
      assert.equal(status, 200, `${path}: ${status}\n${server.output()}`);
      assert.match(body, /<\/html>\s*$/, path);
    }
    assert.match(server.output(), /\(exited with 0\)$/);
    assert.match(server.output(), /SIGTERM を受け取りました/);
    assert.match(server.output(), /katsudo を停止しました/);
  } finally {
    if (!server.hasExited()) await server.stop();
  }
  const wal = join(site.dataDir, 'katsudo.db-wal');
  // The last connection's close checkpoints the WAL and removes it.
  assert.ok(!existsSync(wal) || statSync(wal).size === 0, 'the WAL was checkpointed');
  const db = new SqliteDatabase(join(site.dataDir, 'katsudo.db'), { readonly: true });
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
  } finally {
    db.close();
  }
  rmSync(site.dataDir, { recursive: true, force: true });
});
