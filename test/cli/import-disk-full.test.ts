// Issue 13 item 3: import-text onto a disk that fills up part way stops at the full disk with
// 「保存先のディスクに空きがありません」 and its own exit code (74), keeping the reports written
// before it whole. The data folder is on a real small tmpfs (test/support/tmpfs.ts).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openDatabase } from '../../src/store/database.js';
import { runCli } from '../support/cli-run.js';
import { mountTmpfs } from '../support/tmpfs.js';

test('import-text stops at a full disk with the message and exit code 74, and what it wrote is whole', async (t) => {
  const disk = mountTmpfs(t, '6m');
  if (disk.path === undefined) return;
  t.after(disk.unmount);
  const texts = mkdtempSync(join(tmpdir(), 'katsudo-full-texts-'));
  t.after(() => rmSync(texts, { recursive: true, force: true }));
  for (let n = 1; n <= 30; n++) {
    writeFileSync(join(texts, `r${String(n).padStart(2, '0')}.txt`), `報告${n}\n2024年5月${(n % 28) + 1}日\n\n${`第${n}回の視察で岸壁と倉庫を見た。`.repeat(4000)}`);
  }
  const dataDir = join(disk.path, 'data');
  mkdirSync(dataDir);
  await (await openDatabase({ file: join(dataDir, 'katsudo.db') })).destroy();
  // Leave about 1.5 MB free: a few reports fit, thirty do not.
  const { bavail, bsize } = statfsSync(disk.path);
  writeFileSync(join(disk.path, 'filler'), Buffer.alloc(Math.max(0, bavail * bsize - 1_500_000)));

  const run = runCli(['import-text', texts], { env: { KATSUDO_DATA_DIR: dataDir } });
  assert.equal(run.code, 74, `${run.stdout}\n${run.stderr}`);
  assert.match(run.stderr, /保存先のディスクに空きがありません/);
  assert.doesNotMatch(run.stderr, /予期しない|cannot rollback/);
  assert.match(run.stdout, /途中で止まりました: /);

  rmSync(join(disk.path, 'filler'));
  const db = await openDatabase({ file: join(dataDir, 'katsudo.db') });
  try {
    const reports = await db.selectFrom('reports').select(['id', 'body_source']).execute();
    const sources = await db.selectFrom('import_sources').select('report_id').execute();
    assert.ok(reports.length < 30, 'the disk filled before the end');
    assert.equal(sources.length, reports.length, 'every report written has its source row, none without');
    for (const r of reports) assert.ok(r.body_source.length > 50_000, 'no report half-written');
  } finally {
    await db.destroy();
  }
});
