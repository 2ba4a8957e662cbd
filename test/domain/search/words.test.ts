import assert from 'node:assert/strict';
import { test } from 'node:test';
import { searchDocument } from '../../../src/domain/search/document.js';
import { normalizeForSearch } from '../../../src/domain/search/normalize.js';
import { termWords, wordTokens } from '../../../src/domain/search/words.js';

const words = (text: string) => wordTokens(normalizeForSearch(text)).split(' ');

test('finds 外交 as a word in 日本の外交, not inside 海外交流 or 対外交渉', () => {
  assert.ok(words('日本の外交の基本方針を説明した。').includes('外交'));
  assert.ok(!words('中学生の海外交流事業について説明があった。').includes('外交'));
  assert.ok(!words('今後の対外交渉では地方の実情を踏まえてほしい。').includes('外交'));
});

test('finds 中国 as a word in 中国の動向, not inside 中国地方', () => {
  assert.ok(words('中国の動向を含む地域の安全保障環境').includes('中国'));
  assert.ok(!words('中国地方の各県が連携して取り組む').includes('中国'));
});

test('leaves punctuation out of the words and encodes ASCII symbols inside a word', () => {
  assert.deepEqual(words('「外交」、中国。'), ['外交', '中国']);
  assert.deepEqual(wordTokens('example.jp'), 'example．jp');
});

test('cuts a very long word to its first 32 characters', () => {
  assert.equal(wordTokens('a'.repeat(100)), 'a'.repeat(32));
});

test('gives the words of a query term, to be found in a row', () => {
  assert.deepEqual(termWords('外交'), ['外交']);
  assert.deepEqual(termWords('子育て支援'), ['子育て', '支援']);
  assert.deepEqual(termWords('2+2'), ['2', '2']);
  assert.deepEqual(termWords('「」'), []);
});

test('builds a search document from the normalised title and text', () => {
  const doc = searchDocument('ＴＰＰの説明', '髙橋氏と外交\n政策');
  assert.equal(doc.title, 'tp pp pの の説 説明 明');
  assert.equal(doc.body, '高橋 橋氏 氏と と外 外交 交 政策 策');
  assert.equal(doc.words, 'tpp の 説明 高橋 氏 と 外交 政策');
});
