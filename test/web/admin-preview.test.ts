// Preview refuses what saving refuses (issue 9: a writer posted 1.1 million characters and
// stalled the site for 2 s each time): the same length limit and the same Japanese message,
// nothing stored; the rendering runs in the work pool.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { bodyLengthProblem, LIMITS } from '../../src/domain/report-rules.js';
import { addTestUser, logIn, type AdminAgent } from '../support/admin.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { createGate, runTestTask, TEST_TASKS_URL } from '../support/test-tasks.js';

let t: TestApp;
let writer: AdminAgent;
const TOO_LONG = '1 概要\n\n' + 'あ'.repeat(LIMITS.bodyChars);
const MESSAGE = bodyLengthProblem(TOO_LONG)!;

before(async () => {
  t = await createTestApp({ threads: { size: 1, queueLimit: 0, extraTasksUrl: TEST_TASKS_URL } });
  await addTestUser(t.site, { login: 'writer', role: 'writer' });
  writer = await logIn(t.app, 'writer');
});
after(async () => t.close());

const livePreview = (bodySource: string) =>
  writer.inject({
    method: 'POST',
    url: '/admin/preview',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': writer.csrfToken },
    payload: new URLSearchParams({ bodySource }).toString(),
  });
const reportCount = async () =>
  Number(
    (
      await t.site.db
        .selectFrom('reports')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test("the live preview renders on a worker and refuses a body saving would refuse, with save's message", async () => {
  const ok = await livePreview('1 概要\n\n(1)委員会で質問した。');
  assert.equal(ok.statusCode, 200);
  assert.match(ok.body, /<div class="report-body">/);
  const refused = await livePreview(TOO_LONG);
  assert.equal(refused.statusCode, 422);
  assert.equal(refused.body, `<p class="field-error" role="alert">${MESSAGE}</p>`);
});

test("the プレビュー button shows save's message beside the field, keeps the text and stores nothing", async () => {
  const before = await reportCount();
  const preview = await writer.post('/admin/reports/new', { title: '長い報告', activityDate: '2026-11-02', bodySource: TOO_LONG, intent: 'preview' });
  assert.equal(preview.statusCode, 422);
  assert.ok(preview.body.includes(MESSAGE));
  assert.match(preview.body, /aria-invalid="true"/);
  assert.ok(preview.body.includes('あ'.repeat(1000)), 'the text stays in the form');
  assert.equal(await reportCount(), before);
  // Saving refuses it with the very same message.
  const save = await writer.post('/admin/reports/new', { title: '長い報告', activityDate: '2026-11-02', bodySource: TOO_LONG, intent: 'save' });
  assert.equal(save.statusCode, 422);
  assert.ok(save.body.includes(MESSAGE));
  assert.equal(await reportCount(), before);
});

test('the live preview refuses a body far past any report (over 2 MiB) before reading it', async () => {
  const huge = await livePreview('あ'.repeat(250_000)); // 2.25 MB URL-encoded
  assert.equal(huge.statusCode, 413);
});

test('while the pool is full, preview answers 503 with Retry-After at once', async () => {
  await livePreview('1 概要'); // the worker is up
  const { gate, open } = createGate();
  const blocked = runTestTask(t.site.work, 'block', { gate });
  try {
    const busy = await livePreview('1 概要\n\n(1)本文。');
    assert.equal(busy.statusCode, 503);
    assert.ok(Number(busy.headers['retry-after']) > 0);
  } finally {
    open();
  }
  assert.equal(await blocked, 'released');
  assert.equal((await livePreview('1 概要\n\n(1)本文。')).statusCode, 200);
});

test('while the pool is full, the プレビュー button gives the form back with the text and a message', async () => {
  await livePreview('1 概要'); // the worker is up
  const { gate, open } = createGate();
  const blocked = runTestTask(t.site.work, 'block', { gate });
  try {
    const busy = await writer.post('/admin/reports/new', {
      title: '混雑時の報告',
      activityDate: '2026-11-02',
      bodySource: '1 概要\n\n(1)混雑時に書いた本文。',
      intent: 'preview',
    });
    assert.equal(busy.statusCode, 503);
    assert.ok(Number(busy.headers['retry-after']) > 0);
    assert.match(busy.body, /サーバーが混み合っているため、プレビューを表示できませんでした/);
    assert.match(busy.body, /混雑時に書いた本文。/);
    assert.match(busy.body, /value="混雑時の報告"/);
  } finally {
    open();
  }
  assert.equal(await blocked, 'released');
});
