// One `katsudo build` per output folder at a time: two builds would stage and rename over
// each other's files. The lock is a file beside the folder (as the first build's staging
// folder is), created exclusively and holding its process id; a lock whose process is gone
// (a build killed or a machine restarted) is taken over.
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isProcessAlive } from '../actions/runtime/is-process-alive.js';
import { BuildInProgressError } from '../domain/errors.js';

/** The lock's file for `outDir`: `.<name>.katsudo-lock` in its parent folder. */
export function buildLockFile(outDir: string): string {
  const out = resolve(outDir);
  return join(dirname(out), `.${basename(out)}.katsudo-lock`);
}

/**
 * Takes the folder's lock; the function returned releases it.
 * @throws BuildInProgressError while another live process holds it
 */
export function lockBuildFolder(outDir: string): () => void {
  const lock = buildLockFile(outDir);
  mkdirSync(dirname(lock), { recursive: true });
  if (!create(lock)) takeOver(lock, resolve(outDir));
  return () => {
    if (holderOf(lock) === process.pid) rmSync(lock, { force: true });
  };
}

/** A stale lock: whoever creates the takeover guard removes it and takes the lock; others give way. */
function takeOver(lock: string, out: string): void {
  const holder = holderOf(lock);
  if (holder !== undefined && isProcessAlive(holder)) throw new BuildInProgressError(out, holder);
  const guard = `${lock}.takeover`;
  if (!create(guard)) {
    const guardHolder = holderOf(guard);
    if (guardHolder !== undefined && isProcessAlive(guardHolder)) throw new BuildInProgressError(out, guardHolder);
    rmSync(guard, { force: true });
    if (!create(guard)) throw new BuildInProgressError(out, holderOf(guard));
  }
  try {
    if (holderOf(lock) === holder) rmSync(lock, { force: true });
    if (!create(lock)) throw new BuildInProgressError(out, holderOf(lock));
  } finally {
    rmSync(guard, { force: true });
  }
}

/**
 * Creates the file holding this process's id; false when it exists. Written aside and
 * hard-linked into place, so nobody ever reads it empty (and takes it for stale).
 */
function create(file: string): boolean {
  const aside = `${file}.${process.pid}`;
  writeFileSync(aside, `${process.pid}\n`);
  try {
    linkSync(aside, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(aside, { force: true });
  }
}

function holderOf(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
