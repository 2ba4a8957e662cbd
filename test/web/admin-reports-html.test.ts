// The report editor's pages are valid HTML (Nu HTML Checker): list, new form, edit form
// with errors, preview, conflict and attachments, history with a diff, delete confirmation.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { getEditableReport } from '../../src/store/reports.js';
import { listRevisions } from '../../src/store/revisions.js';
import { addTestUser, logIn, type AdminAgent } from '../support/admin.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { addCategory, setSettings } from '../support/factories.js';
import { validateHtml } from '../support/vnu.js';

let t: TestApp;
let owner: AdminAgent;
let editor: AdminAgent;

before(async () => {
  t = await createTestApp({ seed: (site) => setSettings(site) });
  await addCategory(t.site, 'local', '地元活動');
  await addTestUser(t.site, { login: 'owner', role: 'owner' });
  await addTestUser(t.site, { login: 'editor', role: 'editor' });
  owner = await logIn(t.app, 'owner');
  editor = await logIn(t.app, 'editor');
});
after(() => t.close());

test('every report editor page is valid HTML', async () => {
  const created = await editor.post('/admin/reports/new', {
    title: '駅前の清掃活動',
    activityDate: '2026-10-01',
    tags: '清掃 地元',
    bodySource: '1 概要\n\n(1)清掃に参加した。\n\n2 所感\n\n地域の方と話した。',
    intent: 'save',
  });
  const id = Number(/\/admin\/reports\/(\d+)\/edit/.exec(String(created.headers.location))![1]);
  const report = await getEditableReport(t.site.db, id);
  const form = {
    title: report.title,
    activityDate: report.activityDate,
    bodySource: report.bodySource,
    slug: report.slug,
    tags: '清掃',
    expectedVersion: String(report.version),
  };
  await editor.post(`/admin/reports/${id}/edit`, { ...form, bodySource: `${report.bodySource}\n\n追記。`, intent: 'save' });
  const [newest, oldest] = await listRevisions(t.site.db, id);

  const pages: Record<string, string> = {
    list: (await editor.get('/admin/reports')).body,
    new: (await editor.get('/admin/reports/new')).body,
    edit: (await editor.get(`/admin/reports/${id}/edit`)).body,
    errors: (await editor.post(`/admin/reports/${id}/edit`, { ...form, title: '', activityDate: '2026-02-30', expectedVersion: '2', intent: 'save' })).body,
    preview: (await editor.post(`/admin/reports/${id}/edit`, { ...form, intent: 'preview' })).body,
    conflict: (await editor.post(`/admin/reports/${id}/edit`, { ...form, intent: 'save' })).body,
    history: (await editor.get(`/admin/reports/${id}/history?from=${oldest!.id}&to=${newest!.id}`)).body,
    dashboard: (await editor.get('/admin/')).body,
  };
  await editor.post(`/admin/reports/${id}/edit`, { ...form, expectedVersion: '2', intent: 'trash' });
  pages.trashed = (await owner.get(`/admin/reports/${id}/edit`)).body;
  pages.delete = (await owner.get(`/admin/reports/${id}/delete`)).body;
  assert.match(pages.conflict!, /あなた自身が別のタブ\(またはウィンドウ\)でこの報告を先に保存した/);

  const messages = await validateHtml(pages);
  const problems = messages.filter((m) => m.type !== 'info' || m.subType === 'warning');
  assert.deepEqual(
    problems.map((m) => `${m.document}: ${m.message} ${m.extract ?? ''}`),
    [],
  );
});
