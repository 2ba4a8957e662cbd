// A small real file system for full-disk tests: a tmpfs of the given size. Mounting needs
// root, which CI's Debian runner has: under CI=true a failed mount fails the test instead
// of skipping it, so the full-disk tests cannot silently stop running there.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Tmpfs {
  /** The mount point, or undefined when mounting was not possible (and the test is skipped). */
  path: string | undefined;
  unmount: () => void;
}

export function mountTmpfs(t: { skip: (message: string) => void }, size: string): Tmpfs {
  const dir = mkdtempSync(join(tmpdir(), 'katsudo-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    if (process.env.CI === 'true') assert.fail(`cannot mount a tmpfs (root needed in CI): ${String(error)}`);
    t.skip(`cannot mount a tmpfs here: ${String(error)}`);
    return { path: undefined, unmount: () => {} };
  }
  return {
    path: dir,
    unmount: () => {
      execFileSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
