// The static index as a written directory, read the way the search page's script reads it
// over HTTP (each file fetched once, gunzipped when compressed): for the incremental build,
// `katsudo build --check` and the tests that compare it with the server.
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { StaticIndex } from './client/find-static-hits.js';
import { isGzip, type DocTable } from './client/format.js';
import { openStaticIndex } from './client/open-static-index.js';
import type { StaticTexts } from './client/run-static-search.js';
import { readFileOrUndefined } from './write-if-changed.js';

/** A file of the index, gunzipped; undefined when absent. */
export async function readIndexFile(file: string): Promise<Uint8Array | undefined> {
  const bytes = await readFileOrUndefined(file);
  return bytes && isGzip(bytes) ? gunzipSync(bytes) : bytes;
}

export const decodeJson = <T>(bytes: Uint8Array): T => JSON.parse(Buffer.from(bytes).toString('utf8')) as T;

/** The index in `indexDir` (`<DIR>/search-index`). */
export async function openIndexDir(indexDir: string): Promise<StaticIndex & StaticTexts> {
  const tableBytes = await readIndexFile(join(indexDir, 'docs.dat'));
  if (!tableBytes) throw new Error(`no search index in ${indexDir}`);
  return openStaticIndex(decodeJson<DocTable>(tableBytes), (name) => readIndexFile(join(indexDir, `${name}.dat`)));
}
