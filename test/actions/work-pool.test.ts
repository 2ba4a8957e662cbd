// The work pool: tasks on worker threads return what the same handler returns inline,
// errors keep their meaning across the thread boundary, a full queue refuses at once, and
// a task past its time limit is stopped without stopping the pool; threads start as tasks
// need them and stop when left idle.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { batchPool } from '../../src/actions/runtime/batch-pool.js';
import { inlinePool, threadPool, type ThreadPool, type WorkPool } from '../../src/actions/runtime/work-pool.js';
import { AppError, ServerBusyError, ValidationError, WorkTimeoutError } from '../../src/domain/errors.js';
import { LIMITS } from '../../src/domain/report-rules.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { publishReport } from '../support/factories.js';
import { skipUnlessPostgres } from '../support/postgres.js';
import { createGate, runTestTask, TEST_TASKS_URL } from '../support/test-tasks.js';

let site: TestSite;
const pools: WorkPool[] = [];

function pool(options: { size?: number; queueLimit?: number; maxWaitMs?: number; idleMs?: number } = {}): ThreadPool {
  const created = threadPool({ database: site.database, extraTasksUrl: TEST_TASKS_URL, ...options });
  pools.push(created);
  return created;
}

const SEARCH = { q: '鱒寿司', filter: {}, page: 1, perPage: 20 };

before(async () => {
  site = await createTestSite();
  await publishReport(site, { title: '鱒寿司の製造現場を視察', bodySource: '富山の鱒寿司を視察した。' });
  await publishReport(site, { title: '港の視察', bodySource: '漁港を視察した。' });
});
after(async () => {
  await Promise.all(pools.map((p) => p.close()));
  await site.cleanup();
});

test('a search on a worker thread returns what the inline pool returns', async () => {
  const threads = pool({ size: 2 });
  const [onThread, inline] = await Promise.all([threads.run('search', SEARCH), inlinePool(site.db).run('search', SEARCH)]);
  assert.equal(onThread.total, 1);
  assert.deepEqual(onThread, inline);
});

test('a refusal thrown on a worker comes back as a ValidationError with its field messages', async () => {
  const threads = pool({ size: 1 });
  const tooMany = { ...SEARCH, q: Array.from({ length: 30 }, (_, i) => `語${i}`).join(' ') };
  const error = await threads.run('search', tooMany).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof ValidationError);
  assert.match(error.fields.q!, /検索語/);
});

test('preview refuses a body longer than save accepts, on a worker as inline', async () => {
  const long = { bodySource: 'あ'.repeat(LIMITS.bodyChars + 1) };
  for (const work of [pool({ size: 1 }), inlinePool(site.db)]) {
    const error = await work.run('preview', long).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof ValidationError);
    assert.match(error.fields.bodySource!, /本文が長すぎます/);
  }
  const { html } = await pool({ size: 1 }).run('preview', { bodySource: '1 概要\n\n(1)本文である。' });
  assert.match(html, /<h2/);
});

test('a full queue refuses at once with SERVER_BUSY; what was accepted still completes', async () => {
  const threads = pool({ size: 1, queueLimit: 1 });
  await threads.run('search', SEARCH); // the worker is up
  const { gate, open } = createGate();
  const runs = Array.from({ length: 10 }, () => runTestTask(threads, 'block', { gate }));
  let settledEarly = 0;
  for (const run of runs.slice(0, 2)) void run.finally(() => settledEarly++);
  // One runs and one waits; the other eight are refused while the gate is still shut.
  const refusals = await Promise.all(
    runs.slice(2).map((run) =>
      run.then(
        () => undefined,
        (e: unknown) => e,
      ),
    ),
  );
  for (const error of refusals) {
    assert.ok(error instanceof ServerBusyError);
    assert.equal(error.code, 'SERVER_BUSY');
    assert.ok(error.retryAfterSeconds > 0);
  }
  assert.equal(settledEarly, 0);
  open();
  assert.deepEqual(await Promise.all(runs.slice(0, 2)), ['released', 'released']);
});

test('refuses a task whose expected wait passes maxWaitMs, even with room in the queue', async () => {
  const threads = pool({ size: 1, queueLimit: 10, maxWaitMs: 250 });
  // A spin stopped at 300 ms: the pool now expects a spin to take 300 ms.
  await runTestTask(threads, 'spin', {}, { timeoutMs: 300 }).catch(() => undefined);
  const running = runTestTask(threads, 'spin', {}, { timeoutMs: 60_000 }).then(
    () => undefined,
    (e: unknown) => e,
  );
  // The next task would wait for that spin: refused at once, though 10 may queue.
  const refused = await threads.run('search', SEARCH).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(refused instanceof ServerBusyError);
  await threads.close();
  assert.ok((await running) instanceof Error);
});

