// The test issue 13 names: a backup taken while HTTP saves, an import and uploads run restores
// to one moment of the source. Writes that finished before that moment are there whole (a
// report with all its revisions, a file with its record), later ones not at all, and every
// row and media byte that is there equals the source's.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { createBackup } from '../../../src/actions/site/backup/create-backup.js';
import { restoreBackup } from '../../../src/actions/site/backup/restore-backup.js';
import { importText } from '../../../src/actions/import/import-text.js';
import { storeMedia } from '../../../src/actions/media/store-media.js';
import { getEditableReport } from '../../../src/store/reports.js';
import { addTestUser, logIn } from '../../support/admin.js';
import { createTestApp } from '../../support/app.js';
import { publishReport, setSettings } from '../../support/factories.js';
import { text } from '../../support/media-fixtures.js';

type Row = Record<string, unknown>;
const TABLES = ['reports', 'pages', 'revisions', 'users', 'settings', 'media', 'report_tags', 'categories', 'attachments'];

function dump(file: string): Record<string, Row[]> {
  const db = new SqliteDatabase(file, { readonly: true });
  try {
    return Object.fromEntries(TABLES.map((table) => [table, db.prepare(`select * from ${table} order by rowid`).all() as Row[]]));
  } finally {
    db.close();
  }
}

/**
 * Runs `step(1)`, `step(2)`, … one after another until `isDone()`, at least `minimum` times.
 * Each step starts from a fresh turn of the event loop, as a request or an import's next file
 * does: better-sqlite3 answers inside one turn, so a bare loop would never let the backup step.
 */
async function repeat(minimum: number, isDone: () => boolean, step: (n: number) => Promise<unknown>): Promise<number> {
  let n = 0;
  while (n < minimum || !isDone()) {
    await new Promise((resolve) => setImmediate(resolve));
    await step(++n);
  }
  return n;
}

test('a backup taken during saves, an import and uploads restores every row and byte of one moment', async () => {
  const t = await createTestApp({ seed: (site) => setSettings(site) });
  const work = mkdtempSync(join(tmpdir(), 'katsudo-backup-moment-'));
  try {
    await addTestUser(t.site, { login: 'editor', role: 'editor' });
    const editor = await logIn(t.app, 'editor');
    // Enough text that the backup API copies the database in several steps, with writes between.
    for (let i = 0; i < 60; i++) await publishReport(t.site, { title: `既存の報告${i}`, bodySource: `1 概要\n\n${'委員会で質疑を行った。'.repeat(400)}` });
    const edited = await publishReport(t.site, { title: '書き直される報告' });
    let isBackedUp = false;
    const isDone = () => isBackedUp;
    const archive = join(work, 'site.tar');
    await Promise.all([
      createBackup({ dataDir: t.site.dataDir, outFile: archive, now: () => new Date() }).finally(() => (isBackedUp = true)),
      repeat(3, isDone, async (n) => {
        const response = await editor.post('/admin/reports/new', { title: `保存${n}`, activityDate: '2026-10-01', bodySource: `本文${n}。`, intent: 'save' });
        assert.equal(response.statusCode, 303);
      }),
      repeat(3, isDone, async (n) => {
        const report = await getEditableReport(t.site.db, edited.id);
        const form = { title: report.title, activityDate: report.activityDate, slug: report.slug, expectedVersion: String(report.version) };
        const response = await editor.post(`/admin/reports/${edited.id}/edit`, { ...form, bodySource: `${n}回目の書き直し。`, intent: 'save' });
        assert.equal(response.statusCode, 303);
      }),
      repeat(3, isDone, (n) => importText(t.site, { content: `取り込み${n}\n2026年10月${(n % 28) + 1}日\n\n取り込んだ本文${n}。` })),
      repeat(3, isDone, (n) => storeMedia(t.site, { bytes: text(`資料${n}の本文`), fileName: `資料${n}.txt`, mime: 'text/plain' })),
    ]);
    const target = join(work, 'restored');
    await restoreBackup({ archive, dataDir: target, isForced: false, now: () => new Date() });
    const source = dump(join(t.site.dataDir, 'katsudo.db'));
    const restored = dump(join(target, 'katsudo.db'));

    // Each stream of writes is there up to some point and not after it (one moment, not torn).
    const titles = (restored.reports ?? []).map((r) => String(r.title));
    for (const prefix of ['保存', '取り込み']) {
      const numbers = titles.filter((title) => title.startsWith(prefix)).map((title) => Number(title.slice(prefix.length)));
      assert.deepEqual(
        numbers,
        numbers.map((_, i) => i + 1),
        `${prefix}: ${numbers}`,
      );
    }
    const files = (restored.media ?? []).map((m) => Number(/資料(\d+)/.exec(String(m.original_name))![1]));
    assert.deepEqual(
      files,
      files.map((_, i) => i + 1),
    );

    // The edited report is at one version, with exactly the revisions up to it and that text.
    const editedRow = restored.reports!.find((r) => r.id === edited.id)!;
    const version = Number(editedRow.version);
    const editedRevisions = source.revisions!.filter((r) => r.report_id === edited.id && Number(r.version) <= version);
    if (version > 1) assert.equal(editedRow.body_source, editedRevisions.find((r) => Number(r.version) === version)!.body_source);

    // Every other row equals the source's; every revision of a restored report is there.
    const restoredReportIds = new Set(restored.reports!.map((r) => r.id));
    const expectedRevisions = source.revisions!.filter((r) => restoredReportIds.has(r.report_id) && (r.report_id !== edited.id || Number(r.version) <= version));
    assert.deepEqual(restored.revisions, expectedRevisions);
    for (const table of TABLES) {
      if (table === 'revisions') continue;
      const sourceById = new Map(source[table]!.map((row) => [JSON.stringify(row.id ?? row.key ?? [row.report_id, row.tag_id, row.media_id]), row]));
      for (const row of restored[table]!) {
        if (table === 'reports' && row.id === edited.id) continue;
        assert.deepEqual(row, sourceById.get(JSON.stringify(row.id ?? row.key ?? [row.report_id, row.tag_id, row.media_id])), `${table} ${String(row.id ?? row.key)}`);
      }
    }
    assert.deepEqual(restored.users, source.users);
    assert.deepEqual(restored.settings, source.settings);

    // Every media record's bytes are restored exactly.
    for (const media of restored.media!) {
      const path = join('media', String(media.sha256).slice(0, 2), String(media.sha256));
      assert.deepEqual(readFileSync(join(target, path)), readFileSync(join(t.site.dataDir, path)));
    }
  } finally {
    await t.close();
    rmSync(work, { recursive: true, force: true });
  }
});
