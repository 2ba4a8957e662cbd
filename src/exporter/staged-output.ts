// Writing into a published folder without a reader ever seeing a half-written file or a
// half-built site. Every new or changed file is first written whole into a staging folder
// on the same file system; only when all are written are they renamed into place (a
// rename replaces a file atomically), then files no longer built are removed. If writing
// fails (a full disk), the staging folder is removed and the folder is exactly as before.
// A first build stages the whole folder beside the target and renames it into place.
import { copyFileSync, constants, existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MANIFEST_FILE, META_DIR } from './build-manifest.js';

export class StagedOutput {
  /** Where staged files go: a sibling of outDir for a first build, else inside outDir/.katsudo. */
  readonly stagingDir: string;
  /** A first build: the staging folder becomes the output folder. */
  readonly isFresh: boolean;
  private readonly staged: string[] = [];

  constructor(readonly outDir: string) {
    this.isFresh = !existsSync(outDir) || readdirSync(outDir).length === 0;
    const stamp = `${process.pid}-${Date.now()}`;
    this.stagingDir = this.isFresh ? join(dirname(outDir), `.${basename(outDir)}.katsudo-staging-${stamp}`) : join(outDir, META_DIR, `staging-${stamp}`);
    mkdirSync(this.stagingDir, { recursive: true });
  }

  write(file: string, bytes: string | Uint8Array): void {
    writeStagedFile(this.stagingDir, file, bytes);
    this.staged.push(file);
  }

  /** Copies a file, as a copy-on-write clone where the file system can. */
  copy(file: string, from: string): void {
    copyFileSync(from, this.prepare(file), constants.COPYFILE_FICLONE);
  }

  /** Moves every staged file into place, then removes `removed` (relative files) and the folders they leave empty. */
  commit(removed: readonly string[]): void {
    if (this.isFresh) {
      // An empty target folder (ours from a failed first run, or made by the user) gives way.
      if (existsSync(this.outDir)) rmdirSync(this.outDir);
      renameSync(this.stagingDir, this.outDir);
      return;
    }
    // Folders first, so a failure here (no space for a new folder) leaves every old file in place.
    for (const file of this.staged) mkdirSync(dirname(join(this.outDir, file)), { recursive: true });
    const move = (file: string) => renameSync(join(this.stagingDir, file), join(this.outDir, file));
    for (const file of this.staged) if (file !== MANIFEST_FILE) move(file);
    for (const file of removed) removeWithEmptyParents(this.outDir, file);
    // The manifest last: a build stopped before this point is redone from the old one.
    if (this.staged.includes(MANIFEST_FILE)) move(MANIFEST_FILE);
    rmSync(this.stagingDir, { recursive: true, force: true });
  }

  /** Takes a file something else wrote into the staging folder (the search index, a page thread: writeStagedFile) into the build (moved into place at commit). */
  adopt(file: string): void {
    this.staged.push(file);
  }

  /** Drops a file something else wrote into the staging folder (unchanged since the last build). */
  discard(file: string): void {
    unlinkSync(join(this.stagingDir, file));
  }

  abort(): void {
    rmSync(this.stagingDir, { recursive: true, force: true });
  }

  private prepare(file: string): string {
    const to = join(this.stagingDir, file);
    mkdirSync(dirname(to), { recursive: true });
    this.staged.push(file);
    return to;
  }
}

/** Writes a file into a staging folder, its folders first: StagedOutput.write, and the page threads (page-render-tasks.ts), which hand the file to adopt(). */
export function writeStagedFile(stagingDir: string, file: string, bytes: string | Uint8Array): void {
  const to = join(stagingDir, file);
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(to, bytes);
}

function removeWithEmptyParents(outDir: string, file: string): void {
  try {
    unlinkSync(join(outDir, file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  for (let dir = dirname(file); dir !== '.' && dir !== ''; dir = dirname(dir)) {
    try {
      rmdirSync(join(outDir, dir));
    } catch {
      return;
    }
  }
}
