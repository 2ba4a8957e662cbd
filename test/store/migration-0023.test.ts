// Migration 0023 (search words by a pure rule): a site indexed with Intl.Segmenter's words
// ranks by the new words after the upgrade, without a manual step; reports, pages and
// attachment texts stay searchable, drafts stay out.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../../src/store/database.js';
import { databaseBefore } from '../support/database-before.js';

const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

test('indexes every published report and page again with the words of the new rule, attachments kept, drafts out', async () => {
  const old = await databaseBefore('0023');
  const { dir, file, sqlite } = old;
  try {
    const at = '2020-01-01T00:00:00Z';
    const report = sqlite.prepare(
      `insert into reports (slug, title, activity_date, published_at, status, body_source, body_html, body_text, created_at, updated_at)
       values (?, ?, '2020-01-01', '${at}', ?, '', '', ?, '${at}', '${at}')`,
    );
    report.run('a', '外交官の研修', 'published', '外交官の研修に参加した。');
    report.run('b', '外交官の下書き', 'draft', '外交官の下書き。');
    sqlite
      .prepare(
        `insert into pages (slug, title, status, body_source, body_html, body_text, created_at, updated_at) values ('p', '中国語講座', 'published', '', '', '中国語講座の案内。', '${at}', '${at}')`,
      )
      .run();
    sqlite
      .prepare(
        `insert into media (sha256, original_name, mime, bytes, created_at, text, text_status) values (?, 'a.pdf', 'application/pdf', 10, '${at}', '鳴門海峡の資料', 'complete')`,
      )
      .run('a'.repeat(64));
    sqlite.prepare(`insert into attachments (report_id, media_id, label) values (1, 1, '資料')`).run();
    // What the old rule wrote: Intl.Segmenter keeps 外交官 and 中国語 as single words.
    sqlite
      .prepare(
        `insert into report_search (rowid, title, body, words, attachments) values (1, '外交 交官 官の の研 研修 修', '', '外交官 の 研修', '鳴門 門海 海峡 峡の の資 資料 料')`,
      )
      .run();
    sqlite.prepare(`insert into page_search (rowid, title, body, words, attachments) values (1, '中国 国語 語講 講座 座', '', '中国語 講座', '')`).run();
    const before = sqlite.prepare(`select rowid as id from report_search where report_search match 'words : "外交"'`).all() as { id: number }[];
    assert.deepEqual(ids(before), [], 'the old words do not hold 外交');
    await old.close();

    const db = await openDatabase({ file });
    try {
      const asWord = await sql<{ id: number }>`select rowid as id from report_search where report_search match 'words : "外交"'`.execute(db);
      assert.deepEqual(ids(asWord.rows), [1], '外交官 is 外交 | 官 now');
      const page = await sql<{ id: number }>`select rowid as id from page_search where page_search match 'words : "中国"'`.execute(db);
      assert.deepEqual(ids(page.rows), [1]);
      const text = await sql<{ id: number }>`select rowid as id from report_search where report_search match '{title body attachments} : "研修"'`.execute(db);
      assert.deepEqual(ids(text.rows), [1]);
      const attached = await sql<{ id: number }>`select rowid as id from report_search where report_search match 'attachments : "鳴門 門海 海峡"'`.execute(db);
      assert.deepEqual(ids(attached.rows), [1]);
      const all = await sql<{ n: number }>`select count(*) as n from report_search where report_search match '"外交"'`.execute(db);
      assert.equal(all.rows[0]!.n, 1, 'the draft stays out');
    } finally {
      await db.destroy();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
