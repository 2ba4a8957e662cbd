// The edit page's 「活動の記録」 panel (issue 16 items 2 and 7) through HTTP: the proposal shown
// with its notice and nothing stored, a save (303, confirmed), each bad input refused at its
// field with the typed input kept and nothing written, re-extraction on request only, CSRF,
// and who may save: as who may edit the report.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { findActivityRecord, saveActivityRecord } from '../../src/store/activity-records.js';
import { buildServer } from '../../src/web/server.js';
import { addTestUser, logIn, type AdminAgent, type FormFields } from '../support/admin.js';
import { TEST_BASE_URL } from '../support/app.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { setSettings } from '../support/factories.js';
import { validateHtml } from '../support/vnu.js';
import { ACTIVITY_RECORD_FIXTURES } from '../fixtures/activity-records/reports.js';

const TWO_SIDES = ACTIVITY_RECORD_FIXTURES.find((f) => f.id === 'meeting-two-sides')!;

let site: TestSite;
let app: FastifyInstance;
let owner: AdminAgent;
let writer: AdminAgent;
let otherWriter: AdminAgent;

before(async () => {
  site = await createTestSite();
  await setSettings(site);
  app = await buildServer({ ctx: site, baseUrl: TEST_BASE_URL, logLevel: 'silent' });
  await addTestUser(site, { login: 'owner', role: 'owner' });
  await addTestUser(site, { login: 'writer', role: 'writer' });
  await addTestUser(site, { login: 'writer2', role: 'writer' });
  owner = await logIn(app, 'owner');
  writer = await logIn(app, 'writer');
  otherWriter = await logIn(app, 'writer2');
});
after(async () => {
  await app.close();
  await site.cleanup();
});

async function createDraft(agent: AdminAgent): Promise<number> {
  const response = await agent.post('/admin/reports/new', { title: TWO_SIDES.title, activityDate: TWO_SIDES.date, bodySource: TWO_SIDES.text, intent: 'save' });
  assert.equal(response.statusCode, 303);
  return Number(/\/admin\/reports\/(\d+)\/edit/.exec(String(response.headers.location))![1]);
}

/** The panel's fields for the fixture's record, as the browser would post them. */
function recordFields(overrides: FormFields = {}): FormFields {
  const fields: FormFields = {
    intent: 'save',
    'record-kind': '会談・協議',
    'record-date': '2024-09-20',
    'record-place': '青葉市',
    'record-outcomes': TWO_SIDES.expected.outcomes.join('\r\n'),
  };
  TWO_SIDES.expected.spans.forEach((s, i) =>
    Object.assign(fields, { [`record-spans-${i}-start`]: s.start, [`record-spans-${i}-end`]: s.end ?? '', [`record-spans-${i}-label`]: s.label ?? '' }),
  );
  TWO_SIDES.expected.participants.forEach((p, i) => {
    Object.assign(fields, {
      [`record-participants-${i}-name`]: p.name,
      [`record-participants-${i}-title`]: p.title ?? '',
      [`record-participants-${i}-side`]: p.side ?? '',
      [`record-participants-${i}-organisation`]: '',
      [`record-participants-${i}-country`]: p.country ?? '',
    });
    if (p.isLegislator) fields[`record-participants-${i}-isLegislator`] = '1';
  });
  // The panel's spare rows, left empty.
  Object.assign(fields, {
    'record-spans-2-start': '',
    'record-spans-2-end': '',
    'record-spans-2-label': '',
    'record-participants-4-name': '',
    'record-participants-4-title': '',
  });
  return { ...fields, ...overrides };
}

test('shows the proposal from the text with its notice, in plain fields, and stores nothing', async () => {
  const id = await createDraft(writer);
  const page = await writer.get(`/admin/reports/${id}/edit`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h2 id="record-title">活動の記録<\/h2>/);
  assert.match(page.body, /本文からの提案です。確認して保存してください。/);
  assert.match(page.body, new RegExp(`<form method="post" action="/admin/reports/${id}/record"`));
  assert.match(page.body, /name="record-participants-2-name"[^>]*value="ソーレン"|value="ソーレン"[^>]*name="record-participants-2-name"/);
  assert.match(page.body, /name="record-spans-1-start"[^>]*value="18:30"|value="18:30"[^>]*name="record-spans-1-start"/);
  assert.match(page.body, /<option value="会談・協議" selected/);
  assert.match(page.body, /記録を保存/);
  assert.match(page.body, /本文から提案し直す/);
  assert.equal(await findActivityRecord(site.db, id), undefined);
});

