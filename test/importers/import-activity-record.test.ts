import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { importText } from '../../src/actions/import/import-text.js';
import type { ImportedReportInput } from '../../src/actions/import/import-report.js';
import { inlineBuilder, workerBuilder, type DocumentBuilder } from '../../src/actions/search/build-search-documents.js';
import { extractActivityRecord } from '../../src/domain/activity-record/extract-activity-record.js';
import { runImport, type ImportItem } from '../../src/importers/import-run.js';
import { findActivityRecord, saveActivityRecord } from '../../src/store/activity-records.js';
import { findImportSource } from '../../src/store/import-sources.js';
import { saveSettingValue } from '../../src/store/settings.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { ACTIVITY_RECORD_FIXTURES, FIXTURE_LEGISLATOR } from '../fixtures/activity-records/reports.js';

const FIXTURES = ACTIVITY_RECORD_FIXTURES.filter((f) => f.documents === undefined).slice(0, 4);

let site: TestSite;
before(async () => {
  site = await createTestSite();
  await saveSettingValue(site.db, 'legislatorName', FIXTURE_LEGISLATOR);
});
after(async () => site.cleanup());

function itemOf(key: string, fixture: (typeof FIXTURES)[number], overrides: Partial<ImportedReportInput> = {}): ImportItem {
  const report: ImportedReportInput = { title: fixture.title, activityDate: fixture.date, bodySource: fixture.text, status: 'published', ...overrides };
  return { type: 'report', key, label: key, report };
}

async function storedRecord(key: string) {
  const source = (await findImportSource(site.db, 'test', key))!;
  return findActivityRecord(site.db, source.reportId);
}

for (const [name, makeBuilder] of [
  ['while writing', () => undefined],
  ['inline, ahead of the writer', () => inlineBuilder()],
  ['on a worker thread', () => workerBuilder(1)],
] as [string, () => DocumentBuilder | undefined][]) {
  test(`an import stores the extractor's proposal, unconfirmed, for published reports and drafts (${name})`, async () => {
    const builder = makeBuilder();
    const tag = name.replace(/\W+/g, '-');
    try {
      const items = FIXTURES.map((f, i) => itemOf(`${tag}-${i}`, f, i === 1 ? { status: 'draft' } : {}));
      const summary = await runImport(site, items, { kind: 'test', ...(builder ? { searchDocuments: builder } : {}) });
      assert.equal(summary.created, FIXTURES.length);
      for (const [i, fixture] of FIXTURES.entries()) {
        const stored = (await storedRecord(`${tag}-${i}`))!;
        assert.equal(stored.isConfirmed, false);
        assert.deepEqual(stored.record, fixture.expected, fixture.id);
      }
    } finally {
      await builder?.close();
    }
  });
}

test('a re-import with a changed text replaces an unconfirmed proposal and leaves a confirmed record alone', async () => {
  const [first, second] = FIXTURES;
  await runImport(site, [itemOf('again-unconfirmed', first!), itemOf('again-confirmed', first!)], { kind: 'test', isOverwriting: true });
  const confirmedId = (await findImportSource(site.db, 'test', 'again-confirmed'))!.reportId;
  const confirmed = { ...first!.expected, place: '職員が確かめた会場' };
  await saveActivityRecord(site.db, confirmedId, confirmed, { isConfirmed: true, at: '2026-11-20T03:00:00.000Z' });

  const changed = { title: second!.title, bodySource: second!.text, activityDate: second!.date };
  const summary = await runImport(site, [itemOf('again-unconfirmed', first!, changed), itemOf('again-confirmed', first!, changed)], {
    kind: 'test',
    isOverwriting: true,
  });
  assert.equal(summary.updated, 2);
  assert.deepEqual((await storedRecord('again-unconfirmed'))!.record, second!.expected);
  const kept = (await storedRecord('again-confirmed'))!;
  assert.equal(kept.isConfirmed, true);
  assert.deepEqual(kept.record, confirmed);
});

test('a dry run stores no proposal', async () => {
  const count = async () =>
    Number(
      (
        await site.db
          .selectFrom('activity_records')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const before = await count();
  const summary = await runImport(site, [itemOf('dry', FIXTURES[0]!)], { kind: 'test', isDryRun: true });
  assert.equal(summary.created, 1);
  assert.equal(await count(), before);
});

test('import-text of one file stores the proposal with the report', async () => {
  const fixture = FIXTURES[2]!;
  const imported = await importText(site, { content: `${fixture.title}\n${fixture.date.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}\n\n${fixture.text}` });
  const stored = (await findActivityRecord(site.db, imported.id))!;
  assert.equal(stored.isConfirmed, false);
  const expected = extractActivityRecord(
    {
      title: imported.title,
      text: (await site.db.selectFrom('reports').select('body_source').where('id', '=', imported.id).executeTakeFirstOrThrow()).body_source,
      date: imported.activityDate,
    },
    { legislatorName: FIXTURE_LEGISLATOR },
  );
  assert.deepEqual(stored.record, expected);
});
