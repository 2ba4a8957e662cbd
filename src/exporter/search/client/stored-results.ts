// What the search page keeps across page loads: the outcome of each search made, by the
// index's build and the search's parameters, so a new load of a search made before shows its
// results without reading a shard or evaluating anything. The build is read from the doc
// table's bytes as fetched (buildIdOf): every build that changes a file of the index changes
// the doc table (a full build's table names a hash of all its other files, DocTable.build; an
// incremental build names a new delta file), so a result of an older build is never shown.
// When the page meets another build, everything kept is dropped; past KEPT_RESULTS, the
// oldest. Kept in localStorage, one entry a search: Chromium hands the page its storage at
// the first read, and a read is then synchronous, where IndexedDB took 20–370 ms a read at
// load 20–26 (its first open in a new profile the slowest; docs/performance.md). Storage
// refused or full: nothing is kept, the search runs as without it.

import { isGzip } from './format.js';

const PREFIX = 'katsudo-static-search-result:';
/** [build, keys of the kept outcomes, oldest first]. */
const LIST_KEY = 'katsudo-static-search-results';
const KEPT_RESULTS = 60;

type KeptList = [build: string, keys: string[]];

/**
 * The doc table as fetched, named. Compressed (as the build writes it): its length, then the
 * CRC-32 and length of its content from the gzip trailer (RFC 1952), read without a pass over
 * the 75 KB on the search's critical path (FNV over them took 2–5 ms in the page); the content
 * holds DocTable.build, so another build changes it. Otherwise FNV-1a over the bytes in two lanes.
 */
export function buildIdOf(bytes: Uint8Array): string {
  if (isGzip(bytes) && bytes.length >= 18) {
    const trailer = new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 8, 8);
    return `${bytes.length.toString(36)}-${trailer.getUint32(0, true).toString(36)}-${trailer.getUint32(4, true).toString(36)}`;
  }
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i]!, 0x01000193);
    b = Math.imul(b ^ bytes[i]!, 0x01000193) ^ (b >>> 15);
  }
  return `${bytes.length.toString(36)}-${(a >>> 0).toString(36)}-${(b >>> 0).toString(36)}`;
}

function readJson<T>(key: string): T | undefined {
  try {
    const text = localStorage.getItem(key);
    return text === null ? undefined : (JSON.parse(text) as T);
  } catch {
    return undefined;
  }
}

/** Whether an outcome is kept for `key`, of whichever build (the page then fetches nothing ahead). */
export const hasKeptResult = (key: string) => readJson<KeptList>(LIST_KEY)?.[1].includes(key) ?? false;

/** The outcome kept for `key` under `build`, if any. */
export function readKeptResult<T>(build: string, key: string): T | undefined {
  const kept = readJson<[string, T]>(PREFIX + key);
  return kept?.[0] === build ? kept[1] : undefined;
}

/** Keeps `value` for `key` under `build`, dropping what another build left. */
export function keepResult(build: string, key: string, value: unknown): void {
  try {
    const list = readJson<KeptList>(LIST_KEY);
    const keys = list?.[0] === build ? list[1].filter((k) => k !== key) : [];
    for (const dropped of list?.[0] === build ? keys.splice(0, Math.max(0, keys.length + 1 - KEPT_RESULTS)) : (list?.[1] ?? [])) {
      localStorage.removeItem(PREFIX + dropped);
    }
    keys.push(key);
    localStorage.setItem(LIST_KEY, JSON.stringify([build, keys] satisfies KeptList));
    localStorage.setItem(PREFIX + key, JSON.stringify([build, value]));
  } catch {
    // Storage full or refused: this outcome is not kept.
  }
}
