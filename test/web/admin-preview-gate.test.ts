// One live preview at a time per account (issue 9: one writer's 16 simultaneous previews of
// 190,000-character bodies slowed every report page). While the writer's first preview waits
// for the (blocked) worker, the rest of a burst is refused at once with 429 and Retry-After;
// another user's preview and the public pages still answer, and the slot is freed afterwards.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { WorkPool } from '../../src/actions/runtime/work-pool.js';
import { PREVIEW_IN_FLIGHT_MESSAGE } from '../../src/web/admin/preview-gate.js';
import { addTestUser, logIn, type AdminAgent } from '../support/admin.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { createGate, runTestTask, TEST_TASKS_URL } from '../support/test-tasks.js';

let t: TestApp;
let writer: AdminAgent;
let editor: AdminAgent;

before(async () => {
  // One thread, so a blocked task holds every preview in the queue; waits are never refused.
  t = await createTestApp({ threads: { size: 1, queueLimit: 32, maxWaitMs: 600_000, extraTasksUrl: TEST_TASKS_URL } });
  await addTestUser(t.site, { login: 'writer', role: 'writer' });
  await addTestUser(t.site, { login: 'editor', role: 'editor' });
  writer = await logIn(t.app, 'writer');
  editor = await logIn(t.app, 'editor');
});
after(async () => t.close());

const livePreview = (agent: AdminAgent, bodySource: string) =>
  agent.inject({
    method: 'POST',
    url: '/admin/preview',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': agent.csrfToken },
    payload: new URLSearchParams({ bodySource }).toString(),
  });

/**
 * Resolves when the app hands the pool its next task of this name: the request has passed the
 * preview gate by then. The real task runs as ever. (On PostgreSQL a request's session is read
 * with a round trip, so two requests sent one after the other may reach the gate in either order.)
 */
function nextTask(pool: WorkPool, name: string): Promise<void> {
  const run = pool.run;
  return new Promise((resolve) => {
    pool.run = ((task: string, ...rest: unknown[]) => {
      if (task === name) {
        pool.run = run;
        resolve();
      }
      return (run as (...args: unknown[]) => Promise<unknown>).call(pool, task, ...rest);
    }) as WorkPool['run'];
  });
}

/** Resolves when `count` of the promises have settled. */
function settled(promises: Promise<unknown>[], count: number): Promise<void> {
  let done = 0;
  return new Promise((resolve) => {
    for (const p of promises) void p.finally(() => ++done === count && resolve());
  });
}

test('a burst of previews from one account runs one; the rest are refused at once with 429 and Retry-After', async () => {
  await livePreview(writer, '1 概要'); // the worker is up
  const { gate, open } = createGate();
  const blocked = runTestTask(t.site.work, 'block', { gate });
  let answers: LightMyRequestResponse[];
  try {
    const burst = Array.from({ length: 12 }, (_, i) => livePreview(writer, `1 概要\n\n(1)議会で質問した。${i}`));
    // Eleven are answered while the worker is still blocked: only the refused ones can be.
    await settled(burst, 11);
    // Meanwhile another user's preview is not refused, and the public site answers.
    const other = livePreview(editor, '1 概要\n\n(1)別の人の本文。');
    const home = await t.app.inject({ method: 'GET', url: '/' });
    assert.equal(home.statusCode, 200);
    open();
    answers = await Promise.all(burst);
    assert.equal((await other).statusCode, 200);
  } finally {
    open();
  }
  assert.equal(await blocked, 'released');
  const statuses = answers.map((a) => a.statusCode).sort();
  assert.deepEqual(statuses, [200, ...Array<number>(11).fill(429)]);
  for (const refused of answers.filter((a) => a.statusCode === 429)) {
    assert.equal(refused.headers['retry-after'], '1');
    assert.ok(refused.body.includes(PREVIEW_IN_FLIGHT_MESSAGE));
  }
  // The slot is free again once the answer is sent.
  const next = await livePreview(writer, '1 概要\n\n(1)次の本文。');
  assert.equal(next.statusCode, 200);
  assert.match(next.body, /次の本文。/);
});

test('the live preview form reaches the worker undecoded and is decoded there', async () => {
  const form = Buffer.from(new URLSearchParams({ bodySource: '1 概要\n\n(1)ワーカーで読む本文+記号&。' }).toString());
  const preview = await t.site.work.run('previewForm', { form });
  assert.match(String(preview.html), /ワーカーで読む本文\+記号&amp;。/);
  const answer = await livePreview(writer, '1 概要\n\n(1)ワーカーで読む本文+記号&。');
  assert.equal(answer.statusCode, 200);
  assert.match(answer.body, /ワーカーで読む本文\+記号&amp;。/);
});

test('while a live preview of the account runs, the プレビュー button gives the form back with the text and a 429', async () => {
  await livePreview(writer, '1 概要'); // the worker is up
  const { gate, open } = createGate();
  const blocked = runTestTask(t.site.work, 'block', { gate });
  let running;
  try {
    const queued = nextTask(t.site.work, 'previewForm');
    running = livePreview(writer, '1 概要\n\n(1)先に送った本文。');
    await queued;
    // Refused while the live preview waits for the blocked worker; nothing else could answer now.
    const refused = await writer.post('/admin/reports/new', {
      title: '重ねた報告',
      activityDate: '2026-11-02',
      bodySource: '1 概要\n\n(1)重ねて押した本文。',
      intent: 'preview',
    });
    assert.equal(refused.statusCode, 429);
    assert.equal(refused.headers['retry-after'], '1');
    assert.ok(refused.body.includes(PREVIEW_IN_FLIGHT_MESSAGE));
    assert.match(refused.body, /重ねて押した本文。/);
  } finally {
    open();
  }
  assert.equal((await running).statusCode, 200);
  assert.equal(await blocked, 'released');
  const button = await writer.post('/admin/reports/new', {
    title: '重ねた報告',
    activityDate: '2026-11-02',
    bodySource: '1 概要\n\n(1)重ねて押した本文。',
    intent: 'preview',
  });
  assert.equal(button.statusCode, 200);
});

test('the live preview accepts the CSRF token in the form as well as in the header, and refuses a wrong one', async () => {
  const post = (csrf: string) =>
    writer.inject({
      method: 'POST',
      url: '/admin/preview',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ bodySource: '1 概要\n\n(1)トークンは本文の前。', _csrf: csrf }).toString(),
    });
  const ok = await post(writer.csrfToken);
  assert.equal(ok.statusCode, 200);
  assert.match(ok.body, /トークンは本文の前。/);
  assert.equal((await post('forged')).statusCode, 403);
});
