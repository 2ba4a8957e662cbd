// The manifest a backup archive ends with (manifest.json), and the one rule for which entry
// names an archive may hold, shared by backup, verify and restore.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SnapshotFacts } from '../../../store/database-snapshot.js';

export const MANIFEST_PATH = 'manifest.json';
export const DATABASE_PATH = 'katsudo.db';
export const BACKUP_FORMAT = 'katsudo-backup';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: 1;
  katsudoVersion: string;
  /** The last migration of the database copy (e.g. "0017-page-import-sources"). */
  schemaVersion: string;
  createdAt: string;
  counts: SnapshotFacts['counts'];
  /** Every entry but the manifest: the database copy first, then media/<ab>/<sha256>. */
  files: { path: string; bytes: number; sha256: string }[];
  /** Files the database names that were not in media/ when the backup was made. */
  missingMedia: string[];
}

/** Names a backup may hold: nothing else is ever extracted, so no entry can escape the target. */
export function isBackupEntryPath(path: string): boolean {
  return path === DATABASE_PATH || /^media\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(path);
}

export function mediaEntryPath(sha256: string): string {
  return `media/${sha256.slice(0, 2)}/${sha256}`;
}

/** The content hash a media entry's name ends with (an entry isBackupEntryPath accepted). */
export function mediaEntrySha256(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The version in katsudo's package.json, found above this file in src/ or in the bundle. */
export function katsudoVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'katsudo') return pkg.version ?? 'unknown';
    }
    const parent = dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}

/** katsudo-backup-20261206T031500Z.tar: names that sort by time, so the newest is last. */
export function backupFileName(createdAt: Date): string {
  return `katsudo-backup-${createdAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}.tar`;
}
