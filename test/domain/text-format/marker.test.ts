import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMarker } from '../../../src/domain/text-format/marker.js';

test('reads a level-1 number followed by an ASCII space', () => {
  assert.deepEqual(parseMarker('1 概要'), { level: 5, number: '1', separator: ' ', rest: '概要' });
});

test('reads a full-width level-1 number followed by full-width spaces', () => {
  assert.deepEqual(parseMarker('１２　　会議の結果'), { level: 5, number: '１２', separator: '　　', rest: '会議の結果' });
});

test('reads a level-1 number with a half- or full-width full stop', () => {
  assert.deepEqual(parseMarker('3.経過'), { level: 5, number: '3.', separator: '', rest: '経過' });
  assert.deepEqual(parseMarker('３． 経過'), { level: 5, number: '３．', separator: ' ', rest: '経過' });
});

test('does not read dates, years, decimals or four-digit numbers as level-1 markers', () => {
  assert.equal(parseMarker('11月2日,会議が開かれた。'), undefined);
  assert.equal(parseMarker('2024年の予算'), undefined);
  assert.equal(parseMarker('1.5倍に増えた。'), undefined);
  assert.equal(parseMarker('2024 年度'), undefined);
  assert.equal(parseMarker('5 '), undefined);
});

test('reads (N) with half- or full-width parentheses and digits', () => {
  assert.deepEqual(parseMarker('(1)北部地域'), { level: 6, number: '(1)', separator: '', rest: '北部地域' });
  assert.deepEqual(parseMarker('（１０）　南部地域'), { level: 6, number: '（１０）', separator: '　', rest: '南部地域' });
});

test('reads a katakana marker only when a space follows it', () => {
  assert.deepEqual(parseMarker('イ 予算の状況'), { level: 7, number: 'イ', separator: ' ', rest: '予算の状況' });
  assert.deepEqual(parseMarker('ワ　最後'), { level: 7, number: 'ワ', separator: '　', rest: '最後' });
  assert.equal(parseMarker('アジアの安全保障'), undefined);
  assert.equal(parseMarker('ン 対象外'), undefined);
});

test('reads (ア) with half- or full-width parentheses', () => {
  assert.deepEqual(parseMarker('(ア)要旨'), { level: 8, number: '(ア)', separator: '', rest: '要旨' });
  assert.deepEqual(parseMarker('（カ） 補足'), { level: 8, number: '（カ）', separator: ' ', rest: '補足' });
});

test('reads circled numbers from ① to ⑳', () => {
  assert.deepEqual(parseMarker('①第一の点'), { level: 9, number: '①', separator: '', rest: '第一の点' });
  assert.deepEqual(parseMarker('⑳ 最後の点'), { level: 9, number: '⑳', separator: ' ', rest: '最後の点' });
  assert.equal(parseMarker('㉑ 範囲外'), undefined);
});

test('ignores leading ASCII and full-width spaces before a marker', () => {
  assert.deepEqual(parseMarker(' 　(2)続き'), { level: 6, number: '(2)', separator: '', rest: '続き' });
});

test('returns undefined for a line without a marker', () => {
  assert.equal(parseMarker('本日は晴天であった。'), undefined);
});

test('reads 第1, 第一 and 第1章 as chapter markers above the numbers', () => {
  assert.deepEqual(parseMarker('第1 総則'), { level: 1, number: '第1', separator: ' ', rest: '総則' });
  assert.deepEqual(parseMarker('第一　目的'), { level: 1, number: '第一', separator: '　', rest: '目的' });
  assert.deepEqual(parseMarker('第2章地域の課題'), { level: 1, number: '第2章', separator: '', rest: '地域の課題' });
  assert.equal(parseMarker('第1回定例会が開かれた。'), undefined);
  assert.equal(parseMarker('第3四半期の実績'), undefined);
});

