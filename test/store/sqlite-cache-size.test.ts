// SQLite's page cache per connection is SQLite's stock 2 MB, not the 16 MB better-sqlite3
// compiles in: the server's connection and each work thread's hold no more than that.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { Db } from '../../src/store/database.js';
import { openReadOnlyDatabase } from '../../src/store/read-only-database.js';
import { SQLITE_CACHE_KIB } from '../../src/store/sqlite-cache-size.js';
import { createTestSite, type TestSite } from '../support/db.js';

let site: TestSite;
before(async () => {
  site = await createTestSite();
});
after(() => site.cleanup());

async function cacheSize(db: Db): Promise<number> {
  const { rows } = await sql<{ cache_size: number }>`pragma cache_size`.execute(db);
  return rows[0]!.cache_size;
}

test('the main connection caches at most 2 MB of pages', async () => {
  assert.equal(SQLITE_CACHE_KIB, 2048);
  assert.equal(await cacheSize(site.db), -2048);
});

test('a read-only connection (a work thread) caches at most 2 MB of pages', async () => {
  const reader = openReadOnlyDatabase(join(site.dataDir, 'katsudo.db'));
  try {
    assert.equal(await cacheSize(reader), -2048);
  } finally {
    await reader.destroy();
  }
});
