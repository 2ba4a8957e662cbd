// Restoring a backup archive into a data directory: everything is written and checked in a
// temporary directory beside the target, which takes the target's name only at the end.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { RestoreRefusedError } from '../../../domain/errors.js';
import { MIGRATIONS } from '../../../store/migrate.js';
import type { BackupManifest } from './backup-manifest.js';
import { readBackup } from './read-backup.js';

export interface RestoreOptions {
  archive: string;
  dataDir: string;
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
  const temp = join(dirname(target), `.${basename(target)}.restoring-${randomBytes(6).toString('hex')}`);
  mkdirSync(temp);
  try {
    const manifest = await readBackup(options.archive, { scratchDir: temp, targetDir: temp, acceptManifest: refuseNewerSchema });
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
