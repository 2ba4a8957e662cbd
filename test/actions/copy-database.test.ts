// The whole-site copy reads and writes in keyset pages of a fixed size (issue 15: memory flat in
// the site's size): forced to 3 rows a page, a site whose tables hold many more rows is copied
// whole, no page holds more than 3 rows, and the copy's own check (counts and checksums, read
// in the same pages) passes. SQLite → SQLite, or SQLite → PostgreSQL under KATSUDO_TEST_DATABASE=postgres.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { copySite, type CopyProgress, type CopyResult } from '../../src/actions/site/copy-database.js';
import { seedDemoIfEmpty } from '../../src/actions/site/seed-demo.js';
import type { Db } from '../../src/store/database.js';
import { listTables } from '../../src/store/dialects/table-catalog.js';
import { canonicalRow, readRows } from '../../src/store/site-copy.js';
import { createTestSite, type TestSite } from '../support/db.js';

const PAGE_ROWS = 3;

let source: TestSite;
let target: TestSite;
let result: CopyResult;
const progress: CopyProgress[] = [];

before(async () => {
  source = await createTestSite({ backend: 'sqlite' });
  await seedDemoIfEmpty(source);
  target = await createTestSite();
  result = await copySite(source, target, { batchRows: PAGE_ROWS, onProgress: (step) => progress.push(step) });
});
after(async () => {
  await source.cleanup();
  await target.cleanup();
});

/** A table's rows in canonical form, sorted (the engines order text differently). */
async function rowsOf(db: Db, name: string): Promise<string[]> {
  const shape = (await listTables(db)).find((t) => t.name === name)!;
  const rows: string[] = [];
  for await (const batch of readRows(db, shape)) rows.push(...batch.map((row) => canonicalRow(shape, row)));
  return rows.sort();
}

test('copies in pages of the given size: no page holds more rows, and each table arrives whole', () => {
  const copying = progress.filter((step) => step.phase === 'copy');
  for (const table of result.tables) {
    const steps = copying.filter((step) => step.table === table.name);
    const sizes = steps.map((step, i) => step.done - (i === 0 ? 0 : steps[i - 1]!.done));
    assert.ok(
      sizes.every((n) => n <= PAGE_ROWS),
      `${table.name}: pages of ${sizes.join(', ')} rows`,
    );
    assert.equal(steps.at(-1)?.done, table.rows, `${table.name}: every row copied`);
  }
  const reports = result.tables.find((t) => t.name === 'reports')!;
  assert.ok(reports.rows > 2 * PAGE_ROWS, 'the demo has reports over several pages');
  assert.equal(copying.filter((step) => step.table === 'reports').length, Math.ceil(reports.rows / PAGE_ROWS));
});

test('the copy read in small pages equals the source row by row, self-references included', async () => {
  for (const name of ['reports', 'pages', 'revisions', 'media', 'settings']) assert.deepEqual(await rowsOf(target.db, name), await rowsOf(source.db, name), name);
  const children = await target.db.selectFrom('pages').select('id').where('parent_id', 'is not', null).execute();
  assert.ok(children.length > 0, 'the demo has pages under a parent');
});
