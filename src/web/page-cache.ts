// Rendered public responses, kept in memory per process and keyed by what they show.
// An entry is valid only for the content version it was rendered at (see
// store/site-state.ts), so a write in any process invalidates every process's cache on
// its next request. Compressed variants are made once per entry, not per request.
//
// Memory (docs/performance.md, issue 13): a page is kept from its second request on, so a
// crawler or a reader walking through thousands of old reports does not churn the cache.
// A churned cache is costly beyond its bound: each evicted body is an ArrayBuffer in V8's
// old generation, freed only by a full collection, and V8 lets up to 64 MB of such
// buffers pile up before it runs one; a body sent once and dropped dies young instead.
import { createHash } from 'node:crypto';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';

// A 64 KB window is as good as the default 4 MB for pages of tens of KB and a hundred
// times faster to set up (0.5 ms instead of 50 ms per page at quality 9).
const BROTLI_PARAMS = { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_LGWIN]: 16 };

export interface CachedPage {
  key: string;
  version: number;
  body: Buffer;
  etag: string;
  contentType: string;
  gzip?: Buffer;
  br?: Buffer;
}

export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  /** Keys rendered once recently and not kept, oldest first: the next set() of one keeps it. */
  private readonly seenOnce = new Set<string>();
  private readonly maxSeenOnce: number;
  private bytes = 0;

  constructor(private readonly maxBytes: number) {
    // About one remembered key per KB of cache (a key costs ~100 bytes): 8,192 for 8 MB.
    this.maxSeenOnce = Math.max(64, Math.floor(maxBytes / 1024));
  }

  get(key: string, version: number): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== version) {
      this.delete(key);
      // It was worth keeping before the write: its new rendering is kept at once.
      this.rememberOnce(key);
      return undefined;
    }
    // Re-insert so Map order is least-recently-used first.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** The entry to send; kept only at the key's second rendering and when it fits. */
  set(key: string, version: number, body: Buffer, contentType: string): CachedPage {
    this.delete(key);
    const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
    const entry: CachedPage = { key, version, body, etag, contentType };
    if (body.byteLength * 2 > this.maxBytes || !this.isSeenBefore(key)) return entry;
    entry.body = ownBytes(body);
    this.entries.set(key, entry);
    this.bytes += body.byteLength;
    this.evict();
    return entry;
  }

  /** The body in the best encoding the client accepts; made and remembered on first use. */
  encoded(entry: CachedPage, encoding: 'br' | 'gzip'): Buffer {
    if (encoding === 'br') {
      if (!entry.br) {
        entry.br = ownBytes(brotliCompressSync(entry.body, { params: BROTLI_PARAMS }));
        this.grow(entry, entry.br.byteLength);
      }
      return entry.br;
    }
    if (!entry.gzip) {
      entry.gzip = ownBytes(gzipSync(entry.body, { level: 9 }));
      this.grow(entry, entry.gzip.byteLength);
    }
    return entry.gzip;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Bytes held by the kept entries, bodies and compressed variants. */
  get heldBytes(): number {
    return this.bytes;
  }

  /** True at a key's second rendering; the first is remembered (the oldest memory goes first). */
  private isSeenBefore(key: string): boolean {
    if (this.seenOnce.delete(key)) return true;
    this.rememberOnce(key);
    return false;
  }

  private rememberOnce(key: string): void {
    this.seenOnce.add(key);
    if (this.seenOnce.size > this.maxSeenOnce) this.seenOnce.delete(this.seenOnce.values().next().value!);
  }

  /** Only a kept entry counts: one sent once, or evicted while its request ran, is not held. */
  private grow(entry: CachedPage, n: number): void {
    if (this.entries.get(entry.key) !== entry) return;
    this.bytes += n;
    this.evict();
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.body.byteLength + (entry.gzip?.byteLength ?? 0) + (entry.br?.byteLength ?? 0);
  }

  private evict(): void {
    for (const key of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) return;
      this.delete(key);
    }
  }
}

/**
 * The bytes alone: zlib's sync functions return a view of a 16 KB output chunk (a 3 KB
 * page would hold 16 KB), and a short Buffer.from() a view of a shared 8 KB pool.
 */
function ownBytes(view: Buffer): Buffer {
  if (view.byteLength === view.buffer.byteLength) return view;
  const copy = Buffer.allocUnsafeSlow(view.byteLength);
  view.copy(copy);
  return copy;
}

/** 'br', 'gzip' or undefined from an Accept-Encoding header (q=0 respected). */
export function pickEncoding(header: string | undefined): 'br' | 'gzip' | undefined {
  if (!header) return undefined;
  const accepted = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name!.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return undefined;
}

/** True when an If-None-Match header names `etag` (weak comparison, lists, "*"). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}
