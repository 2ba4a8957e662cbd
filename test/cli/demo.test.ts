// katsudo demo remove: the real CLI in a child process on a data directory holding the
// first-start demo. Without --yes it only says what would go; with it the site is left empty.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DEMO_REPORTS } from '../../src/demo/demo-content.js';
import { seedDemoIfEmpty } from '../../src/actions/site/seed-demo.js';
import { inlinePool } from '../../src/actions/runtime/work-pool.js';
import { runCli, withSiteDatabase } from '../support/cli-run.js';

const dir = mkdtempSync(join(tmpdir(), 'katsudo-demo-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const dataDir = join(dir, 'data');
const katsudo = (args: string[]) => runCli(['demo', ...args], { env: { KATSUDO_DATA_DIR: dataDir } });
const counts = () =>
  withSiteDatabase(dataDir, async (db) => {
    const n = async (table: 'reports' | 'pages' | 'media' | 'categories') => (await db.selectFrom(table).select('id').execute()).length;
    return { reports: await n('reports'), pages: await n('pages'), media: await n('media'), categories: await n('categories') };
  });

test('demo remove says what would go, removes it with --yes, and then finds nothing left', async () => {
  await withSiteDatabase(dataDir, (db) => seedDemoIfEmpty({ db, dataDir, now: () => new Date('2026-11-20T03:00:00.000Z'), work: inlinePool(db) }));
  const dry = katsudo(['remove']);
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, new RegExp(`活動報告${DEMO_REPORTS.length}件`));
  assert.match(dry.stdout, /--yes を付けて/);
  assert.equal((await counts()).reports, DEMO_REPORTS.length);

  const run = katsudo(['remove', '--yes']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, new RegExp(`^デモの内容を削除しました: 活動報告${DEMO_REPORTS.length}件、`, 'm'));
  assert.deepEqual(await counts(), { reports: 0, pages: 0, media: 0, categories: 0 });
  assert.match(katsudo(['remove']).stdout, /デモの内容は残っていません/);
});

test('a mistyped subcommand is a usage error', () => {
  const run = katsudo(['delete']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /katsudo demo remove/);
});
