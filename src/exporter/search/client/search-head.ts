// The index's head, carried by the static search page (`katsudo build` renders that page once
// the index is written: exporter/build-site.ts, read-search-head.ts): the build the page was
// written with and what names a query's files (buckets, split characters, which shards exist,
// the delta file, the names file, the text files' dictionary). With it the script shows a search kept for that build without waiting on
// the doc table, and asks for a new search's shards beside the doc table instead of after it.
// The doc table fetched stays the authority: a page whose head names another build (a CDN
// holding an older page than the index, or the reverse) shows what the table's build gives.
import { prefixShards, type DocTable } from './format.js';

export interface SearchHead extends Pick<DocTable, 'buckets' | 'split'> {
  /** buildIdOf(docs.dat as written) (stored-results.ts). */
  build: string;
  /** One bit per shard name of headShardNames, in its order (base64): the shards that exist. */
  present: string;
  /** DocTable.delta's file, read by every shard after incremental builds. */
  delta?: string;
  /** DocTable.names: the names file, read by every search of reports. */
  names?: string;
  /** DocTable.dictionary: the text files' dictionary, read with the first snippet (fetched ahead, it is in when the text files come). */
  dictionary?: string;
}

/** Every shard name the table's parameters allow, in a fixed order: buckets, then each split character's parts. */
function headShardNames(head: Pick<DocTable, 'buckets' | 'split'>): string[] {
  const names: string[] = [];
  for (let i = 0; i < head.buckets; i++) names.push(`b${i}`);
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
    split: table.split,
    present,
    ...(table.delta ? { delta: table.delta.file } : {}),
    names: table.names,
    ...(table.dictionary ? { dictionary: table.dictionary } : {}),
  };
}

/**
 * Whether the shard `name` exists, by the head: its bit found from the name (listing every name
 * the head allows, ~1,600, took ~2.4 ms at the script's start in Chromium, before any fetch).
 */
export function headHasShard(head: SearchHead, name: string): boolean {
  const number = (text: string) => (/^(0|[1-9]\d*)$/.test(text) ? Number(text) : -1);
  let at = -1;
  if (name.startsWith('b')) {
    const i = number(name.slice(1));
    if (i >= 0 && i < head.buckets) at = i;
  } else if (name.startsWith('s')) {
    const [code, part] = name.slice(1).split('-');
    const first = code && /^[0-9a-z]+$/.test(code) ? String.fromCodePoint(parseInt(code, 36)) : '';
    const j = number(part ?? '');
    let offset = head.buckets;
    for (const [character, parts] of Object.entries(head.split)) {
      if (character === first) {
        if (j >= 0 && j < parts) at = offset + j;
        break;
      }
      offset += parts;
    }
  }
  return at >= 0 && ((atob(head.present).charCodeAt(at >> 3) >> (at & 7)) & 1) === 1;
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