test('saves the record with a corrected participant, then shows it without the notice', async () => {
  const id = await createDraft(writer);
  const response = await writer.post(
    `/admin/reports/${id}/record`,
    recordFields({ 'record-participants-1-name': '森田花子', 'record-participants-1-organisation': '財務省' }),
  );
  assert.equal(response.statusCode, 303, response.body.slice(0, 2000));
  assert.equal(response.headers.location, `/admin/reports/${id}/edit?notice=record-saved#record`);
  const stored = await findActivityRecord(site.db, id);
  assert.equal(stored?.isConfirmed, true);
  assert.deepEqual(
    stored?.record.participants.map((p) => p.name),
    ['山川', '森田花子', 'ソーレン', 'ハルヴァ'],
  );
  assert.equal(stored?.record.participants[0]?.isLegislator, true);
  assert.equal(stored?.record.participants[1]?.isLegislator, false);
  assert.deepEqual(stored?.record.spans, TWO_SIDES.expected.spans);
  assert.deepEqual(stored?.record.outcomes, TWO_SIDES.expected.outcomes);
  const page = await writer.get(`/admin/reports/${id}/edit?notice=record-saved`);
  assert.match(page.body, /活動の記録を保存しました。/);
  assert.doesNotMatch(page.body, /本文からの提案です/);
  assert.match(page.body, /value="森田花子"/);
});

const BAD_INPUTS: { what: string; fields: FormFields; field: string; message: RegExp; typed: string }[] = [
  {
    what: 'a span that ends before it starts',
    fields: { 'record-spans-1-end': '17:00' },
    field: 'record-spans-1-end',
    message: /終了時刻\(17:00\)が開始時刻\(18:30\)より前か同じです/,
    typed: '17:00',
  },
  {
    what: 'a time like 25時',
    fields: { 'record-spans-0-start': '25:00' },
    field: 'record-spans-0-start',
    message: /開始時刻は 0:00 から 23:59 までの時刻で/,
    typed: '25:00',
  },
  {
    what: 'an empty participant name',
    fields: { 'record-participants-3-name': '', 'record-participants-3-title': '財務相' },
    field: 'record-participants-3-name',
    message: /出席者の名前を入力してください/,
    typed: '財務相',
  },
  {
    what: 'a kind that no longer exists',
    fields: { 'record-kind': '廃止した種類' },
    field: 'record-kind',
    message: /種類「廃止した種類」は今の種類の一覧にありません/,
    typed: '廃止した種類',
  },
  {
    what: 'a person name that is a whole sentence',
    fields: { 'record-participants-0-name': '山川議員は協議に出席した。' },
    field: 'record-participants-0-name',
    message: /名前の欄には名前だけを入力してください/,
    typed: '山川議員は協議に出席した。',
  },
];

for (const bad of BAD_INPUTS) {
  test(`refuses ${bad.what} at its field, keeps what was typed and writes nothing`, async () => {
    const id = await createDraft(writer);
    assert.equal((await writer.post(`/admin/reports/${id}/record`, recordFields({ 'record-place': '保存済みの場所' }))).statusCode, 303);
    const before = await findActivityRecord(site.db, id);
    const response = await writer.post(`/admin/reports/${id}/record`, recordFields({ 'record-place': '入力中の場所', ...bad.fields }));
    assert.equal(response.statusCode, 422);
    assert.match(response.body, new RegExp(`<p class="field-error" id="field-${bad.field}-error"><span class="visually-hidden">エラー:</span>[^<]*`));
    assert.match(response.body.slice(response.body.indexOf(`id="field-${bad.field}-error"`)), bad.message);
    assert.match(response.body, new RegExp(`href="#field-${bad.field}"`));
    assert.match(response.body, /class="error-summary" role="alert"[^>]*autofocus/);
    assert.doesNotMatch(response.body, /class="report-preview"[^>]*autofocus/);
    assert.match(response.body, new RegExp(`aria-invalid="true"`));
    assert.ok(response.body.includes(bad.typed), 'the typed input is kept');
    assert.ok(response.body.includes('入力中の場所'));
    assert.deepEqual(await findActivityRecord(site.db, id), before);
  });
}

test('proposes again from the stored text on request only, writing nothing until saved', async () => {
  const id = await createDraft(writer);
  assert.equal((await writer.post(`/admin/reports/${id}/record`, recordFields({ 'record-place': '青葉市役所' }))).statusCode, 303);
  const shown = await writer.get(`/admin/reports/${id}/edit`);
  assert.match(shown.body, /value="青葉市役所"/);
  const proposed = await writer.post(`/admin/reports/${id}/record`, { intent: 'propose' });
  assert.equal(proposed.statusCode, 200);
  assert.match(proposed.body, /<p class="record-notice" tabindex="-1" autofocus>本文からの提案です。/);
  assert.match(proposed.body, /name="record-place"[^>]*value="青葉市"|value="青葉市"[^>]*name="record-place"/);
  assert.equal((await findActivityRecord(site.db, id))?.record.place, '青葉市役所');
});

