// `katsudo backup --verify`: the checks of a restore without writing anything but a scratch
// copy of the database (to run PRAGMA integrity_check on it), removed at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BackupManifest } from './backup-manifest.js';
import { readBackup } from './read-backup.js';

export async function verifyBackup(archive: string): Promise<BackupManifest> {
  const scratchDir = mkdtempSync(join(tmpdir(), 'katsudo-verify-'));
  try {
    return await readBackup(archive, { scratchDir });
  } finally {
    rmSync(scratchDir, { recursive: true, force: true });
  }
}
