// The archive navigation's counts are computed once per content version: uncached search
// pages (one per query) no longer each count every report on the main thread.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadArchiveData } from '../../src/site/components/load-archive-data.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { publishReport } from '../support/factories.js';

let site: TestSite;

before(async () => {
  site = await createTestSite();
  await publishReport(site, { activityDate: '2024-05-01', tags: ['外交'] });
});
after(async () => site.cleanup());

test('gives the same counts object while the content is unchanged, and new counts after a write', async () => {
  const first = await loadArchiveData(site.db);
  assert.equal(await loadArchiveData(site.db), first);
  assert.deepEqual(
    first.tags.map((t) => [t.name, t.count]),
    [['外交', 1]],
  );
  await publishReport(site, { activityDate: '2024-06-01', tags: ['外交'] });
  const after = await loadArchiveData(site.db);
  assert.notEqual(after, first);
  assert.deepEqual(
    after.tags.map((t) => [t.name, t.count]),
    [['外交', 2]],
  );
  assert.equal(after.months.length, 2);
});
