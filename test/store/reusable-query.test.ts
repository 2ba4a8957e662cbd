// A query compiled once per connection and run with new values (store/reusable-query.ts).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { reusableQuery } from '../../src/store/reusable-query.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { publishReport } from '../support/factories.js';

let site: TestSite;
let built = 0;
// A constant before the value and a limit after it: each value must land in its own place.
const titleOf = reusableQuery((db, v: { slug: string }) => {
  built++;
  return db.selectFrom('reports').select('title').where('status', '=', 'published').where('slug', '=', v.slug).limit(1);
});

before(async () => {
  site = await createTestSite();
});
after(async () => site.cleanup());

test('builds the query once per connection and answers each run with its own values', async () => {
  const a = await publishReport(site, { title: '一つ目', activityDate: '2024-05-01' });
  const b = await publishReport(site, { title: '二つ目', activityDate: '2024-05-02' });
  assert.deepEqual(await titleOf(site.db, { slug: a.slug }), [{ title: '一つ目' }]);
  assert.deepEqual(await titleOf(site.db, { slug: b.slug }), [{ title: '二つ目' }]);
  assert.deepEqual(await titleOf(site.db, { slug: 'no-such-report' }), []);
  assert.equal(built, 1);
});

test('sees a write made after it was compiled, and a transaction its own uncommitted rows', async () => {
  const c = await publishReport(site, { title: '三つ目', activityDate: '2024-05-03' });
  assert.deepEqual(await titleOf(site.db, { slug: c.slug }), [{ title: '三つ目' }]);
  await site.db.transaction().execute(async (trx) => {
    await trx.updateTable('reports').set({ title: '書き直し' }).where('id', '=', c.id).execute();
    assert.deepEqual(await titleOf(trx, { slug: c.slug }), [{ title: '書き直し' }]);
    await trx.updateTable('reports').set({ title: 'もう一度' }).where('id', '=', c.id).execute();
    assert.deepEqual(await titleOf(trx, { slug: c.slug }), [{ title: 'もう一度' }]);
  });
  assert.deepEqual(await titleOf(site.db, { slug: c.slug }), [{ title: 'もう一度' }]);
});

test('refuses a builder that does not pass a value to the query', async () => {
  const lost = reusableQuery((db, v: { slug: string; unused: string }) => db.selectFrom('reports').select('title').where('slug', '=', v.slug));
  await assert.rejects(lost(site.db, { slug: 'x', unused: 'y' }), /unused not among the compiled parameters/);
});
