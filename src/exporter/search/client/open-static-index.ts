// The static index over any way of reading its files (fetch in the browser, the file system in
// Node): the doc table given, each shard read and parsed once, shards the table does not list
// never asked for (a query's tokens may fall in buckets no token of the site uses).
import type { StaticIndex } from './find-static-hits.js';
import { readShard, type DocTable, type ReportText, type Shard } from './format.js';
import type { StaticTexts } from './run-static-search.js';

/** `read(name)`: the decompressed bytes of `<name>.dat`, undefined when absent. */
export function openStaticIndex(table: DocTable, read: (name: string) => Promise<Uint8Array | undefined>): StaticIndex & StaticTexts {
  const shards = new Map<string, Promise<Shard | undefined>>();
  const existing = new Set(table.shards);
  const decoder = new TextDecoder();
  return {
    table,
    shard(name) {
      if (!existing.has(name)) return Promise.resolve(undefined);
      let shard = shards.get(name);
      if (!shard) shards.set(name, (shard = read(name).then((bytes) => bytes && readShard(bytes))));
      return shard;
    },
    async texts(name) {
      const bytes = await read(name);
      return bytes ? (JSON.parse(decoder.decode(bytes)) as Record<string, ReportText>) : {};
    },
  };
}