test('reads a bracketed line as an unnumbered heading candidate, brackets kept in the title', () => {
  assert.deepEqual(parseMarker('【活動報告】'), { level: 2, number: '', separator: '', rest: '【活動報告】', isHeadingOnly: true });
  assert.deepEqual(parseMarker('〈はじめに〉 '), { level: 2, number: '', separator: '', rest: '〈はじめに〉', isHeadingOnly: true });
  assert.deepEqual(parseMarker('＜おわりに＞'), { level: 2, number: '', separator: '', rest: '＜おわりに＞', isHeadingOnly: true });
  assert.equal(parseMarker('【お知らせ】本日は休業です。'), undefined);
});

test('reads the symbols ■ □ ◆ ◇ ● ○ ▼ ▶ followed by text', () => {
  for (const symbol of ['■', '□', '◆', '◇', '●', '○', '▼', '▶']) {
    assert.deepEqual(parseMarker(`${symbol} 委員会`), { level: 3, number: symbol, separator: ' ', rest: '委員会' });
  }
  assert.deepEqual(parseMarker('■委員会'), { level: 3, number: '■', separator: '', rest: '委員会' });
  assert.equal(parseMarker('■'), undefined);
});

test('reads 一、 二、 as kanji-numbered markers', () => {
  assert.deepEqual(parseMarker('一、概要'), { level: 4, number: '一、', separator: '', rest: '概要' });
  assert.deepEqual(parseMarker('十二、 その他'), { level: 4, number: '十二、', separator: ' ', rest: 'その他' });
});

test('reads ⑴ and 1) / 1） at the level of (1)', () => {
  assert.deepEqual(parseMarker('⑴北部'), { level: 6, number: '⑴', separator: '', rest: '北部' });
  assert.deepEqual(parseMarker('⒇ 南部'), { level: 6, number: '⒇', separator: ' ', rest: '南部' });
  assert.deepEqual(parseMarker('1) 北部'), { level: 6, number: '1)', separator: ' ', rest: '北部' });
  assert.deepEqual(parseMarker('２）南部'), { level: 6, number: '２）', separator: '', rest: '南部' });
});

test('reads ア. and ア． at the level of ア', () => {
  assert.deepEqual(parseMarker('ア.道路'), { level: 7, number: 'ア.', separator: '', rest: '道路' });
  assert.deepEqual(parseMarker('イ． 橋'), { level: 7, number: 'イ．', separator: ' ', rest: '橋' });
});

test('reads a number glued to a title, but never a date, a count or a quantity', () => {
  assert.deepEqual(parseMarker('1南部開発問題'), { level: 5, number: '1', separator: '', rest: '南部開発問題', isHeadingOnly: true });
  assert.deepEqual(parseMarker('2カーボンニュートラル'), { level: 5, number: '2', separator: '', rest: 'カーボンニュートラル', isHeadingOnly: true });
  for (const text of ['10月に開催', '1人で出席', '3期目の挑戦', '2023年度予算', '2+2の会合', '5つの提言', '１０日の会議', '100億円', '3カ所を視察', '2ヶ月ぶり']) {
    assert.equal(parseMarker(text), undefined, text);
  }
});

test('reads 「1.11月14日」 as item 1 but 「1.5倍」 and 「3.14」 as decimals', () => {
  assert.deepEqual(parseMarker('1.11月14日(金)に開会'), { level: 5, number: '1.', separator: '', rest: '11月14日(金)に開会' });
  assert.deepEqual(parseMarker('２．２０２５年の実績'), { level: 5, number: '２．', separator: '', rest: '２０２５年の実績' });
  assert.equal(parseMarker('1.5倍に増えた。'), undefined);
  assert.equal(parseMarker('3.14'), undefined);
  assert.equal(parseMarker('1.5'), undefined);
});

test('reads a tab after a marker like a space at every level', () => {
  assert.deepEqual(parseMarker('1\t概要'), { level: 5, number: '1', separator: '\t', rest: '概要' });
  assert.deepEqual(parseMarker('(1)\t北部'), { level: 6, number: '(1)', separator: '\t', rest: '北部' });
  assert.deepEqual(parseMarker('ア\t道路'), { level: 7, number: 'ア', separator: '\t', rest: '道路' });
  assert.deepEqual(parseMarker('■\t委員会'), { level: 3, number: '■', separator: '\t', rest: '委員会' });
});
