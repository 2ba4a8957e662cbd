// Migration 0015: reports and pages rendered before render versions existed count as version 1,
// so the first start after it renders them again (actions/render/rerender.ts).
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { test } from 'node:test';
import { openDatabase } from '../../src/store/database.js';
import { countStale } from '../../src/store/render-versions.js';
import { databaseBefore } from '../support/database-before.js';

test('marks every existing report and page as rendered by version 1', async () => {
  const old = await databaseBefore('0015');
  try {
    const stamp = '2020-01-01T00:00:00Z';
    old.sqlite
      .prepare(
        `insert into reports (slug, title, activity_date, status, body_source, body_html, body_text, created_at, updated_at) values ('a', '報告', '2020-01-01', 'draft', '', '', '', ?, ?)`,
      )
      .run(stamp, stamp);
    old.sqlite
      .prepare(
        `insert into pages (slug, title, position, status, body_source, body_html, body_text, outline_json, summary, version, created_at, updated_at) values ('p', 'ページ', 0, 'draft', '', '', '', '[]', '', 1, ?, ?)`,
      )
      .run(stamp, stamp);
    await old.close();

    const db = await openDatabase({ file: old.file });
    try {
      assert.deepEqual(await db.selectFrom('reports').select('render_version').execute(), [{ render_version: 1 }]);
      assert.deepEqual(await db.selectFrom('pages').select('render_version').execute(), [{ render_version: 1 }]);
      assert.deepEqual([await countStale(db, 'report'), await countStale(db, 'page')], [1, 1]);
    } finally {
      await db.destroy();
    }
  } finally {
    rmSync(old.dir, { recursive: true, force: true });
  }
});
