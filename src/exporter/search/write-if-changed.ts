// Writing one file of the index so that a web server reading DIR never sees it half
// written: a temporary file beside it, then a rename (atomic on one file system). A file
// that already holds the bytes is left alone, so an incremental build touches only what
// changed; `katsudo build` compares with the published file and writes into its staging
// folder instead (`was`).
import { readFile, rename, writeFile } from 'node:fs/promises';

export async function readFileOrUndefined(file: string): Promise<Uint8Array | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Writes `file` unless `was` (by default the file itself) holds the bytes already; returns whether it was written. */
export async function writeIfChanged(file: string, bytes: Uint8Array, was = file): Promise<boolean> {
  const current = await readFileOrUndefined(was);
  if (current && Buffer.compare(current, bytes) === 0) return false;
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, bytes);
  await rename(temp, file);
  return true;
}
