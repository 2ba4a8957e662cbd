// Reading a backup archive entry by entry against its manifest: used by `backup --verify`
// (hash only) and by restore (hash while writing each file), so both apply the same checks.
import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { BackupInvalidError } from '../../../domain/errors.js';
import type { MediaLocation } from '../../../domain/media-location.js';
import { checkDatabaseIntegrity, readSnapshotFacts } from '../../../store/database-snapshot.js';
import { mediaFilePath } from '../../../store/media-files.js';
import { BACKUP_FORMAT, DATABASE_PATH, type BackupManifest, isBackupEntryPath, MANIFEST_PATH, mediaEntrySha256 } from './backup-manifest.js';
import { type ArchiveEntry, listTarEntries, readTarEntry } from './tar-archive.js';

/** Largest manifest read into memory (a site of a million files stays far below). */
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;

/**
 * Checks every entry of `archive` against its manifest: names, sizes and SHA-256, nothing
 * missing or extra, and the database copy passes PRAGMA integrity_check with the manifest's
 * counts. With `target`, each file is written as it is hashed: the database into its data
 * directory, media files into its media folder (mediaRoot: mediaDir, else the data
 * directory's media/); `acceptManifest` may refuse the archive before any file is read.
 * Throws BackupInvalidError naming the first problem.
 */
export async function readBackup(
  archive: string,
  options: { scratchDir: string; target?: MediaLocation; acceptManifest?: (manifest: BackupManifest) => void },
): Promise<BackupManifest> {
  const { scratchDir, target } = options;
  const entries = await listTarEntries(archive);
  const byPath = new Map<string, ArchiveEntry>();
  for (const entry of entries) {
    if (byPath.has(entry.path)) throw new BackupInvalidError(`アーカイブに ${entry.path} が2回入っています`);
    byPath.set(entry.path, entry);
  }
  const manifest = await readManifest(archive, byPath.get(MANIFEST_PATH));
  options.acceptManifest?.(manifest);
  const listed = new Set(manifest.files.map((file) => file.path));
  const extra = entries.filter((entry) => entry.path !== MANIFEST_PATH && !listed.has(entry.path)).map((entry) => entry.path);
  if (extra.length > 0) throw new BackupInvalidError(`マニフェストにないファイルがアーカイブに入っています: ${extra.slice(0, 5).join(', ')}`);
  const databaseFile = join(target?.dataDir ?? scratchDir, DATABASE_PATH);
  for (const file of manifest.files) {
    const entry = byPath.get(file.path);
    if (entry === undefined) throw new BackupInvalidError(`${file.path} はマニフェストにありますが、アーカイブに入っていません`);
    if (entry.bytes !== file.bytes) throw new BackupInvalidError(`${file.path} はアーカイブでは ${entry.bytes} バイトですが、マニフェストでは ${file.bytes} バイトです`);
    const destination = file.path === DATABASE_PATH ? databaseFile : target === undefined ? undefined : mediaFilePath(target, mediaEntrySha256(file.path));
    const sha256 = await hashEntry(archive, entry, destination);
    if (sha256 !== file.sha256) throw new BackupInvalidError(`${file.path} が壊れています: SHA-256 がマニフェストと違います`);
  }
  checkDatabase(databaseFile, manifest);
  return manifest;
}

async function readManifest(archive: string, entry: ArchiveEntry | undefined): Promise<BackupManifest> {
  if (entry === undefined) throw new BackupInvalidError(`アーカイブに ${MANIFEST_PATH} がありません。katsudo のバックアップではありません`);
  if (entry.bytes > MAX_MANIFEST_BYTES) throw new BackupInvalidError(`${MANIFEST_PATH} が katsudo のマニフェストとしては大きすぎます`);
  const chunks: Buffer[] = [];
  for await (const chunk of readTarEntry(archive, entry)) chunks.push(chunk);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(Buffer.concat(chunks).toString('utf8')) as BackupManifest;
  } catch {
    throw new BackupInvalidError(`${MANIFEST_PATH} が正しい JSON ではありません`);
  }
  if (manifest?.format !== BACKUP_FORMAT || manifest.formatVersion !== 1 || !Array.isArray(manifest.files) || !Array.isArray(manifest.missingMedia)) {
    throw new BackupInvalidError(`${MANIFEST_PATH} が katsudo のバックアップのマニフェスト(形式 ${BACKUP_FORMAT}、バージョン 1)ではありません`);
  }
  for (const file of manifest.files) {
    if (!isBackupEntryPath(String(file?.path)) || !Number.isSafeInteger(file.bytes) || !/^[0-9a-f]{64}$/.test(String(file.sha256))) {
      throw new BackupInvalidError(`${MANIFEST_PATH} に katsudo が書かない項目があります: ${JSON.stringify(file?.path)}`);
    }
  }
  if (new Set(manifest.files.map((file) => file.path)).size !== manifest.files.length) throw new BackupInvalidError(`${MANIFEST_PATH} に同じ項目が2回あります`);
  if (!manifest.files.some((file) => file.path === DATABASE_PATH)) throw new BackupInvalidError(`マニフェストに ${DATABASE_PATH} がありません`);
  return manifest;
}

/** The entry's SHA-256, its bytes written to `destination` on the way when given. */
async function hashEntry(archive: string, entry: ArchiveEntry, destination: string | undefined): Promise<string> {
  const hash = createHash('sha256');
  if (destination !== undefined) mkdirSync(dirname(destination), { recursive: true });
  const out = destination === undefined ? undefined : createWriteStream(destination, { flags: 'wx' });
  try {
    for await (const chunk of readTarEntry(archive, entry)) {
      hash.update(chunk);
      if (out !== undefined && !out.write(chunk)) await once(out, 'drain');
    }
  } finally {
    if (out !== undefined) {
      out.end();
      await once(out, 'close');
    }
  }
  return hash.digest('hex');
}

function checkDatabase(file: string, manifest: BackupManifest): void {
  const problems = checkDatabaseIntegrity(file);
  if (problems.length > 0) throw new BackupInvalidError(`アーカイブのデータベースが PRAGMA integrity_check に通りません: ${problems.slice(0, 3).join('; ')}`);
  let facts;
  try {
    facts = readSnapshotFacts(file);
  } catch (error) {
    throw new BackupInvalidError(`アーカイブのデータベースは katsudo のデータベースではありません: ${(error as Error).message}`);
  }
  if (JSON.stringify(facts.counts) !== JSON.stringify(manifest.counts) || facts.schemaVersion !== manifest.schemaVersion) {
    throw new BackupInvalidError(`アーカイブのデータベースがマニフェストと合いません(件数かスキーマのバージョンが違います)`);
  }
}
