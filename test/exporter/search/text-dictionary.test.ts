// The static index's text files start from a preset dictionary of the site's own text
// (text-dictionary.ts), written with Node's raw deflate and read with DecompressionStream,
// which takes no dictionary: the dictionary goes in first as a stored block
// (client/inflate-text.ts; the browser test reads them in Chromium).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { inflateText } from '../../../src/exporter/search/client/inflate-text.js';
import { encodeText } from '../../../src/exporter/search/encode-index-file.js';
import { DICTIONARY_BYTES, dictionaryFile, textDictionary } from '../../../src/exporter/search/text-dictionary.js';

/** Text files as a site's look: reports in the numbered style, sharing their phrases. */
function siteFiles(count: number): string[] {
  const places = ['鯖江市', '福井県庁', '敦賀港', '小浜市役所', '大野市'];
  const topics = ['地域医療の課題', '港湾の整備', '子育て支援', '農業の担い手', '防災訓練'];
  return Array.from({ length: count }, (_, i) => {
    const reports: Record<string, unknown> = {};
    for (let r = 0; r < 4; r++) {
      const n = i * 4 + r;
      const body = `1 概要\n(1)${places[n % 5]}を訪問し、${topics[(n * 3) % 5]}について意見交換を行った。第${n}回。\n(2)出席者は${places[(n + 2) % 5]}の担当者${n % 7}名。\n2 今後の対応\n${topics[n % 5]}について引き続き取り組む。`;
      reports[n] = [body, n % 3 === 0 ? [['ファクトシート', `${topics[(n + 1) % 5]}に関する資料 ${n}`]] : []];
    }
    return JSON.stringify(reports);
  });
}

test('the dictionary is at most 32 KB, the same for the same files, and named by its content', () => {
  const files = siteFiles(400);
  const dictionary = textDictionary(files);
  assert.ok(dictionary.length > 0 && dictionary.length <= DICTIONARY_BYTES, `${dictionary.length} bytes`);
  assert.deepEqual(textDictionary(files), dictionary);
  assert.match(dictionaryFile(dictionary), /^t[\w-]{16}$/);
  assert.notEqual(dictionaryFile(textDictionary(files.slice(1))), dictionaryFile(dictionary));
});

test('a small site is its own dictionary', () => {
  const files = siteFiles(2);
  assert.equal(Buffer.from(textDictionary(files)).toString('utf8'), files.join(''));
});

test('a text file compressed from the dictionary is read back whole, and is smaller than gzip', async () => {
  const files = siteFiles(400);
  const dictionary = textDictionary(files);
  let [withDictionary, gzipped] = [0, 0];
  for (const json of files) {
    const bytes = encodeText(json, dictionary);
    assert.equal(new TextDecoder().decode(await inflateText(bytes, dictionary)), json);
    withDictionary += bytes.length;
    gzipped += gzipSync(json).length;
  }
  assert.ok(withDictionary < gzipped * 0.7, `${withDictionary} bytes with the dictionary, ${gzipped} gzip`);
});

test('back references reach the first bytes of a full 32 KB dictionary', async () => {
  let seed = 1;
  const dictionary = new Uint8Array(DICTIONARY_BYTES).map(() => (seed = Math.imul(seed, 1_103_515_245) + 12_345) >>> 24);
  // zlib reaches back at most 32,506 bytes (its window less a lookahead).
  const text = dictionary.subarray(400, 2_400);
  // Nothing of the text repeats within it: only the dictionary, ~32 KB back, makes it small.
  const bytes = deflateRawSync(text, { level: 9, dictionary });
  assert.ok(bytes.length < 100, `${bytes.length} bytes`);
  assert.deepEqual(await inflateText(bytes, dictionary), text);
});
