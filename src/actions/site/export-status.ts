// How the server's publish hook (exporter/publish-hook.ts, KATSUDO_EXPORT_DIR) last went,
// kept in `katsudo-export-status.json` in the data directory: the admin dashboard shows a
// failure until a later build succeeds, as it does for scheduled backups.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportStatus } from '../../domain/export-status.js';

const STATUS_FILE = 'katsudo-export-status.json';

export function readExportStatus(dataDir: string): ExportStatus | undefined {
  try {
    return JSON.parse(readFileSync(join(dataDir, STATUS_FILE), 'utf8')) as ExportStatus;
  } catch {
    return undefined;
  }
}

export function writeExportStatus(dataDir: string, status: ExportStatus): void {
  const file = join(dataDir, STATUS_FILE);
  writeFileSync(`${file}.tmp`, JSON.stringify(status));
  renameSync(`${file}.tmp`, file);
}

/** The hook is off (KATSUDO_EXPORT_DIR unset): no old notice stays on the dashboard. */
export function clearExportStatus(dataDir: string): void {
  rmSync(join(dataDir, STATUS_FILE), { force: true });
}
