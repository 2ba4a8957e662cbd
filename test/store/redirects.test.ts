import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addRedirect, addRedirects, findRedirect } from '../../src/store/redirects.js';
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

test('adds several old paths at once, collapsing chains through any of them and stopping the target redirecting', async () => {
  await site.db.transaction().execute(async (trx) => {
    await addRedirect(trx, '/first/', '/p1/', NOW);
    await addRedirect(trx, '/target/', '/elsewhere/', NOW);
    await addRedirects(trx, ['/p1/', '/p2/', '/p2/', '/target/'], '/target/', NOW);
  });
  assert.equal(await findRedirect(site.db, '/p1/'), '/target/');
  assert.equal(await findRedirect(site.db, '/p2/'), '/target/');
  assert.equal(await findRedirect(site.db, '/first/'), '/target/');
  assert.equal(await findRedirect(site.db, '/target/'), undefined);
});
