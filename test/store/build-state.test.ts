// The static build's state (store/build-state.ts): which reports changed since the last
// build, read fast enough for an incremental build to cost milliseconds.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CompiledQuery } from 'kysely';
import { readBuildState, reportKeysQuery, reportTagsQuery } from '../../src/store/build-state.js';
import { sitemapQuery } from '../../src/store/reports.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { publishReport } from '../support/factories.js';
import { participant, record, storeRecord } from '../support/public-records.js';

let site: TestSite;

before(async () => {
  site = await createTestSite();
  await publishReport(site, { title: '一つ目', activityDate: '2024-05-01', tags: ['外交'] });
  await publishReport(site, { title: '二つ目', activityDate: '2024-05-02' });
});
after(async () => site.cleanup());

async function planOf(query: { compile(): CompiledQuery }): Promise<string> {
  const compiled = query.compile();
  const plan = await site.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]));
  return plan.rows.map((r) => r.detail).join(' | ');
}

test('reads the reports of the state, their tags and the sitemap through indexes alone, not their rows', async () => {
  const keys = await planOf(reportKeysQuery(site.db));
  assert.match(keys, /USING COVERING INDEX reports_build_state/, keys);
  const tags = await planOf(reportTagsQuery(site.db));
  assert.match(tags, /USING COVERING INDEX report_tags_positions/, tags);
  // Every build renders the sitemap again; its updated_at follows the body columns in the row.
  const sitemap = await planOf(sitemapQuery(site.db));
  assert.match(sitemap, /USING COVERING INDEX reports_public_order/, sitemap);
  assert.doesNotMatch(sitemap, /TEMP B-TREE/, sitemap);
});

test("changes a report's content key when its text changes and its placement key when it moves", async () => {
  const before = await readBuildState(site.db);
  const [first] = before.reports;
  await site.db.updateTable('reports').set({ version: 99, updated_at: '2026-11-21T00:00:00.000Z' }).where('id', '=', first!.id).execute();
  const edited = (await readBuildState(site.db)).reports.find((r) => r.id === first!.id)!;
  assert.notEqual(edited.contentKey, first!.contentKey);
  assert.equal(edited.placementKey, first!.placementKey);
  await site.db.updateTable('reports').set({ activity_date: '2023-01-01' }).where('id', '=', first!.id).execute();
  const moved = (await readBuildState(site.db)).reports.find((r) => r.id === first!.id)!;
  assert.notEqual(moved.placementKey, first!.placementKey);
  assert.deepEqual(
    (await readBuildState(site.db)).reports.filter((r) => r.id !== first!.id),
    before.reports.filter((r) => r.id !== first!.id),
  );
});

test('changes the site key when a confirmed activity record is saved, and not for an unconfirmed proposal', async () => {
  const [first] = (await readBuildState(site.db)).reports;
  const proposal = record({ participants: [participant('森田')] });
  const before = (await readBuildState(site.db)).siteKey;
  await storeRecord(site, first!.id, proposal, false);
  assert.equal((await readBuildState(site.db)).siteKey, before);
  await storeRecord(site, first!.id, proposal, true);
  assert.notEqual((await readBuildState(site.db)).siteKey, before);
});
