// The index's head, carried by the static search page (`katsudo build` renders that page once
// the index is written: exporter/build-site.ts, read-search-head.ts): the build the page was
// written with and what names a query's files (buckets, split characters, which shards exist,
// the delta file, the names file). With it the script shows a search kept for that build without waiting on
// the doc table, and asks for a new search's shards beside the doc table instead of after it.
// The doc table fetched stays the authority: a page whose head names another build (a CDN
// holding an older page than the index, or the reverse) shows what the table's build gives.
import { prefixShards, type DocTable } from './format.js';

export interface SearchHead extends Pick<DocTable, 'buckets' | 'wordBuckets' | 'split'> {
  /** buildIdOf(docs.dat as written) (stored-results.ts). */
  build: string;
  /** One bit per shard name of headShardNames, in its order (base64): the shards that exist. */
  present: string;
  /** DocTable.delta's file, read by every shard after incremental builds. */
  delta?: string;
  /** DocTable.names: the names file, read by every search of reports. */
  names?: string;
}

/** Every shard name the table's parameters allow, in a fixed order: buckets, word buckets, then each split character's parts. */
function headShardNames(head: Pick<DocTable, 'buckets' | 'wordBuckets' | 'split'>): string[] {
  const names: string[] = [];
  for (let i = 0; i < head.buckets; i++) names.push(`b${i}`);
  for (let i = 0; i < head.wordBuckets; i++) names.push(`w${i}`);
  for (const first of Object.keys(head.split)) names.push(...prefixShards(head, first));
  return names;
}

export function searchHeadOf(table: DocTable, build: string): SearchHead {
  const existing = new Set(table.shards);
  const names = headShardNames(table);
  const bits = new Uint8Array(Math.ceil(names.length / 8));
  names.forEach((name, i) => existing.has(name) && (bits[i >> 3]! |= 1 << (i & 7)));
  const present = btoa(String.fromCharCode(...bits));
  return {
    build,
    buckets: table.buckets,
    wordBuckets: table.wordBuckets,
    split: table.split,
    present,
    ...(table.delta ? { delta: table.delta.file } : {}),
    names: table.names,
  };
}

/** The shards that exist, by the head. */
export function headShards(head: SearchHead): Set<string> {
  const bits = atob(head.present);
  return new Set(headShardNames(head).filter((_, i) => (bits.charCodeAt(i >> 3) >> (i & 7)) & 1));
}

/** The head the page carries (undefined: a page without one, or not a head). */
export function parseSearchHead(text: string | null | undefined): SearchHead | undefined {
  if (!text) return undefined;
  try {
    const head = JSON.parse(text) as Partial<SearchHead>;
    return typeof head.build === 'string' && typeof head.present === 'string' && typeof head.buckets === 'number' ? (head as SearchHead) : undefined;
  } catch {
    return undefined;
  }
}
