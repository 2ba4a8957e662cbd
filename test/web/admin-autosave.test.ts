// Issue 12 item 1: the editor's autosave slot (one per user and item, not a revision), offered
// back when the editor is opened again, restored or discarded, removed by a save; and one body
// limit for the editor's posts, so an over-long paste gets the in-form message, never a 413.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { findAutosave } from '../../src/store/autosaves.js';
import { listRevisions } from '../../src/store/revisions.js';
import { buildServer } from '../../src/web/server.js';
import { addTestUser, logIn, type AdminAgent } from '../support/admin.js';
import { TEST_BASE_URL } from '../support/app.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { setSettings } from '../support/factories.js';
import { XSS_PAYLOADS, callOf } from '../support/xss-payloads.js';

let site: TestSite;
let app: FastifyInstance;
let editor: AdminAgent;
let other: AdminAgent;
let userIds: Record<string, number>;

before(async () => {
  site = await createTestSite({ now: () => new Date('2026-12-06T06:04:00.000Z') });
  await setSettings(site);
  app = await buildServer({ ctx: site, baseUrl: TEST_BASE_URL, logLevel: 'silent' });
  await addTestUser(site, { login: 'editor', role: 'editor', displayName: '秘書 田中' });
  await addTestUser(site, { login: 'other', role: 'editor', displayName: '秘書 佐藤' });
  editor = await logIn(app, 'editor');
  other = await logIn(app, 'other');
  const rows = await site.db.selectFrom('users').select(['id', 'login']).execute();
  userIds = Object.fromEntries(rows.map((r) => [r.login, r.id]));
});
after(async () => {
  await app.close();
  await site.cleanup();
});

async function createDraft(title: string): Promise<number> {
  const response = await editor.post('/admin/reports/new', { title, activityDate: '2026-11-02', bodySource: '本文です。', intent: 'save' });
  assert.equal(response.statusCode, 303, response.body.slice(0, 500));
  return Number(/\/admin\/reports\/(\d+)\/edit/.exec(String(response.headers.location))![1]);
}

test('an autosave is kept per user and offered back on reopening the editor, without a revision', async () => {
  const id = await createDraft('自動保存の報告');
  const revisionsBefore = (await listRevisions(site.db, id)).length;
  const kept = await editor.post('/admin/autosave', {
    kind: 'report',
    itemId: String(id),
    title: '自動保存の報告(書きかけ)',
    bodySource: '書きかけの本文。',
    expectedVersion: '1',
  });
  assert.equal(kept.statusCode, 200, kept.body);
  assert.equal((await listRevisions(site.db, id)).length, revisionsBefore);

  const reopened = await editor.get(`/admin/reports/${id}/edit`);
  assert.ok(reopened.body.includes('保存されていない下書きがあります(2026年12月6日 15:04)。復元しますか'), 'the offer names when the text was kept');
  assert.match(reopened.body, new RegExp(`href="/admin/reports/${id}/edit\\?draft=restore"`));
  // The form itself still shows the stored text until the user chooses.
  assert.doesNotMatch(reopened.body, /書きかけの本文/);
  // Another person opening the same report sees no offer: the slot is the editor's own.
  const theirs = await other.get(`/admin/reports/${id}/edit`);
  assert.doesNotMatch(theirs.body, /保存されていない下書き/);

  const restored = await editor.get(`/admin/reports/${id}/edit?draft=restore`);
  assert.match(restored.body, /自動保存された下書きを復元しました/);
  assert.match(restored.body, /書きかけの本文。/);
  assert.ok(restored.body.includes('value="自動保存の報告(書きかけ)"'));
});

test('saving the item removes its autosave slot', async () => {
  const id = await createDraft('保存で消える');
  await editor.post('/admin/autosave', { kind: 'report', itemId: String(id), bodySource: '途中', expectedVersion: '1' });
  assert.ok(await findAutosave(site.db, userIds.editor!, 'report', id));
  const saved = await editor.post(`/admin/reports/${id}/edit`, {
    title: '保存で消える',
    activityDate: '2026-11-02',
    bodySource: '途中',
    expectedVersion: '1',
    intent: 'save',
  });
  assert.equal(saved.statusCode, 303);
  assert.equal(await findAutosave(site.db, userIds.editor!, 'report', id), undefined);
  assert.doesNotMatch((await editor.get(`/admin/reports/${id}/edit`)).body, /保存されていない下書き/);
});

