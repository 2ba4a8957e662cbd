// Backup archives: a consistent database copy and every media file, checked against the
// manifest on --verify and while restoring; refusals leave nothing half-restored.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { createBackup } from '../../../src/actions/site/backup/create-backup.js';
import { restoreBackup } from '../../../src/actions/site/backup/restore-backup.js';
import { TarWriter, listTarEntries, readTarEntry } from '../../../src/actions/site/backup/tar-archive.js';
import { verifyBackup } from '../../../src/actions/site/backup/verify-backup.js';
import { storeMedia } from '../../../src/actions/media/store-media.js';
import { BackupInvalidError, RestoreRefusedError } from '../../../src/domain/errors.js';
import { openDatabase } from '../../../src/store/database.js';
import { createTestSite, type TestSite } from '../../support/db.js';
import { publishReport } from '../../support/factories.js';
import { text } from '../../support/media-fixtures.js';

let site: TestSite;
let work: string;
let archive: string;
const clock = () => new Date('2026-12-06T03:00:00.000Z');

before(async () => {
  site = await createTestSite();
  await publishReport(site, { title: '予算委員会で質問' });
  await storeMedia(site, { bytes: text('配布資料の本文'), fileName: 'memo.txt', mime: 'text/plain' });
  work = mkdtempSync(join(tmpdir(), 'katsudo-backup-test-'));
  archive = join(work, 'site.tar');
  await createBackup({ dataDir: site.dataDir, outFile: archive, now: clock });
});
after(async () => {
  await site.cleanup();
  rmSync(work, { recursive: true, force: true });
});

function tables(file: string): string[] {
  const db = new SqliteDatabase(file, { readonly: true });
  try {
    return db.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[];
  } finally {
    db.close();
  }
}

test('a copy of a fresh site database file lacks the tables still in its WAL; the backup has them', async () => {
  const fresh = await createTestSite();
  const dir = mkdtempSync(join(work, 'fresh-'));
  try {
    copyFileSync(join(fresh.dataDir, 'katsudo.db'), join(dir, 'copied.db'));
    assert.deepEqual(tables(join(dir, 'copied.db')), []);
    await createBackup({ dataDir: fresh.dataDir, outFile: join(dir, 'fresh.tar'), now: clock });
    await restoreBackup({ archive: join(dir, 'fresh.tar'), dataDir: join(dir, 'restored'), isForced: false, now: clock });
    assert.ok(tables(join(dir, 'restored', 'katsudo.db')).includes('reports'));
  } finally {
    await fresh.cleanup();
  }
});

test('the manifest lists the database copy and each media file with its size and SHA-256', async () => {
  const manifest = await verifyBackup(archive);
  assert.equal(manifest.createdAt, '2026-12-06T03:00:00.000Z');
  assert.match(manifest.schemaVersion, /^\d{4}-/);
  assert.match(manifest.katsudoVersion, /^\d+\.\d+\.\d+/);
  // The report was created with its first revision (every creation writes one).
  assert.deepEqual(manifest.counts, { reports: 1, pages: 0, revisions: 1, users: 0, media: 1 });
  assert.deepEqual(
    manifest.files.map((file) => file.path.replace(/[0-9a-f]{64}$/, '<sha>')),
    ['katsudo.db', `media/${manifest.files[1]!.path.slice(6, 8)}/<sha>`],
  );
  assert.equal(manifest.files[1]!.path.endsWith(manifest.files[1]!.sha256), true);
});

test('restoring gives the same database content and media bytes', async () => {
  const target = join(work, 'restored');
  await restoreBackup({ archive, dataDir: target, isForced: false, now: clock });
  const db = await openDatabase({ file: join(target, 'katsudo.db') });
  try {
    const titles = await db.selectFrom('reports').select('title').execute();
    assert.deepEqual(titles, [{ title: '予算委員会で質問' }]);
    const { sha256 } = await db.selectFrom('media').select('sha256').executeTakeFirstOrThrow();
    assert.equal(readFileSync(join(target, 'media', sha256.slice(0, 2), sha256), 'utf8'), '配布資料の本文');
  } finally {
    await db.destroy();
  }
});

async function damagedCopy(name: string, damage: (file: string) => Promise<void>): Promise<string> {
  const copy = join(work, name);
  copyFileSync(archive, copy);
  await damage(copy);
  return copy;
}

async function flipByteOf(file: string, path: string): Promise<void> {
  const entry = (await listTarEntries(file)).find((e) => e.path.startsWith(path))!;
  const handle = await open(file, 'r+');
  const byte = Buffer.alloc(1);
  await handle.read(byte, 0, 1, entry.dataOffset);
  byte[0] = byte[0]! ^ 0xff;
  await handle.write(byte, 0, 1, entry.dataOffset);
  await handle.close();
}

