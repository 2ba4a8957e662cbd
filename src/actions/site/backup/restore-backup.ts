// Restoring a backup archive into a data directory: everything is written and checked in a
// temporary directory beside the target, which takes the target's name only at the end.
// With a media folder of its own (KATSUDO_MEDIA_DIR), the media files go there instead: staged
// in a hidden folder inside it (same file system), moved into place once all is checked.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { RestoreRefusedError } from '../../../domain/errors.js';
import type { MediaLocation } from '../../../domain/media-location.js';
import { mediaFilePath } from '../../../store/media-files.js';
import { MIGRATIONS } from '../../../store/migrate.js';
import { DATABASE_PATH, mediaEntrySha256, type BackupManifest } from './backup-manifest.js';
import { readBackup } from './read-backup.js';

export interface RestoreOptions {
  archive: string;
  dataDir: string;
  /**
   * KATSUDO_MEDIA_DIR: the media are restored into this folder (which may hold files: names are
   * content hashes, so a file of the same name has the same bytes) and not under the data directory.
   */
  mediaDir?: string | undefined;
  /** Restore over a directory that holds files: they are moved aside, never deleted. */
  isForced: boolean;
  now: () => Date;
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Where the directory's previous contents went (with isForced), if it had any. */
  movedAsideTo?: string;
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const target = resolve(options.dataDir);
  const existing = existsSync(target) ? readdirSync(target) : [];
  if (existing.length > 0 && !options.isForced) {
    const shown = existing.slice(0, 10).join(', ') + (existing.length > 10 ? `、…(全${existing.length}件)` : '');
    throw new RestoreRefusedError(
      `${target} は空ではありません(中身: ${shown})。空のディレクトリに復元するか、--force を付けて中身を別の名前に移してから復元してください。`,
    );
  }
  mkdirSync(dirname(target), { recursive: true });
  const suffix = randomBytes(6).toString('hex');
  const temp = join(dirname(target), `.${basename(target)}.restoring-${suffix}`);
  const staged = options.mediaDir === undefined ? undefined : join(options.mediaDir, `.restoring-${suffix}`);
  mkdirSync(temp);
  try {
    const manifest = await readBackup(options.archive, { scratchDir: temp, target: { dataDir: temp, mediaDir: staged }, acceptManifest: refuseNewerSchema });
    // The media first: the database that names them appears last.
    if (staged !== undefined) moveMedia(manifest, { dataDir: temp, mediaDir: staged }, { dataDir: target, mediaDir: options.mediaDir });
    let movedAsideTo: string | undefined;
    if (existing.length > 0) {
      movedAsideTo = `${target}.before-restore-${options.now().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(target, movedAsideTo);
    } else if (existsSync(target)) {
      rmdirSync(target);
    }
    renameSync(temp, target);
    return { manifest, ...(movedAsideTo === undefined ? {} : { movedAsideTo }) };
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  } finally {
    if (staged !== undefined) rmSync(staged, { recursive: true, force: true });
  }
}

/** Moves the archive's media files from the staging folder into the media folder (same file system: renames). */
function moveMedia(manifest: BackupManifest, from: MediaLocation, to: MediaLocation): void {
  for (const file of manifest.files) {
    if (file.path === DATABASE_PATH) continue;
    const sha256 = mediaEntrySha256(file.path);
    const destination = mediaFilePath(to, sha256);
    mkdirSync(dirname(destination), { recursive: true });
    renameSync(mediaFilePath(from, sha256), destination);
  }
}

/** A database from a newer katsudo has migrations this one does not know: it cannot run it. */
function refuseNewerSchema(manifest: BackupManifest): void {
  const known = Object.keys(MIGRATIONS);
  if (known.includes(manifest.schemaVersion)) return;
  const latest = known.sort().at(-1)!;
  throw new RestoreRefusedError(
    `このバックアップは katsudo ${manifest.katsudoVersion}(データベースのスキーマ ${manifest.schemaVersion})で作られました。この katsudo が扱えるスキーマは ${latest} までです。katsudo を新しくしてから復元してください。`,
  );
}