test('a new report form has its own slot, removed when the report is created', async () => {
  await editor.post('/admin/autosave', { kind: 'report', itemId: 'new', title: '新しい書きかけ', bodySource: '新規の本文' });
  const form = await editor.get('/admin/reports/new');
  assert.match(form.body, /保存されていない下書きがあります/);
  assert.match((await editor.get('/admin/reports/new?draft=restore')).body, /新規の本文/);
  await createDraft('新しい書きかけ');
  assert.equal(await findAutosave(site.db, userIds.editor!, 'report', 0), undefined);
});

test('discarding empties the slot and leads back to the editor', async () => {
  const id = await createDraft('破棄する');
  await editor.post('/admin/autosave', { kind: 'report', itemId: String(id), bodySource: 'いらない' });
  const discarded = await editor.post('/admin/autosave/discard', { kind: 'report', itemId: String(id) });
  assert.equal(discarded.statusCode, 303);
  assert.match(String(discarded.headers.location), new RegExp(`^/admin/reports/${id}/edit\\?notice=autosave-discarded`));
  assert.equal(await findAutosave(site.db, userIds.editor!, 'report', id), undefined);
});

test('pages have autosave slots too', async () => {
  await editor.post('/admin/autosave', { kind: 'page', itemId: 'new', title: '事務所案内', bodySource: 'ページの書きかけ' });
  assert.match((await editor.get('/admin/pages/new')).body, /保存されていない下書きがあります/);
  assert.match((await editor.get('/admin/pages/new?draft=restore')).body, /ページの書きかけ/);
});

test('an autosave needs the CSRF token and refuses a slot it cannot name', async () => {
  const forged = await editor.post('/admin/autosave', { kind: 'report', itemId: 'new', bodySource: 'x' }, { csrf: false });
  assert.equal(forged.statusCode, 403);
  const bad = await editor.post('/admin/autosave', { kind: 'user', itemId: '1', bodySource: 'x' });
  assert.equal(bad.statusCode, 400);
});

test('XSS payloads come back from an autosave as text', async () => {
  const body = XSS_PAYLOADS.map((p) => p.text).join('\n');
  const title = XSS_PAYLOADS[0]!.text;
  await editor.post('/admin/autosave', { kind: 'report', itemId: 'new', title, bodySource: body });
  const restored = await editor.get('/admin/reports/new?draft=restore');
  assert.equal(restored.statusCode, 200);
  assert.doesNotMatch(restored.body, /<script>__xss/);
  assert.doesNotMatch(restored.body, /<img src=x onerror/);
  for (const p of XSS_PAYLOADS.slice(0, 3)) assert.ok(callOf(p).test(restored.body), 'the payload is shown as text');
});

test('a 3 MB pasted body gets the in-form message with every field kept, not a 413', async () => {
  const huge = 'あ'.repeat(1_000_000);
  const response = await editor.post('/admin/reports/new', {
    title: '長すぎる本文',
    activityDate: '2026-11-03',
    summary: '概要はそのまま',
    bodySource: huge,
    intent: 'save',
  });
  assert.equal(response.statusCode, 422);
  assert.ok(response.body.includes('本文が長すぎます(上限200,000文字)'), 'the message at the body field');
  for (const kept of ['value="長すぎる本文"', 'value="2026-11-03"', '概要はそのまま</textarea>']) assert.ok(response.body.includes(kept), kept);
  assert.ok(response.body.includes(huge), 'the body is kept in the field');
  const page = await editor.post('/admin/pages/new', { title: '長すぎるページ', bodySource: huge, intent: 'save' });
  assert.equal(page.statusCode, 422);
  assert.ok(page.body.includes('value="長すぎるページ"'));
});