/** The archive written again with entries dropped or added (a manifest that no longer fits). */
async function rewritten(name: string, change: { drop?: string; add?: string; manifest?: (manifest: Record<string, unknown>) => unknown }): Promise<string> {
  const out = join(work, name);
  const tar = new TarWriter(out, clock());
  for (const entry of await listTarEntries(archive)) {
    if (change.drop !== undefined && entry.path.startsWith(change.drop)) continue;
    const chunks: Buffer[] = [];
    for await (const chunk of readTarEntry(archive, entry)) chunks.push(chunk);
    if (entry.path === 'manifest.json' && change.add !== undefined) await tar.addBuffer(change.add, Buffer.from('extra'));
    const data =
      entry.path === 'manifest.json' && change.manifest !== undefined
        ? Buffer.from(JSON.stringify(change.manifest(JSON.parse(Buffer.concat(chunks).toString()))))
        : Buffer.concat(chunks);
    await tar.addBuffer(entry.path, data);
  }
  await tar.close();
  return out;
}

test('--verify names a damaged media file, a damaged database, a missing and an extra entry, and a truncated archive', async () => {
  const cases: [string, Promise<string>, RegExp][] = [
    ['media', damagedCopy('media.tar', (f) => flipByteOf(f, 'media/')), /media\/.* が壊れています: SHA-256 がマニフェストと違います/],
    ['database', damagedCopy('db.tar', (f) => flipByteOf(f, 'katsudo.db')), /katsudo\.db が壊れています/],
    ['missing', rewritten('missing.tar', { drop: 'media/' }), /media\/.* はマニフェストにありますが、アーカイブに入っていません/],
    ['extra', rewritten('extra.tar', { add: `media/00/${'0'.repeat(64)}` }), /マニフェストにないファイルがアーカイブに入っています: media\/00\/0+/],
    ['truncated', damagedCopy('short.tar', async (f) => writeFileSync(f, readFileSync(f).subarray(0, 1024))), /途中で(切れています|終わっています)/],
    ['no manifest', rewritten('nomanifest.tar', { drop: 'manifest.json' }), /manifest\.json がありません/],
    ['foreign manifest', rewritten('foreign.tar', { manifest: (m) => ({ ...m, files: undefined }) }), /katsudo のバックアップのマニフェスト.*ではありません/],
    [
      'entry listed twice',
      rewritten('twice.tar', { manifest: (m) => ({ ...m, files: [...(m.files as unknown[]), (m.files as unknown[])[0]] }) }),
      /同じ項目が2回あります/,
    ],
  ];
  for (const [what, file, message] of cases) {
    await assert.rejects(verifyBackup(await file), (error: unknown) => error instanceof BackupInvalidError && message.test(error.message), what);
  }
});

test('a damaged archive restores nothing: the target does not appear and no temporary directory is left', async () => {
  const damaged = await damagedCopy('damaged-restore.tar', (f) => flipByteOf(f, 'media/'));
  const parent = mkdtempSync(join(work, 'parent-'));
  await assert.rejects(restoreBackup({ archive: damaged, dataDir: join(parent, 'data'), isForced: false, now: clock }), BackupInvalidError);
  assert.deepEqual(readdirSync(parent), []);
});

test('restore refuses a directory holding files and says what is there; --force moves them aside', async () => {
  const target = join(work, 'busy');
  mkdirSync(target);
  writeFileSync(join(target, 'katsudo.db'), 'old');
  await assert.rejects(
    restoreBackup({ archive, dataDir: target, isForced: false, now: clock }),
    (error: unknown) => error instanceof RestoreRefusedError && /は空ではありません\(中身: katsudo\.db\)/.test(error.message),
  );
  assert.equal(readFileSync(join(target, 'katsudo.db'), 'utf8'), 'old');
  const result = await restoreBackup({ archive, dataDir: target, isForced: true, now: clock });
  assert.equal(readFileSync(join(result.movedAsideTo!, 'katsudo.db'), 'utf8'), 'old');
  assert.ok(tables(join(target, 'katsudo.db')).includes('reports'));
});

test('restore refuses an archive from a katsudo with a newer database schema', async () => {
  const newer = await createTestSite();
  try {
    await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01T00:00:00.000Z')`.execute(newer.db);
    const file = join(work, 'newer.tar');
    await createBackup({ dataDir: newer.dataDir, outFile: file, now: clock });
    const target = join(work, 'newer-target');
    await assert.rejects(
      restoreBackup({ archive: file, dataDir: target, isForced: false, now: clock }),
      (error: unknown) => error instanceof RestoreRefusedError && /スキーマ 9999-from-the-future.*katsudo を新しくしてから復元してください/.test(error.message),
    );
    assert.equal(existsSync(target), false);
  } finally {
    await newer.cleanup();
  }
});