test('refuses a post without the CSRF token and writes nothing', async () => {
  const id = await createDraft(writer);
  const response = await writer.post(`/admin/reports/${id}/record`, recordFields(), { csrf: false });
  assert.equal(response.statusCode, 403);
  assert.equal(await findActivityRecord(site.db, id), undefined);
});

test("lets a writer save the record of their own draft only, and the owner any report's", async () => {
  const id = await createDraft(writer);
  const refused = await otherWriter.post(`/admin/reports/${id}/record`, recordFields());
  assert.equal(refused.statusCode, 403);
  assert.equal(await findActivityRecord(site.db, id), undefined);
  assert.equal((await owner.post(`/admin/reports/${id}/record`, recordFields())).statusCode, 303);
  assert.equal((await findActivityRecord(site.db, id))?.isConfirmed, true);
});

test('shows no panel where the report cannot be edited (a writer on a published report)', async () => {
  const id = await createDraft(writer);
  assert.equal(
    (
      await owner.post(`/admin/reports/${id}/edit`, {
        title: TWO_SIDES.title,
        activityDate: TWO_SIDES.date,
        bodySource: TWO_SIDES.text,
        expectedVersion: '1',
        intent: 'publish',
      })
    ).statusCode,
    303,
  );
  const page = await writer.get(`/admin/reports/${id}/edit`);
  assert.doesNotMatch(page.body, /record-title/);
  assert.equal((await writer.post(`/admin/reports/${id}/record`, recordFields())).statusCode, 403);
  assert.equal(await findActivityRecord(site.db, id), undefined);
});

test('shows markup typed into any field of a refused record as text', async () => {
  const id = await createDraft(writer);
  const markup = '<img src=x onerror=alert(1)>"\'';
  const fields = recordFields({
    'record-kind': markup,
    'record-date': markup,
    'record-spans-0-start': markup,
    'record-spans-0-label': markup,
    'record-place': markup,
    'record-participants-0-name': markup,
    'record-participants-0-title': markup,
    'record-outcomes': markup,
  });
  const response = await writer.post(`/admin/reports/${id}/record`, fields);
  assert.equal(response.statusCode, 422);
  assert.ok(!response.body.includes('<img src=x'), 'no markup from the input in the page');
  const escaped = response.body.split('&lt;img src=x onerror=alert(1)').length - 1;
  assert.ok(escaped >= 8, `the input shown escaped in every field and message (${escaped})`);
  assert.equal(await findActivityRecord(site.db, id), undefined);
});

test('the edit page with the panel is valid HTML: proposed, saved, refused and proposed again', async () => {
  const id = await createDraft(writer);
  const pages: Record<string, string> = { proposed: (await writer.get(`/admin/reports/${id}/edit`)).body };
  await writer.post(`/admin/reports/${id}/record`, recordFields());
  pages.saved = (await writer.get(`/admin/reports/${id}/edit?notice=record-saved`)).body;
  pages.refused = (
    await writer.post(`/admin/reports/${id}/record`, recordFields({ 'record-kind': '廃止した種類', 'record-spans-0-start': '25:00', 'record-participants-1-name': '' }))
  ).body;
  pages.again = (await writer.post(`/admin/reports/${id}/record`, { intent: 'propose' })).body;
  const problems = (await validateHtml(pages)).filter((m) => m.type !== 'info' || m.subType === 'warning');
  assert.deepEqual(
    problems.map((m) => `${m.document}: ${m.message} ${m.extract ?? ''}`),
    [],
  );
});

test('says so when the stored record is a proposal nobody has confirmed, and saving confirms it', async () => {
  const id = await createDraft(writer);
  await saveActivityRecord(site.db, id, { ...TWO_SIDES.expected, place: '提案された場所' }, { isConfirmed: false, at: '2026-01-01T00:00:00.000Z' });
  const page = await writer.get(`/admin/reports/${id}/edit`);
  assert.match(page.body, /取り込み時に本文から提案した記録で、まだ確認されていません。/);
  assert.match(page.body, /value="提案された場所"/);
  assert.match(page.body, /name="record-state" value="unconfirmed"/);
  assert.equal((await writer.post(`/admin/reports/${id}/record`, recordFields())).statusCode, 303);
  assert.equal((await findActivityRecord(site.db, id))?.isConfirmed, true);
});
