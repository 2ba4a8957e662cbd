// The head of the index written in a directory (client/search-head.ts), as the static search
// page carries it: katsudo build renders that page with it once the index is in.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { isGzip, type DocTable } from './client/format.js';
import { searchHeadOf } from './client/search-head.js';
import { buildIdOf } from './client/stored-results.js';
import { DOC_TABLE_FILE } from './write-search-index.js';

/** The head of the index in `indexDir` (`<DIR>/search-index`), as the JSON the page carries. */
export async function readSearchHead(indexDir: string): Promise<string> {
  return searchHeadOfTable(await readFile(join(indexDir, DOC_TABLE_FILE)));
}

/** The head of the index whose doc table is `raw` (as written: WriteSearchIndexResult.table). */
export function searchHeadOfTable(raw: Uint8Array): string {
  const table = JSON.parse(Buffer.from(isGzip(raw) ? gunzipSync(raw) : raw).toString('utf8')) as DocTable;
  return JSON.stringify(searchHeadOf(table, buildIdOf(raw)));
}
