// The static index over any way of reading its files (fetch in the browser, the file system in
// Node): the doc table given, each shard and text file read and parsed once, shards the table
// does not list never asked for (a query's tokens may fall in buckets no token of the site uses). After
// incremental builds a shard is its file's postings less the changed documents' plus the
// delta's postings of the same tokens (format.ts, DocTable.delta). The names file, the text
// files' dictionary and each text file are read once too.
import type { StaticIndex } from './find-static-hits.js';
import { inflateText } from './inflate-text.js';
import { readDelta, readShard, ReportNames, type DocTable, type ReportText, type Shard, type ShardPart } from './format.js';
import type { StaticTexts } from './run-static-search.js';

/** `read(name)`: the decompressed bytes of `<name>.dat`, undefined when absent. */
export function openStaticIndex(table: DocTable, read: (name: string) => Promise<Uint8Array | undefined>): StaticIndex & StaticTexts {
  const shards = new Map<string, Promise<Shard | undefined>>();
  const existing = new Set(table.shards);
  const stale = table.delta && new Set(table.delta.keys);
  let delta: Promise<Map<string, ShardPart>> | undefined;
  const deltaPart = async (name: string) => {
    if (!table.delta) return undefined;
    delta ??= read(table.delta.file).then((bytes) => (bytes ? readDelta(table, bytes) : new Map()));
    return (await delta).get(name);
  };
  const load = async (name: string): Promise<Shard | undefined> => {
    const [bytes, added] = await Promise.all([existing.has(name) ? read(name) : undefined, deltaPart(name)]);
    const parts: ShardPart[] = [];
    if (bytes) parts.push({ ...readShard(bytes), stale });
    if (added) parts.push(added);
    return parts.length > 0 ? parts : undefined;
  };
  const decoder = new TextDecoder();
  const texts = new Map<string, Promise<Record<string, ReportText>>>();
  let dictionary: Promise<Uint8Array | undefined> | undefined;
  const text = async (name: string): Promise<Record<string, ReportText>> => {
    const [bytes, preset] = await Promise.all([read(name), table.dictionary && (dictionary ??= read(table.dictionary))]);
    if (!bytes) return {};
    return JSON.parse(decoder.decode(preset ? await inflateText(bytes, preset) : bytes)) as Record<string, ReportText>;
  };
  let names: Promise<ReportNames> | undefined;
  return {
    table,
    shard(name) {
      let shard = shards.get(name);
      if (!shard) shards.set(name, (shard = load(name)));
      return shard;
    },
    texts(name) {
      // Once per file: several results of a page may share one (4 reports each).
      let found = texts.get(name);
      if (!found) texts.set(name, (found = text(name)));
      return found;
    },
    names() {
      names ??= read(table.names).then((bytes) => new ReportNames(bytes ?? new Uint8Array()));
      return names;
    },
  };
}
