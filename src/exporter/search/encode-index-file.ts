// How the static index's files are compressed (gzip, client/format.ts: the reader checks the
// magic bytes), one setting for every writer: the full build's threads, the incremental build.
import { gzipSync } from 'node:zlib';

export const INDEX_GZIP = { level: 6 };

export function encodeJson(value: unknown): Uint8Array {
  return gzipSync(JSON.stringify(value), INDEX_GZIP);
}

export function encodeShard(bytes: Uint8Array): Uint8Array {
  return gzipSync(bytes, INDEX_GZIP);
}