test('a task past its time limit is stopped with WORK_TIMEOUT and the pool goes on working', async () => {
  const threads = pool({ size: 1 });
  const error = await runTestTask(threads, 'spin', {}, { timeoutMs: 200 }).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof WorkTimeoutError);
  assert.equal((error as AppError).code, 'WORK_TIMEOUT');
  assert.equal((await threads.run('search', SEARCH)).total, 1);
});

test('closing the pool rejects the tasks still waiting', async () => {
  const threads = pool({ size: 1, queueLimit: 4 });
  await threads.run('search', SEARCH);
  const { gate } = createGate();
  const running = runTestTask(threads, 'block', { gate }).then(
    () => undefined,
    (e: unknown) => e,
  );
  const waiting = threads.run('search', SEARCH).then(
    () => undefined,
    (e: unknown) => e,
  );
  await threads.close();
  assert.ok((await running) instanceof Error);
  assert.ok((await waiting) instanceof Error);
  await assert.rejects(threads.run('search', SEARCH), /closed/);
});

test('a pool whose workers cannot open the database refuses its tasks with the error instead of hanging', async () => {
  const broken = threadPool({ database: { file: join(site.dataDir, 'missing.db') }, size: 1 });
  pools.push(broken);
  await assert.rejects(broken.run('search', SEARCH), /missing\.db|unable to open|does not exist/i);
  await assert.rejects(broken.run('search', SEARCH), /missing\.db|unable to open|does not exist/i);
});

test('a batch pool runs its own tasks without a database and without the task table: a table task is unknown there', async () => {
  const batch = batchPool({ size: 1, extraTasksUrl: TEST_TASKS_URL });
  pools.push(batch);
  const { gate, open } = createGate();
  open();
  assert.equal(await runTestTask(batch, 'block', { gate }), 'released');
  await assert.rejects(batch.run('search', SEARCH), /unknown work task: search/);
});

test('on PostgreSQL each thread reads through a pool of its own, free while every connection of the main pool is held', { skip: skipUnlessPostgres() }, async () => {
  const pgSite = await createTestSite({ backend: 'postgres' });
  let open = () => {};
  const released = new Promise<void>((resolve) => (open = resolve));
  try {
    const report = await publishReport(pgSite, { title: '別の接続で読む報告', bodySource: '1 概要\n\n(1)スレッドで描画する本文。' });
    const holders = Array.from({ length: 4 }, () =>
      pgSite.db.transaction().execute(async (trx) => {
        await trx.selectFrom('site_state').select('content_version').execute();
        await released;
      }),
    );
    const threads = threadPool({ database: pgSite.database, size: 2 });
    const [rendered] = await threads.run('renderStored', { kind: 'report', ids: [report.id] });
    assert.match(rendered!.html, /スレッドで描画する本文/);
    open();
    await Promise.all(holders);
    await threads.close();
  } finally {
    open();
    await pgSite.cleanup();
  }
});

/** Waits until `isDone` holds (a thread stopping is asynchronous); fails after 20 s. */
async function waitUntil(isDone: () => boolean): Promise<void> {
  for (let waited = 0; !isDone(); waited += 10) {
    if (waited > 20_000) throw new Error('condition not reached in 20 s');
    await sleep(10);
  }
}

test('starts a thread only when a task finds none free', async () => {
  const threads = pool({ size: 2, idleMs: 0 });
  assert.equal(threads.threadCount, 0);
  await threads.run('search', SEARCH);
  await threads.run('search', SEARCH);
  assert.equal(threads.threadCount, 1);
  const { gate, open } = createGate();
  const blocked = runTestTask(threads, 'block', { gate });
  assert.equal((await threads.run('search', SEARCH)).total, 1);
  assert.equal(threads.threadCount, 2);
  open();
  assert.equal(await blocked, 'released');
});

test('a thread left idle stops, and the next tasks start threads again and all complete', async () => {
  const threads = pool({ size: 2, idleMs: 20 });
  await threads.run('search', SEARCH);
  await waitUntil(() => threads.threadCount === 0);
  const results = await Promise.all(Array.from({ length: 6 }, () => threads.run('search', SEARCH)));
  assert.deepEqual(
    results.map((r) => r.total),
    [1, 1, 1, 1, 1, 1],
  );
  assert.ok(threads.threadCount >= 1 && threads.threadCount <= 2);
  await waitUntil(() => threads.threadCount === 0);
});

test('a thread busy for longer than idleMs is not stopped', async () => {
  const threads = pool({ size: 1, idleMs: 20 });
  const { gate, open } = createGate();
  const blocked = runTestTask(threads, 'block', { gate });
  const waiting = threads.run('search', SEARCH);
  await sleep(300);
  assert.equal(threads.threadCount, 1);
  open();
  assert.equal(await blocked, 'released');
  assert.equal((await waiting).total, 1);
});
