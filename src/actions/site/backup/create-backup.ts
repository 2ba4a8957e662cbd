// A backup of a site that may be running (in this or another process): one tar archive with
// a consistent copy of the database, every stored media file and a manifest of hashes.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ValidationError } from '../../../domain/errors.js';
import { mediaRoot, type MediaLocation } from '../../../domain/media-location.js';
import { mediaFilePath } from '../../../store/media-files.js';
import { readSnapshotFacts, snapshotDatabase } from '../../../store/database-snapshot.js';
import { BACKUP_FORMAT, DATABASE_PATH, type BackupManifest, katsudoVersion, MANIFEST_PATH, mediaEntryPath } from './backup-manifest.js';
import { TarWriter } from './tar-archive.js';

export interface CreateBackupOptions {
  dataDir: string;
  /** KATSUDO_MEDIA_DIR when the media are not under the data directory: the archive holds them all the same. */
  mediaDir?: string | undefined;
  /** The archive to write; it must not exist yet. */
  outFile: string;
  now: () => Date;
}

/**
 * Writes the archive under a temporary name beside `outFile` and renames it at the end, so
 * a failed or interrupted backup never leaves a file that looks complete.
 */
export async function createBackup(options: CreateBackupOptions): Promise<BackupManifest> {
  const { dataDir, outFile } = options;
  if (existsSync(outFile)) throw new ValidationError(`${outFile} はすでにあります。--out で別の名前を指定してください。`);
  if (!existsSync(join(dataDir, DATABASE_PATH)))
    throw new ValidationError(`${dataDir} に ${DATABASE_PATH} がありません。katsudo のデータディレクトリを --data で指定してください。`);
  mkdirSync(dirname(outFile), { recursive: true });
  const work = join(dirname(outFile), `.katsudo-backup-${randomBytes(6).toString('hex')}`);
  mkdirSync(work);
  const partial = join(work, 'archive.tar');
  const createdAt = options.now();
  const tar = new TarWriter(partial, createdAt);
  try {
    const snapshot = join(work, DATABASE_PATH);
    await snapshotDatabase(join(dataDir, DATABASE_PATH), snapshot);
    const facts = readSnapshotFacts(snapshot);
    const files = [await tar.addFile(DATABASE_PATH, snapshot)];
    // Off the event loop: unlinking a large file takes tens of milliseconds.
    await rm(snapshot);
    // Media are written before the records that name them and removed after, so every file
    // the copy names is on disk unless it was deleted since; files added since come along too.
    const onDisk = storedMediaFiles(options);
    for (const sha256 of onDisk) files.push(await tar.addFile(mediaEntryPath(sha256), mediaFilePath(options, sha256)));
    const present = new Set(onDisk);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: 1,
      katsudoVersion: katsudoVersion(),
      schemaVersion: facts.schemaVersion,
      createdAt: createdAt.toISOString(),
      counts: facts.counts,
      files,
      missingMedia: facts.mediaSha256s.filter((sha256) => !present.has(sha256)).sort(),
    };
    await tar.addBuffer(MANIFEST_PATH, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    await tar.close();
    renameSync(partial, outFile);
    return manifest;
  } catch (error) {
    tar.abort();
    throw error;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The content hashes stored under media/ (temporary files of uploads in progress left out). */
function storedMediaFiles(location: MediaLocation): string[] {
  const root = mediaRoot(location);
  if (!existsSync(root)) return [];
  const found: string[] = [];
  for (const dir of readdirSync(root, { withFileTypes: true })) {
    if (!dir.isDirectory() || !/^[0-9a-f]{2}$/.test(dir.name)) continue;
    for (const file of readdirSync(join(root, dir.name), { withFileTypes: true })) {
      if (file.isFile() && /^[0-9a-f]{64}$/.test(file.name) && file.name.startsWith(dir.name)) found.push(file.name);
    }
  }
  return found.sort();
}
