// `katsudo user add` says where to log in with the address the server really answers on: a
// server started with --port 3xxx (not the default) is found through the data directory.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from '../support/cli-run.js';
import { startCliServer, waitFor } from '../support/cli-server.js';

const dir = mkdtempSync(join(tmpdir(), 'katsudo-served-url-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('user add names the URL of the server that ran on this data directory, in Japanese', async () => {
  const dataDir = join(dir, 'data');
  const server = await startCliServer({ dataDir, args: ['--no-demo'] });
  try {
    await waitFor(server.url('/healthz'), 60_000);
  } finally {
    await server.stop();
  }
  // The start line names the port the server listens on (HOST is 127.0.0.1 in startCliServer).
  assert.match(server.output(), new RegExp(`^katsudo を起動しました: http://127\\.0\\.0\\.1:${server.port}/ \\(データ: ${dataDir}\\)$`, 'm'));
  const run = runCli(['user', 'add', 'sato', '--role', 'editor', '--password-stdin'], {
    input: 'にわにはにわにわとりがいる\n',
    env: { KATSUDO_DATA_DIR: dataDir },
  });
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, new RegExp(`^編集者「sato」を追加しました。http://localhost:${server.port}/admin/ からログインできます。$`, 'm'));
});
