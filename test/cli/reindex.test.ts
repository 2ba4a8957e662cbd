import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createReport } from '../../src/actions/reports/create-report.js';
import { storeMedia } from '../../src/actions/media/store-media.js';
import { inlinePool } from '../../src/actions/runtime/work-pool.js';
import { parseSearchQuery } from '../../src/domain/search/query.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { clearSearchIndex, findSearchHits } from '../../src/store/search.js';
import { draft } from '../support/factories.js';
import { makeTextPdf } from '../support/text-pdf.js';
import { runCli } from '../support/cli-run.js';

const COUNT = 25;
let dir: string;

function katsudo(args: string[]) {
  return runCli(args, { env: { KATSUDO_DATA_DIR: dir } });
}

async function withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDatabase({ file: join(dir, 'katsudo.db') });
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

const total = (db: Db, q: string) => findSearchHits(db, parseSearchQuery(q)!, {}, { offset: 0, limit: 100 }).then((h) => h.total);

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'katsudo-reindex-'));
  await withDb(async (db) => {
    const ctx = { db, dataDir: dir, now: () => new Date('2026-11-20T03:00:00Z'), work: inlinePool(db) };
    for (let i = 0; i < COUNT; i++) {
      await createReport(ctx, draft({ title: `地元視察${i}`, bodySource: `鱒寿司の製造現場${i}を視察した。` }), { status: 'published' });
    }
    await createReport(ctx, draft({ title: '下書き', bodySource: '下書きの鱒寿司。' }), { status: 'draft' });
    await db.transaction().execute((trx) => clearSearchIndex(trx));
    assert.equal(await total(db, '鱒寿司'), 0);
  });
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('katsudo reindex rebuilds an emptied index from the published reports, printing progress and a summary', async () => {
  const run = katsudo(['reindex']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, new RegExp(`^${COUNT}件の活動報告を索引に登録しました\\(\\d+\\.\\d秒\\)。\\n$`));
  // Not a terminal: a line per step instead of a redrawn bar.
  assert.match(run.stderr, new RegExp(`検索索引を再構築中 100% ${COUNT}/${COUNT}\\n`));
  await withDb(async (db) => {
    assert.equal(await total(db, '鱒寿司'), COUNT);
    assert.equal(await total(db, '下書き'), 0);
    assert.equal(await total(db, '製造現場7'), 1);
  });
});

test('katsudo reindex --data takes the data directory, and refuses unknown options', async () => {
  const run = katsudo(['reindex', '--data', dir]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /25件/);
  const bad = katsudo(['reindex', '--fast']);
  assert.notEqual(bad.code, 0);
  assert.notEqual(bad.stderr, '');
});

test('katsudo reindex first reads PDFs stored before their text was kept, and says how many', async () => {
  await withDb(async (db) => {
    const ctx = { db, dataDir: dir, now: () => new Date('2026-11-20T03:00:00Z'), work: inlinePool(db) };
    const media = await storeMedia(ctx, { bytes: makeTextPdf(['鮎の遡上調査']), fileName: 'old.pdf', mime: 'application/pdf' });
    await db.updateTable('media').set({ text: null, text_status: null }).where('id', '=', media.id).execute();
    await createReport(ctx, draft({ title: '川の視察' }), { status: 'published', attachments: [{ mediaId: media.id, label: '調査資料' }] });
    await db.transaction().execute((trx) => clearSearchIndex(trx));
  });
  const run = katsudo(['reindex']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^以前に登録されたPDF 1件の本文を読み取りました。\n/);
  await withDb(async (db) => assert.equal(await total(db, '鮎の遡上'), 1));
});
