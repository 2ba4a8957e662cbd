import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEFAULT_ACTIVITY_KINDS, type ActivityRecord } from '../../src/domain/activity-record/activity-record.js';
import { deleteActivityRecord, findActivityRecord, getActivityKinds, saveActivityKinds, saveActivityRecord } from '../../src/store/activity-records.js';
import { deleteReportRow } from '../../src/store/reports.js';
import { saveSettingValue } from '../../src/store/settings.js';
import { ACTIVITY_RECORD_FIXTURES } from '../fixtures/activity-records/reports.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { publishReport } from '../support/factories.js';

let site: TestSite;
before(async () => {
  site = await createTestSite();
});
after(async () => site.cleanup());

const AT = '2026-11-20T03:00:00.000Z';
const fullRecord = (id: string): ActivityRecord => ACTIVITY_RECORD_FIXTURES.find((f) => f.id === id)!.expected;

test('stores a record with every list and reads it back as it was', async () => {
  const { id } = await publishReport(site);
  for (const fixture of ['meeting-two-sides', 'visit-water-plant', 'meeting-phone', 'other-thanks']) {
    const record = fullRecord(fixture);
    await site.db.transaction().execute((trx) => saveActivityRecord(trx, id, record, { isConfirmed: true, at: AT }));
    assert.deepEqual(await findActivityRecord(site.db, id), { reportId: id, record, isConfirmed: true, updatedAt: AT });
  }
});

test('a second save replaces the whole record, lists included, and keeps the proposal mark', async () => {
  const { id } = await publishReport(site);
  await site.db.transaction().execute((trx) => saveActivityRecord(trx, id, fullRecord('meeting-two-sides'), { isConfirmed: false, at: AT }));
  const smaller = fullRecord('street-weekly');
  await site.db.transaction().execute((trx) => saveActivityRecord(trx, id, smaller, { isConfirmed: false, at: AT }));
  const stored = await findActivityRecord(site.db, id);
  assert.deepEqual(stored?.record, smaller);
  assert.equal(stored?.isConfirmed, false);
});

test('a failed transaction leaves the stored record as it was', async () => {
  const { id } = await publishReport(site);
  const record = fullRecord('meeting-ambassador');
  await site.db.transaction().execute((trx) => saveActivityRecord(trx, id, record, { isConfirmed: true, at: AT }));
  await assert.rejects(
    site.db.transaction().execute(async (trx) => {
      await saveActivityRecord(trx, id, fullRecord('street-weekly'), { isConfirmed: true, at: AT });
      throw new Error('the action failed after the save');
    }),
  );
  assert.deepEqual((await findActivityRecord(site.db, id))?.record, record);
});

test('finds nothing for a report without a record, and nothing after the record is deleted', async () => {
  const { id } = await publishReport(site);
  assert.equal(await findActivityRecord(site.db, id), undefined);
  await site.db.transaction().execute((trx) => saveActivityRecord(trx, id, fullRecord('meeting-ambassador'), { isConfirmed: true, at: AT }));
  await site.db.transaction().execute((trx) => deleteActivityRecord(trx, id));
  assert.equal(await findActivityRecord(site.db, id), undefined);
});

test('deleting a report deletes its record and every row of its lists', async () => {
  const { id } = await publishReport(site);
  await site.db.transaction().execute((trx) => saveActivityRecord(trx, id, fullRecord('meeting-two-sides'), { isConfirmed: true, at: AT }));
  await site.db.transaction().execute((trx) => deleteReportRow(trx, id));
  assert.equal(await findActivityRecord(site.db, id), undefined);
  for (const table of ['activity_spans', 'activity_participants', 'activity_outcomes', 'activity_affiliations', 'activity_documents'] as const) {
    assert.deepEqual(await site.db.selectFrom(table).select('report_id').where('report_id', '=', id).execute(), [], table);
  }
});

test('the kinds list is the default until the owner saves one', async () => {
  const fresh = await createTestSite();
  try {
    assert.deepEqual(await getActivityKinds(fresh.db), [...DEFAULT_ACTIVITY_KINDS]);
    const kinds = ['視察', 'ボランティア', 'その他'];
    await fresh.db.transaction().execute((trx) => saveActivityKinds(trx, kinds));
    assert.deepEqual(await getActivityKinds(fresh.db), kinds);
    await fresh.db.transaction().execute((trx) => saveSettingValue(trx, 'activityKinds', [1, 2]));
    assert.deepEqual(await getActivityKinds(fresh.db), [...DEFAULT_ACTIVITY_KINDS], 'a value that is no list of names');
  } finally {
    await fresh.cleanup();
  }
});
