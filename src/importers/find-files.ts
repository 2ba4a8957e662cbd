// The files an import reads from the paths given on the command line: a file as is, a
// directory walked recursively for the wanted extensions (hidden entries skipped), in a
// stable order so two runs report the same way.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

export interface FoundFile {
  /** As it can be opened. */
  path: string;
  /** The directory given on the command line, or the file's own directory for a file. */
  root: string;
  /** From root, with forward slashes: the file's identity and (for pages) its URL path. */
  relativePath: string;
}

export interface FindFilesResult {
  files: FoundFile[];
  /** Paths given that do not exist. */
  missing: string[];
}

export function findFiles(inputs: string[], extensions: string[]): FindFilesResult {
  const wanted = new RegExp(`\\.(${extensions.join('|')})$`, 'i');
  const files: FoundFile[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(input).isDirectory();
    } catch {
      missing.push(input);
      continue;
    }
    const root = isDirectory ? resolve(input) : resolve(input, '..');
    const found = isDirectory ? walk(root).filter((p) => wanted.test(p)) : [resolve(input)];
    for (const path of found) files.push({ path, root, relativePath: relative(root, path).split(sep).join('/') });
  }
  return { files, missing };
}

function walk(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return walk(path);
    return e.isFile() ? [path] : [];
  });
}
