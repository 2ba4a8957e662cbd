import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addRedirect, findRedirect } from '../../src/store/redirects.js';
import { createTestSite, type TestSite } from '../support/db.js';

let site: TestSite;
before(async () => {
  site = await createTestSite();
});
after(async () => site.cleanup());

const NOW = '2026-01-01T00:00:00.000Z';

test('collapses a chain of redirects into one hop', async () => {
  await site.db.transaction().execute(async (trx) => {
    await addRedirect(trx, '/old/', '/middle/', NOW);
    await addRedirect(trx, '/middle/', '/new/', NOW);
  });
  assert.equal(await findRedirect(site.db, '/old/'), '/new/');
  assert.equal(await findRedirect(site.db, '/middle/'), '/new/');
});

test('stops redirecting a path that becomes a target again', async () => {
  await site.db.transaction().execute(async (trx) => {
    await addRedirect(trx, '/a/', '/b/', NOW);
    await addRedirect(trx, '/b/', '/a/', NOW);
  });
  assert.equal(await findRedirect(site.db, '/a/'), undefined);
  assert.equal(await findRedirect(site.db, '/b/'), '/a/');
});
