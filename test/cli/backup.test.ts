// katsudo backup / backup --verify / restore as a user runs them: a backup of a site that
// `katsudo serve` is running in another process, checked and restored; bad archives and
// occupied directories give a clear message and their own exit codes.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startCliServer, type CliServer } from '../support/cli-server.js';
import { runCli, withSiteDatabase } from '../support/cli-run.js';

let work: string;
let dataDir: string;
let server: CliServer;

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'katsudo-cli-backup-'));
  dataDir = join(work, 'data');
  // The demo gives reports, pages, files and settings; the server keeps the database open in WAL mode.
  server = await startCliServer({ dataDir });
  for (let i = 0; i < 200 && !/katsudo を起動しました/.test(server.output()); i++) await new Promise((resolve) => setTimeout(resolve, 100));
});
after(async () => {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
});

test('backs up a running site, verifies the archive and restores it into an empty directory', async () => {
  const archive = join(work, 'site.tar');
  const backup = runCli(['backup', '--out', archive, '--data', dataDir]);
  assert.equal(backup.code, 0, backup.stderr);
  assert.match(backup.stdout, /バックアップを作成しました: .*site\.tar\n活動報告\d+件、固定ページ\d+件/);
  const verify = runCli(['backup', '--verify', archive]);
  assert.equal(verify.code, 0, verify.stderr);
  assert.match(verify.stdout, /バックアップは正常です/);
  const target = join(work, 'restored');
  const restore = runCli(['restore', archive, '--data', target]);
  assert.equal(restore.code, 0, restore.stderr);
  const count = (dir: string) =>
    withSiteDatabase(
      dir,
      async (db) =>
        (
          await db
            .selectFrom('reports')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
    );
  assert.ok((await count(target)) > 0);
  assert.equal(await count(target), await count(dataDir));
});

test('with KATSUDO_MEDIA_DIR, restore puts the media files into that folder, and backup reads them from there', () => {
  const archive = join(work, 'media-dir.tar');
  assert.equal(runCli(['backup', '--out', archive, '--data', dataDir]).code, 0);
  const media = readdirSync(join(dataDir, 'media'), { recursive: true, withFileTypes: true }).filter((f) => f.isFile() && /^[0-9a-f]{64}$/.test(f.name));
  assert.ok(media.length > 0, 'the demo has media files');
  const mediaDir = join(work, 'shared-media');
  const target = join(work, 'restored-media-dir');
  const env = { KATSUDO_MEDIA_DIR: mediaDir };
  const restore = runCli(['restore', archive, '--data', target], { env });
  assert.equal(restore.code, 0, restore.stderr);
  assert.match(restore.stdout, /写真や PDF などのファイルは .*shared-media\(KATSUDO_MEDIA_DIR\)に復元しました。/);
  for (const file of media) assert.deepEqual(readFileSync(join(mediaDir, file.name.slice(0, 2), file.name)), readFileSync(join(file.parentPath, file.name)));
  assert.equal(existsSync(join(target, 'media')), false, 'no media/ under the data directory');
  assert.deepEqual(
    readdirSync(mediaDir).filter((name) => name.startsWith('.')),
    [],
    'no staging folder left',
  );
  const again = runCli(['backup', '--out', join(work, 'media-dir-again.tar'), '--data', target], { env });
  assert.equal(again.code, 0, again.stderr);
  assert.doesNotMatch(again.stdout, /見つからなかったファイル/);
  assert.match(again.stdout, new RegExp(`ファイル${media.length + 1}個`));
});

test('a damaged archive fails --verify and restore with exit code 65 and the damaged entry named', () => {
  const archive = join(work, 'damaged.tar');
  assert.equal(runCli(['backup', '--out', archive, '--data', dataDir]).code, 0);
  const bytes = readFileSync(archive);
  bytes[600] = bytes[600]! ^ 0xff; // inside katsudo.db, the first entry
  writeFileSync(archive, bytes);
  const verify = runCli(['backup', '--verify', archive]);
  assert.equal(verify.code, 65);
  assert.match(verify.stderr, /katsudo: katsudo\.db が壊れています: SHA-256 がマニフェストと違います/);
  const restore = runCli(['restore', archive, '--data', join(work, 'never')]);
  assert.equal(restore.code, 65);
});

test('restore into a directory with files is refused with exit code 73, naming them; a missing archive is named', () => {
  const archive = join(work, 'again.tar');
  assert.equal(runCli(['backup', '--out', archive, '--data', dataDir]).code, 0);
  const occupied = join(work, 'occupied');
  mkdirSync(occupied);
  writeFileSync(join(occupied, 'notes.txt'), 'keep me');
  const restore = runCli(['restore', archive, '--data', occupied]);
  assert.equal(restore.code, 73);
  assert.match(restore.stderr, /^katsudo: .*は空ではありません\(中身: notes\.txt\)。.*--force/);
  assert.equal(runCli(['restore', archive]).code, 2);
  const missing = runCli(['backup', '--verify', join(work, 'no-such.tar')]);
  assert.equal(missing.code, 65);
  assert.match(missing.stderr, /アーカイブ .*no-such\.tar を読めません: ファイルがありません/);
});
