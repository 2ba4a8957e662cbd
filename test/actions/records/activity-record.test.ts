import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readActivityRecord, reproposeActivityRecord } from '../../../src/actions/records/read-activity-record.js';
import { confirmActivityRecord, type ActivityRecordInput } from '../../../src/actions/records/save-activity-record.js';
import { saveReport } from '../../../src/actions/reports/save-report.js';
import { ForbiddenError, ValidationError } from '../../../src/domain/errors.js';
import { findActivityRecord, saveActivityKinds } from '../../../src/store/activity-records.js';
import { listAudit } from '../../../src/store/audit-log.js';
import { getEditableReport } from '../../../src/store/reports.js';
import { addTeam, type Team } from '../../support/authors.js';
import { createTestSite, type TestSite } from '../../support/db.js';
import { ACTIVITY_RECORD_FIXTURES } from '../../fixtures/activity-records/reports.js';

const TWO_SIDES = ACTIVITY_RECORD_FIXTURES.find((f) => f.id === 'meeting-two-sides')!;

let site: TestSite;
let team: Team;

before(async () => {
  site = await createTestSite();
  team = await addTeam(site);
});
after(() => site.cleanup());

async function newReport(by = team.writer): Promise<number> {
  const saved = await saveReport(site, by, {
    title: TWO_SIDES.title,
    activityDate: TWO_SIDES.date,
    categoryId: null,
    tags: [],
    slug: '',
    summary: '',
    bodySource: TWO_SIDES.text,
  });
  return saved.id;
}

function inputOf(overrides: Partial<ActivityRecordInput> = {}): ActivityRecordInput {
  const { organisations: _o, countries: _c, documents: _d, ...rest } = TWO_SIDES.expected;
  return { ...structuredClone(rest), ...overrides };
}

test('shows the proposal from the stored text while no record is stored, and writes nothing', async () => {
  const id = await newReport();
  const view = await readActivityRecord(site, await getEditableReport(site.db, id));
  assert.equal(view.state, 'proposal');
  assert.deepEqual(
    view.record.participants.map((p) => `${p.side}:${p.name}:${p.title}`),
    ['日本:山川:経済産業副大臣', '日本:森田:財務大臣政務官', 'カレド:ソーレン:経済相', 'カレド:ハルヴァ:財務相'],
  );
  assert.deepEqual(view.record.spans, TWO_SIDES.expected.spans);
  assert.ok(view.kinds.includes('会談・協議'));
  assert.equal(await findActivityRecord(site.db, id), undefined);
});

test('saves a corrected record as confirmed, with organisations and countries from its participants', async () => {
  const id = await newReport();
  const input = inputOf();
  input.participants[1] = { ...input.participants[1]!, name: '森田花子', organisation: '財務省' };
  await confirmActivityRecord(site, team.writer, id, input);
  const stored = await findActivityRecord(site.db, id);
  assert.equal(stored?.isConfirmed, true);
  assert.equal(stored?.record.participants[1]?.name, '森田花子');
  assert.deepEqual(stored?.record.organisations, ['財務省']);
  assert.deepEqual(stored?.record.countries, ['日本', 'カレド']);
  const view = await readActivityRecord(site, await getEditableReport(site.db, id));
  assert.equal(view.state, 'confirmed');
  assert.ok((await listAudit(site.db, { limit: 5 })).some((e) => e.action === 'report.record' && e.target === `report:${id}`));
});

test('re-extracts on request only: the saved record stays, the proposal is not written', async () => {
  const id = await newReport();
  await confirmActivityRecord(site, team.writer, id, inputOf({ place: '青葉市役所' }));
  const again = await reproposeActivityRecord(site, await getEditableReport(site.db, id));
  assert.equal(again.state, 'proposal');
  assert.equal(again.record.place, '青葉市');
  assert.equal((await findActivityRecord(site.db, id))?.record.place, '青葉市役所');
});

test('refuses each bad input with a message at its field and writes nothing', async () => {
  const id = await newReport();
  await confirmActivityRecord(site, team.writer, id, inputOf());
  const before = await findActivityRecord(site.db, id);
  const bad: [string, Partial<ActivityRecordInput>][] = [
    ['spans.0.end', { spans: [{ label: '協議', start: '11:00', end: '09:30' }] }],
    ['spans.0.start', { spans: [{ label: '協議', start: '25:00', end: null }] }],
    ['participants.0.name', { participants: [{ name: '  ', title: '経済相', side: null, organisation: null, country: null, isLegislator: false }] }],
    ['kind', { kind: '消えた種類' }],
    ['participants.0.name', { participants: [{ name: '山川議員は会談した。', title: null, side: null, organisation: null, country: null, isLegislator: false }] }],
  ];
  for (const [field, overrides] of bad) {
    await assert.rejects(confirmActivityRecord(site, team.writer, id, inputOf(overrides)), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.match(error.fields[field] ?? '', /./, field);
      return true;
    });
  }
  assert.deepEqual(await findActivityRecord(site.db, id), before);
});

test('refuses a kind the owner has since removed from the list', async () => {
  const id = await newReport();
  await saveActivityKinds(site.db, ['会談・協議', 'その他']);
  try {
    await assert.rejects(confirmActivityRecord(site, team.writer, id, inputOf({ kind: '視察' })), ValidationError);
  } finally {
    await saveActivityKinds(site.db, [
      '会談・協議',
      '委員会質疑',
      '本会議',
      '視察',
      '要望・陳情',
      '意見交換・会合',
      '街頭活動',
      '国政報告会・集会',
      '式典・行事',
      '記者会見',
      'その他',
    ]);
  }
  assert.equal(await findActivityRecord(site.db, id), undefined);
});

test('lets only those who may edit the report save its record', async () => {
  const id = await newReport(team.writer);
  await assert.rejects(confirmActivityRecord(site, team.otherWriter, id, inputOf()), ForbiddenError);
  assert.equal(await findActivityRecord(site.db, id), undefined);
  await confirmActivityRecord(site, team.editor, id, inputOf());
  assert.equal((await findActivityRecord(site.db, id))?.isConfirmed, true);
});
