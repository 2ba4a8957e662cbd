import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeSource } from '../../../src/domain/text-format/normalize-source.js';

test('turns CRLF and lone CR into LF', () => {
  assert.equal(normalizeSource('一\r\n二\r三\n四'), '一\n二\n三\n四');
});

test('removes C0 and C1 control characters but keeps tabs and newlines', () => {
  assert.equal(normalizeSource('a\u0000b\u0007c\u001Bd\u007Fe\u0085f\u009Fg\th\ni'), 'abcdefg\th\ni');
});

test('replaces lone surrogates with U+FFFD and keeps surrogate pairs', () => {
  assert.equal(normalizeSource('a\uD800b\uDC00c𠮷'), 'a\uFFFDb\uFFFDc𠮷');
});

test('leaves full-width digits, parentheses and spaces as written', () => {
  const source = '（１）　全角の項目　ｱｲｳ';
  assert.equal(normalizeSource(source), source);
});
