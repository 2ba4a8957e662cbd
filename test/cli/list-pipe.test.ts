import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, test } from 'node:test';
import { createReport } from '../../src/actions/reports/create-report.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { draft } from '../support/factories.js';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const REPORTS = 1500;
let site: TestSite;

before(async () => {
  site = await createTestSite();
  // 1,500 lines of ~650 bytes: about 1 MB, far more than a pipe or socket buffer holds, so
  // the command is still writing when the reader goes away.
  const longTitle = '外務・防衛閣僚協議への出席と地元商店街の視察報告'.repeat(8).slice(0, 190);
  for (let i = 0; i < REPORTS; i += 1) await createReport(site, draft({ title: `${longTitle}${i}` }), { status: 'draft' });
  await site.db.destroy();
});
after(() => site.cleanup().catch(() => undefined));

test('`katsudo list` whose reader stops after the first line ends quietly with exit 0', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'list'], {
    env: { ...process.env, KATSUDO_DATA_DIR: site.dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let firstLine = '';
  child.stdout.setEncoding('utf8');
  for await (const chunk of child.stdout) {
    firstLine += chunk as string;
    if (firstLine.includes('\n')) break; // leaving the loop destroys the stream, as `head -1` closes its pipe
  }
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  assert.match(firstLine.split('\n')[0]!, /^\d+\t2024-05-01\tdraft\t\/activity\/.+\t外務・防衛閣僚協議/, stderr);
  assert.equal(stderr, '');
  assert.deepEqual({ code, signal }, { code: 0, signal: null });
});
