import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mediaRefs } from '../../../src/domain/text-format/media-refs.js';

test('lists distinct media refs in order of first use', () => {
  const source = '1 [概要版](media:summary.pdf)\n本文\n\n(1)[全文](media:full.pdf)と[概要版](media:summary.pdf)を配布した。\n\n[写真](media:photo.jpg)';
  assert.deepEqual(mediaRefs(source), ['summary.pdf', 'full.pdf', 'photo.jpg']);
});

test('ignores web links, refused links and text that only looks like a media ref', () => {
  assert.deepEqual(mediaRefs('[a](https://example.jp) [b](javascript:x) media:plain.pdf `[c](media:x.pdf)`'), ['x.pdf']);
  assert.deepEqual(mediaRefs('[a](https://example.jp) media:plain.pdf [d](media:)'), []);
});

test('returns refs exactly as written, with spaces and Japanese', () => {
  assert.deepEqual(mediaRefs('[資料](<media:予算 資料.pdf>)'), ['予算 資料.pdf']);
});

test('returns nothing for a source without links', () => {
  assert.deepEqual(mediaRefs('1 概要\n本文。'), []);
});
