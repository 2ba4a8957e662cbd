// `katsudo rerender` and the re-rendering `katsudo serve` starts: a report stored by an older
// renderer (version 1) gets the current HTML and search entry; current ones are not counted.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createReport } from '../../src/actions/reports/create-report.js';
import { inlinePool } from '../../src/actions/runtime/work-pool.js';
import { parseSearchQuery } from '../../src/domain/search/query.js';
import { searchDocument } from '../../src/domain/search/document.js';
import { render } from '../../src/domain/text-format/render.js';
import { RENDER_VERSION } from '../../src/domain/text-format/render-version.js';
import type { Db } from '../../src/store/database.js';
import { findSearchHits, indexReport } from '../../src/store/search.js';
import { runCli, withSiteDatabase } from '../support/cli-run.js';
import { startCliServer } from '../support/cli-server.js';
import { draft } from '../support/factories.js';

const OLD_HTML = '<p>旧描画の本文</p>';
const BODY = '1 概要\n\n(1)鱒寿司の製造現場を視察した。';

/** A data directory with `current` reports as saved today and `stale` as an older renderer left them. */
async function siteWith(current: number, stale: number): Promise<{ dir: string; staleIds: number[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'katsudo-rerender-'));
  const staleIds = await withSiteDatabase(dir, async (db) => {
    const ctx = { db, dataDir: dir, now: () => new Date('2026-11-20T03:00:00Z'), work: inlinePool(db) };
    for (let i = 0; i < current; i++) await createReport(ctx, draft(), { status: 'published' });
    const ids: number[] = [];
    for (let i = 0; i < stale; i++) {
      const { id } = await createReport(ctx, draft({ title: `古い報告${i}`, bodySource: BODY, slug: `old-${i}` }), { status: 'published' });
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('reports').set({ body_html: OLD_HTML, body_text: '旧描画の本文', render_version: 1 }).where('id', '=', id).execute();
        await indexReport(trx, id, searchDocument(`古い報告${i}`, '旧描画の本文'));
      });
      ids.push(id);
    }
    return ids;
  });
  return { dir, staleIds };
}

const hits = (db: Db, q: string) => findSearchHits(db, parseSearchQuery(q)!, {}, { offset: 0, limit: 100 }).then((h) => h.total);

test('katsudo rerender renders the stale reports with their search entries and says how many', async () => {
  const { dir, staleIds } = await siteWith(3, 2);
  try {
    const run = runCli(['rerender'], { env: { KATSUDO_DATA_DIR: dir } });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^活動報告2件・固定ページ0件を再描画しました\(\d+\.\d秒\)。\n$/);
    assert.match(run.stderr, /再描画中 100% 2\/2\n/);
    await withSiteDatabase(dir, async (db) => {
      const rows = await db.selectFrom('reports').select(['id', 'body_html', 'render_version']).where('id', 'in', staleIds).execute();
      for (const row of rows) assert.deepEqual([row.body_html, row.render_version], [render(BODY).html, RENDER_VERSION]);
      assert.equal(await hits(db, '旧描画'), 0);
      assert.equal(await hits(db, '製造現場'), 2);
    });

    const again = runCli(['rerender'], { env: { KATSUDO_DATA_DIR: dir } });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /再描画が必要な活動報告・固定ページはありません/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('katsudo serve renders stale reports at start, on its work threads, and logs the progress', async () => {
  const { dir } = await siteWith(1, 3);
  const server = await startCliServer({ dataDir: dir, args: ['--no-demo'] });
  try {
    const deadline = Date.now() + 30_000;
    let html = '';
    while (Date.now() < deadline) {
      html = await fetch(server.url('/activity/old-2/')).then(
        (r) => r.text(),
        () => '',
      );
      if (html.includes('製造現場')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.match(html, /製造現場/, server.output());
    assert.doesNotMatch(html, /旧描画/);
    // The summary is logged after the index merge that follows the last write: a reader can
    // see the new page a moment before it.
    while (Date.now() < deadline && !server.output().includes('再描画しました。')) await new Promise((r) => setTimeout(r, 50));
    assert.match(server.output(), /古い描画方式の活動報告・固定ページを再描画中 100% 3\/3/);
    assert.match(server.output(), /活動報告3件・固定ページ0件を再描画しました。/);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
