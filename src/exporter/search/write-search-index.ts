// Writes the static search index (`<DIR>/search-index/`) and the search page's script
// (`<DIR>/assets/static-search.js`) for `katsudo build`. A full build writes a new index
// directory beside the old one and swaps it in with renames; an incremental build (changed
// report and page ids) rewrites the delta file, the changed reports' text files and the doc
// table (update-index-files.ts), each through a temporary file and a rename, the doc table
// last, or builds afresh once the delta is past its limit. Files whose bytes would not change
// are not written. `katsudo build` reads the published index (`from`) and writes only what
// changes into its staging folder, which it moves into place itself (build-site.ts).
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listSearchDocuments } from '../../actions/search/list-search-documents.js';
import type { SiteDeps } from '../../site/site-deps.js';
import { buildIndexFiles, type IndexFiles, type IndexThreads } from './build-index-files.js';
import { INDEX_DIR } from './client/format.js';
import { encodeJson } from './encode-index-file.js';
import { updateIndexFiles } from './update-index-files.js';
import { readFileOrUndefined, writeIfChanged } from './write-if-changed.js';
import { writeSearchScript } from './write-search-script.js';

export interface WriteSearchIndexOptions {
  /** Only these items changed since the index in outDir (or `from`) was written (absent: full build). */
  changedIds?: { reports?: readonly number[]; pages?: readonly number[] };
  /** A full index of many documents builds its postings and shards on these threads (build-index-files.ts). */
  threads?: IndexThreads;
  /**
   * The folder whose index an incremental build updates, when it is not outDir: read from
   * there, with only the files that change written into outDir and nothing removed (the
   * caller removes `removed` when it publishes).
   */
  from?: string;
}

export interface WriteSearchIndexResult {
  /** Paths written, relative to outDir, '/'-separated. */
  written: string[];
  /** Paths removed (or, with `from`, to remove), relative to outDir. */
  removed: string[];
  /** The whole index was written (a full build, or a delta past its limit): no earlier file of it is kept. */
  isWhole: boolean;
  /** The doc table as it stands now, compressed as written (the search page carries its head: read-search-head.ts). */
  table: Uint8Array;
}

export const DOC_TABLE_FILE = 'docs.dat';

export async function writeSearchIndex(deps: Pick<SiteDeps, 'ctx'>, outDir: string, options: WriteSearchIndexOptions = {}): Promise<WriteSearchIndexResult> {
  const from = options.from ?? outDir;
  const script = await writeSearchScript(outDir, from);
  const indexDir = join(outDir, INDEX_DIR);
  const fromDir = join(from, INDEX_DIR);
  const existing = options.changedIds && (await readFileOrUndefined(join(fromDir, DOC_TABLE_FILE)));
  const changes = options.changedIds && existing && (await updateIndexFiles(fromDir, options.changedIds, (selection) => listSearchDocuments(deps.ctx.db, selection)));
  const written = script ? [script] : [];
  if (!changes) {
    const files = await buildIndexFiles(await listSearchDocuments(deps.ctx.db), options.threads);
    written.push(...(await writeWholeIndex(outDir, files)));
    return { written, removed: [], isWhole: true, table: files.table };
  }
  await mkdir(indexDir, { recursive: true });
  const table = encodeJson(changes.table);
  const files: Array<[string, Uint8Array]> = [...changes.files, [DOC_TABLE_FILE, table]];
  for (const [name, bytes] of files) {
    if (await writeIfChanged(join(indexDir, name), bytes, join(fromDir, name))) written.push(`${INDEX_DIR}/${name}`);
  }
  for (const name of changes.removed) if (options.from === undefined) await rm(join(indexDir, name), { force: true });
  return { written, removed: changes.removed.map((name) => `${INDEX_DIR}/${name}`), isWhole: false, table };
}

/** A new index directory beside the old one, then two renames: readers see the old index or the new, whole. */
async function writeWholeIndex(outDir: string, files: IndexFiles): Promise<string[]> {
  const staging = join(outDir, `.${INDEX_DIR}-${process.pid}-${Date.now()}`);
  const retired = `${staging}-old`;
  await mkdir(staging, { recursive: true });
  try {
    const written: string[] = [];
    for (const [name, bytes] of [...files.files, [DOC_TABLE_FILE, files.table] as const]) {
      await writeFile(join(staging, name), bytes);
      written.push(`${INDEX_DIR}/${name}`);
    }
    const target = join(outDir, INDEX_DIR);
    const hadIndex = await rename(target, retired).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    await rename(staging, target);
    if (hadIndex) await rm(retired, { recursive: true, force: true });
    return written;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
