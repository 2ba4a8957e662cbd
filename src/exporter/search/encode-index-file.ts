// How the static index's files are compressed (gzip, client/format.ts: the reader checks the
// magic bytes; the text files raw deflate from the site's dictionary), one setting per kind of
// file for every writer: the full build's threads, the incremental build.
import { deflateRawSync, gzipSync } from 'node:zlib';

/** Text files and the doc table: JSON of Japanese text, where level 6 wins 4 % over level 4 (0.4 % less at 9 with the dictionary). */
export const INDEX_GZIP = { level: 6 };

/**
 * Shards and the delta: mostly Rice-coded positions that LZ77 finds little to match in, so a
 * deeper search costs time for almost nothing (10,000 reports: level 4 is 0.5 % larger than 6
 * in 60 % of its CPU, level 9 0.1 % smaller in 230 %).
 */
export const SHARD_GZIP = { level: 4 };

export function encodeJson(value: unknown): Uint8Array {
  return encodeJsonText(JSON.stringify(value));
}

/** A value's JSON as `encodeJson` writes it, for a caller that also needs the text. */
export function encodeJsonText(json: string): Uint8Array {
  return gzipSync(json, INDEX_GZIP);
}

export function encodeShard(bytes: Uint8Array): Uint8Array {
  return gzipSync(bytes, SHARD_GZIP);
}

/** A text file's JSON, raw deflate whose back references reach into `dictionary` (client/inflate-text.ts reads it). */
export function encodeText(json: string, dictionary: Uint8Array): Uint8Array {
  return deflateRawSync(json, { ...INDEX_GZIP, dictionary });
}

/** The text files' dictionary: 32 KB of text, once per build, fetched once per session. */
export function encodeDictionary(dictionary: Uint8Array): Uint8Array {
  return gzipSync(dictionary, { level: 9 });
}
