// Media bytes on disk, content-addressed: <dataDir>/media/<first 2 hex>/<sha256>.
// Writing is atomic (temp file + rename), so a crash never leaves a partial file
// under a valid name, and saving the same bytes twice is a no-op.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function mediaFilePath(dataDir: string, sha256: string): string {
  return join(dataDir, 'media', sha256.slice(0, 2), sha256);
}

/** Stores the bytes and returns their sha256. */
export function saveMediaFile(dataDir: string, bytes: Uint8Array): string {
  return writeMediaFile(dataDir, bytes).sha256;
}

/**
 * Stores the bytes; `isNew` tells whether this call created the file, so that a caller
 * whose transaction then fails removes only what it added.
 */
export function writeMediaFile(dataDir: string, bytes: Uint8Array): { sha256: string; isNew: boolean } {
  const sha256 = sha256Hex(bytes);
  const path = mediaFilePath(dataDir, sha256);
  if (existsSync(path)) return { sha256, isNew: false };
  mkdirSync(join(dataDir, 'media', sha256.slice(0, 2)), { recursive: true });
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temp, bytes);
  renameSync(temp, path);
  return { sha256, isNew: true };
}

/** Removes a stored file (absent already is fine). The caller has checked no record needs it. */
export function removeMediaFile(dataDir: string, sha256: string): void {
  rmSync(mediaFilePath(dataDir, sha256), { force: true });
}
