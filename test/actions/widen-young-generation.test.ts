// A batch command's threads (katsudo build's page and index threads) get V8's default young
// generation even when node runs with the server's --max-semi-space-size=4 (bin/katsudo.js).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { BATCH_SEMI_SPACE_MB, widenYoungGenerationOfNewThreads } from '../../src/actions/runtime/widen-young-generation.js';

/** The heap limit (old and young generation) of a thread started now, in MB. */
function heapLimitOfNewThread(): Promise<number> {
  const code = "require('node:worker_threads').parentPort.postMessage(require('node:v8').getHeapStatistics().heap_size_limit / 2 ** 20);";
  return new Promise((resolve, reject) => new Worker(code, { eval: true }).once('message', resolve).once('error', reject));
}

test('threads started after widenYoungGenerationOfNewThreads have the larger young generation; those before keep the flag of the command line', async () => {
  setFlagsFromString('--max-semi-space-size=4');
  const small = await heapLimitOfNewThread();
  widenYoungGenerationOfNewThreads();
  const wide = await heapLimitOfNewThread();
  // Two semi-spaces at least (V8 adds a third for large young objects).
  assert.ok(wide - small >= 2 * (BATCH_SEMI_SPACE_MB - 4), `heap limit ${small} MB → ${wide} MB`);
});
