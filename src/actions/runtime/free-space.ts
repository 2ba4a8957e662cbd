// Free space on the file system that holds the data directory (issue 13 item 3): the admin
// dashboard warns and /readyz reports `disk` when it falls below KATSUDO_MIN_FREE_MB. One
// statfs call answers for a few seconds, so a dashboard or a supervisor polling /readyz never
// costs a system call per request.
import { statfs } from 'node:fs/promises';

/** KATSUDO_MIN_FREE_MB when not set. */
export const DEFAULT_MIN_FREE_MB = 200;
/** Below this the disk counts as full: /readyz answers 503 (a write would fail). */
export const FULL_BELOW_BYTES = 1024 * 1024;
const CACHE_MS = 5_000;

export interface FreeSpace {
  /** Bytes an unprivileged process may still write; undefined when statfs failed. */
  freeBytes?: number;
  minFreeBytes: number;
  /** Below the threshold (or unknown): warn. */
  isLow: boolean;
  /** Practically nothing left (or unknown): writes fail, take the site out of rotation. */
  isFull: boolean;
  /** Why the space could not be read, for the log. */
  error?: unknown;
}

export interface FreeSpaceMonitor {
  check(): Promise<FreeSpace>;
}

/** A cached reader of the free space under `dir` (the data directory). */
export function freeSpaceMonitor(dir: string, minFreeBytes: number): FreeSpaceMonitor {
  let cached: { at: number; answer: Promise<FreeSpace> } | undefined;
  async function read(): Promise<FreeSpace> {
    try {
      const stats = await statfs(dir);
      const freeBytes = Number(stats.bavail) * Number(stats.bsize);
      return { freeBytes, minFreeBytes, isLow: freeBytes < minFreeBytes, isFull: freeBytes < FULL_BELOW_BYTES };
    } catch (error) {
      return { minFreeBytes, isLow: true, isFull: true, error };
    }
  }
  return {
    check() {
      // The wall clock, not the site's (a test site's may stand still).
      const at = Date.now();
      if (!cached || at - cached.at >= CACHE_MS || at < cached.at) cached = { at, answer: read() };
      return cached.answer;
    },
  };
}
