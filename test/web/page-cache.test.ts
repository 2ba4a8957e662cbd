// The page cache: a page is kept from its second rendering, the byte bound counts bodies and
// compressed variants as the memory they really hold, and the least recently used go first.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { PageCache } from '../../src/web/page-cache.js';

const HTML = 'text/html; charset=utf-8';
const KB = 1024;

/** A page body of `n` bytes that does not compress (so sizes are predictable). */
const incompressible = (n: number) => Buffer.from(randomBytes(n));

/** Renders a key twice, as two requests would: the second rendering is kept. */
function keep(cache: PageCache, key: string, body: Buffer, version = 1) {
  cache.set(key, version, body, HTML);
  return cache.set(key, version, body, HTML);
}

test('a page rendered once is sent but not kept; its second rendering is kept', () => {
  const cache = new PageCache(1024 * KB);
  const first = cache.set('/a/', 1, Buffer.from('<p>一</p>'), HTML);
  assert.equal(first.body.toString(), '<p>一</p>');
  assert.equal(cache.get('/a/', 1), undefined);
  assert.equal(cache.heldBytes, 0);
  cache.set('/a/', 1, Buffer.from('<p>一</p>'), HTML);
  assert.equal(cache.get('/a/', 1)?.body.toString(), '<p>一</p>');
});

test('a kept page outdated by a write is kept again at its first new rendering', () => {
  const cache = new PageCache(1024 * KB);
  keep(cache, '/a/', Buffer.from('old'));
  assert.equal(cache.get('/a/', 2), undefined);
  cache.set('/a/', 2, Buffer.from('new'), HTML);
  assert.equal(cache.get('/a/', 2)?.body.toString(), 'new');
});

test('a crawl through many pages leaves the pages read twice in the cache', () => {
  const cache = new PageCache(64 * KB);
  keep(cache, '/popular/', incompressible(4 * KB));
  for (let i = 0; i < 1000; i++) cache.set(`/old/${i}/`, 1, incompressible(4 * KB), HTML);
  assert.ok(cache.get('/popular/', 1));
  assert.equal(cache.size, 1);
});

test('compressed variants hold only their own bytes and decompress to the body', () => {
  const cache = new PageCache(1024 * KB);
  const body = Buffer.from('<p>活動報告</p>'.repeat(400));
  const entry = keep(cache, '/a/', body);
  const br = cache.encoded(entry, 'br');
  const gzip = cache.encoded(entry, 'gzip');
  // zlib's own result is a view of a 16 KB chunk: kept as is, a 100-byte page would hold 16 KB.
  assert.equal(br.buffer.byteLength, br.byteLength);
  assert.equal(gzip.buffer.byteLength, gzip.byteLength);
  assert.deepEqual(brotliDecompressSync(br), body);
  assert.deepEqual(gunzipSync(gzip), body);
  assert.equal(cache.heldBytes, body.byteLength + br.byteLength + gzip.byteLength);
});

test('a page not kept is compressed for its request without counting against the bound', () => {
  const cache = new PageCache(1024 * KB);
  const once = cache.set('/once/', 1, Buffer.from('<p>一度だけ</p>'.repeat(200)), HTML);
  assert.ok(cache.encoded(once, 'br').byteLength > 0);
  assert.equal(cache.heldBytes, 0);
});

test('evicts the least recently used pages once bodies and compressed variants pass the bound', () => {
  const cache = new PageCache(100 * KB);
  const a = keep(cache, '/a/', incompressible(30 * KB));
  keep(cache, '/b/', incompressible(30 * KB));
  cache.encoded(a, 'gzip'); // a: about 60 KB with its variant
  assert.ok(cache.get('/a/', 1)); // a is now the most recently used
  keep(cache, '/c/', incompressible(30 * KB));
  assert.equal(cache.get('/b/', 1), undefined);
  assert.ok(cache.get('/a/', 1));
  assert.ok(cache.get('/c/', 1));
  assert.ok(cache.heldBytes <= 100 * KB);
});

test('remembers a bounded number of pages rendered once, forgetting the oldest first', () => {
  const cache = new PageCache(64 * KB); // remembers 64 keys
  for (let i = 0; i < 100; i++) cache.set(`/p/${i}/`, 1, Buffer.from(`${i}`), HTML);
  cache.set('/p/0/', 1, Buffer.from('0'), HTML);
  cache.set('/p/99/', 1, Buffer.from('99'), HTML);
  assert.equal(cache.get('/p/0/', 1), undefined);
  assert.ok(cache.get('/p/99/', 1));
});
