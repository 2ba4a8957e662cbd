// Media bytes on disk, content-addressed: <media dir>/<first 2 hex>/<sha256>, the media dir
// being KATSUDO_MEDIA_DIR (shared by several instances) or else <dataDir>/media.
// Writing is atomic (temp file + rename), so a crash never leaves a partial file
// under a valid name, and saving the same bytes twice is a no-op.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { mediaRoot, type MediaLocation } from '../domain/media-location.js';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function mediaFilePath(location: string | MediaLocation, sha256: string): string {
  return join(mediaRoot(location), sha256.slice(0, 2), sha256);
}

/** Stores the bytes and returns their sha256. */
export function saveMediaFile(location: string | MediaLocation, bytes: Uint8Array): string {
  return writeMediaFile(location, bytes).sha256;
}

/**
 * Stores the bytes; `isNew` tells whether this call created the file, so that a caller
 * whose transaction then fails removes only what it added.
 */
export function writeMediaFile(location: string | MediaLocation, bytes: Uint8Array): { sha256: string; isNew: boolean } {
  const sha256 = sha256Hex(bytes);
  const path = mediaFilePath(location, sha256);
  if (existsSync(path)) return { sha256, isNew: false };
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, path);
  } catch (error) {
    // A full disk (ENOSPC) leaves part of the bytes in the temp file: never keep it.
    rmSync(temp, { force: true });
    throw error;
  }
  return { sha256, isNew: true };
}

const TEMP_SUFFIX = '.tmp';

/** A temp file older than this is no write in progress (one takes seconds). */
const STALE_TEMP_MS = 10 * 60 * 1000;

/**
 * Removes temp files a stopped process left in media/ (killed between write and rename),
 * when a site is opened. Only old ones: another process of the same site may be writing.
 * Returns how many were removed.
 */
export function removeStaleTempFiles(location: string | MediaLocation, now = Date.now()): number {
  const root = mediaRoot(location);
  if (!existsSync(root)) return 0;
  let removed = 0;
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(TEMP_SUFFIX)) continue;
    const path = join(entry.parentPath, entry.name);
    try {
      if (now - statSync(path).mtimeMs < STALE_TEMP_MS) continue;
      rmSync(path, { force: true });
      removed++;
    } catch {
      // Renamed or removed meanwhile by its writer: nothing to do.
    }
  }
  return removed;
}

/** Removes a stored file (absent already is fine). The caller has checked no record needs it. */
export function removeMediaFile(location: string | MediaLocation, sha256: string): void {
  rmSync(mediaFilePath(location, sha256), { force: true });
}
