import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { normalizeForSearch, normalizeWithOffsets } from '../../../src/domain/search/normalize.js';

// Any UTF-16 code unit, lone surrogates and control characters included.
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: codeUnit, maxLength: 80 }),
  fc.string({
    unit: fc.constantFrom('ｶ', 'ﾞ', 'ﾟ', 'ﾊ', 'か', '\u3099', 'Ａ', 'a', '２', '＋', '髙', '﨑', '㈱', 'Ⅻ', '𠮷', ' ', '　', '\n', 'e', '\u0301'),
    maxLength: 40,
  }),
);

test('unifies full-width and half-width Latin, digits and symbols, in lower case', () => {
  assert.equal(normalizeForSearch('ＡＤＭＭ'), 'admm');
  assert.equal(normalizeForSearch('ADMM'), 'admm');
  assert.equal(normalizeForSearch('Ａｄｍｍ'), 'admm');
  assert.equal(normalizeForSearch('２＋２'), '2+2');
  assert.equal(normalizeForSearch('２＋２'), normalizeForSearch('2+2'));
  assert.equal(normalizeForSearch('ＴＰＰ協定'), 'tpp協定');
});

test('turns half-width katakana into full-width, joining voiced and semi-voiced marks', () => {
  assert.equal(normalizeForSearch('ｶﾀｶﾅ'), 'カタカナ');
  assert.equal(normalizeForSearch('ﾊﾟ'), 'パ');
  assert.equal(normalizeForSearch('ﾊﾟﾝﾌﾚｯﾄ'), 'パンフレット');
  assert.equal(normalizeForSearch('ｶﾞｿﾘﾝ'), 'ガソリン');
  // A decomposed kana with a combining mark composes too.
  assert.equal(normalizeForSearch('か\u3099'), 'が');
});

test('folds the variant forms of characters in names onto the common form', () => {
  assert.equal(normalizeForSearch('髙橋'), '高橋');
  assert.equal(normalizeForSearch('山﨑'), '山崎');
  assert.equal(normalizeForSearch('德川'), '徳川');
  assert.equal(normalizeForSearch('濵田'), '浜田');
  assert.equal(normalizeForSearch('渡邊'), '渡辺');
  assert.equal(normalizeForSearch('齋藤'), '斎藤');
  // The common forms are left as they are.
  assert.equal(normalizeForSearch('高崎徳浜'), '高崎徳浜');
});

test('leaves ordinary Japanese text as it is and keeps white space', () => {
  const text = '外交の基本方針について、意見を交わした。\n2 概要';
  assert.equal(normalizeForSearch(text), text);
  assert.equal(normalizeForSearch('外交\u3000政策'), '外交 政策');
});

test('maps every normalised character back to the original character it came from', () => {
  const original = 'ｶﾞｿﾘﾝ１２３㈱髙﨑';
  const { text, offsets } = normalizeWithOffsets(original);
  assert.equal(text, 'ガソリン123(株)高崎');
  // ｶﾞ is two original characters; ㈱ becomes three.
  assert.deepEqual(offsets, [0, 2, 3, 4, 5, 6, 7, 8, 8, 8, 9, 10, 11]);
  const at = (i: number) => original.slice(offsets[i], offsets[i + 1]);
  assert.equal(at(0), 'ｶﾞ');
  assert.equal(original.slice(offsets[text.indexOf('123')], offsets[text.indexOf('123') + 3]), '１２３');
  assert.equal(original.slice(offsets[text.indexOf('高崎')], offsets[text.length]), '髙﨑');
});

test('keeps a character outside the BMP whole', () => {
  const { text, offsets } = normalizeWithOffsets('𠮷野家');
  assert.equal(text, '𠮷野家');
  assert.deepEqual(offsets, [0, 0, 2, 3, 4]);
});

test('gives offsets that cover the original in order, for any text', () => {
  fc.assert(
    fc.property(anyText, (input) => {
      const { text, offsets } = normalizeWithOffsets(input);
      assert.equal(text, normalizeForSearch(input));
      assert.equal(offsets.length, text.length + 1);
      assert.equal(offsets[offsets.length - 1], input.length);
      for (let i = 1; i < offsets.length; i++) assert.ok(offsets[i - 1]! <= offsets[i]!, `offsets[${i}] goes back`);
      // Each stretch of normalised text is what its stretch of the original normalises to.
      let i = 0;
      while (i < text.length) {
        let j = i;
        while (j < text.length && offsets[j] === offsets[i]) j++;
        assert.equal(normalizeForSearch(input.slice(offsets[i], offsets[j])), text.slice(i, j));
        i = j;
      }
    }),
    { numRuns: 500 },
  );
});

test('is idempotent', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (input) => {
      const once = normalizeForSearch(input);
      assert.equal(normalizeForSearch(once), once);
    }),
    { numRuns: 500 },
  );
});
