// Issue 13 item 5: two `katsudo serve` processes on one data directory behind Debian's nginx
// (deploy/nginx.conf's upstream and retry rules), under a steady load of report pages and
// searches; each process in turn gets SIGTERM and is started again. Not one request fails.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { test } from 'node:test';
import { freePort, startCliServer, waitFor, waitUntilReady, type CliServer } from '../support/cli-server.js';
import { createTestSite } from '../support/db.js';
import { publishReport, setSettings } from '../support/factories.js';
import { requireBinary, startRoundRobinNginx } from '../support/proxies.js';
import { startSteadyLoad } from '../support/steady-load.js';

test('restarting each of two processes behind nginx under load fails no request', async (t) => {
  const nginx = requireBinary(t, 'nginx');
  if (nginx === undefined) return;
  const site = await createTestSite();
  await setSettings(site);
  for (let i = 0; i < 20; i++) await publishReport(site, { title: `本会議報告${i}`, slug: `plenary-${i}` });
  await site.db.destroy();

  const env = { KATSUDO_TRUST_PROXY: '127.0.0.1', KATSUDO_RATE_LIMIT_SEARCH: '0', KATSUDO_RATE_LIMIT_FEEDS: '0' };
  const ports = [await freePort(), await freePort()];
  const start = async (port: number) => {
    const server = await startCliServer({ dataDir: site.dataDir, args: ['--no-demo'], env, port });
    await waitUntilReady(server, 60_000);
    return server;
  };
  const servers: CliServer[] = [await start(ports[0]!), await start(ports[1]!)];
  const proxyPort = await freePort();
  const proxy = startRoundRobinNginx(nginx, proxyPort, ports);
  try {
    const base = `http://127.0.0.1:${proxyPort}`;
    await waitFor(`${base}/healthz`, 10_000);
    const load = startSteadyLoad(base, (i) => (i % 3 === 0 ? `/search?q=${encodeURIComponent(`本会議報告${i % 20}`)}` : `/activity/plenary-${i % 20}/`), '本会議報告');
    for (const index of [0, 1]) {
      await load.waitForAnswers(50);
      await servers[index]!.stop();
      assert.match(servers[index]!.output(), /\(exited with 0\)$/);
      servers[index] = await start(ports[index]!);
    }
    await load.waitForAnswers(50);
    await load.stop();
    t.diagnostic(`${load.answered()} requests answered through nginx during two restarts`);
    assert.deepEqual(load.failures, []);
  } finally {
    await proxy.stop();
    for (const server of servers) if (!server.hasExited()) await server.stop();
    rmSync(site.dataDir, { recursive: true, force: true });
  }
});
