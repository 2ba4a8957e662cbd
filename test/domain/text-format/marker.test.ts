import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMarker } from '../../../src/domain/text-format/marker.js';

test('reads a level-1 number followed by an ASCII space', () => {
  assert.deepEqual(parseMarker('1 概要'), { level: 1, number: '1', separator: ' ', rest: '概要' });
});

test('reads a full-width level-1 number followed by full-width spaces', () => {
  assert.deepEqual(parseMarker('１２　　会議の結果'), { level: 1, number: '１２', separator: '　　', rest: '会議の結果' });
});

test('reads a level-1 number with a half- or full-width full stop', () => {
  assert.deepEqual(parseMarker('3.経過'), { level: 1, number: '3.', separator: '', rest: '経過' });
  assert.deepEqual(parseMarker('３． 経過'), { level: 1, number: '３．', separator: ' ', rest: '経過' });
});

test('does not read dates, years, decimals or four-digit numbers as level-1 markers', () => {
  assert.equal(parseMarker('11月2日,会議が開かれた。'), undefined);
  assert.equal(parseMarker('2024年の予算'), undefined);
  assert.equal(parseMarker('1.5倍に増えた。'), undefined);
  assert.equal(parseMarker('2024 年度'), undefined);
  assert.equal(parseMarker('5 '), undefined);
});

test('reads (N) with half- or full-width parentheses and digits', () => {
  assert.deepEqual(parseMarker('(1)北部地域'), { level: 2, number: '(1)', separator: '', rest: '北部地域' });
  assert.deepEqual(parseMarker('（１０）　南部地域'), { level: 2, number: '（１０）', separator: '　', rest: '南部地域' });
});

test('reads a katakana marker only when a space follows it', () => {
  assert.deepEqual(parseMarker('イ 予算の状況'), { level: 3, number: 'イ', separator: ' ', rest: '予算の状況' });
  assert.deepEqual(parseMarker('ワ　最後'), { level: 3, number: 'ワ', separator: '　', rest: '最後' });
  assert.equal(parseMarker('アジアの安全保障'), undefined);
  assert.equal(parseMarker('ン 対象外'), undefined);
});

test('reads (ア) with half- or full-width parentheses', () => {
  assert.deepEqual(parseMarker('(ア)要旨'), { level: 4, number: '(ア)', separator: '', rest: '要旨' });
  assert.deepEqual(parseMarker('（カ） 補足'), { level: 4, number: '（カ）', separator: ' ', rest: '補足' });
});

test('reads circled numbers from ① to ⑳', () => {
  assert.deepEqual(parseMarker('①第一の点'), { level: 5, number: '①', separator: '', rest: '第一の点' });
  assert.deepEqual(parseMarker('⑳ 最後の点'), { level: 5, number: '⑳', separator: ' ', rest: '最後の点' });
  assert.equal(parseMarker('㉑ 範囲外'), undefined);
});

test('ignores leading ASCII and full-width spaces before a marker', () => {
  assert.deepEqual(parseMarker(' 　(2)続き'), { level: 2, number: '(2)', separator: '', rest: '続き' });
});

test('returns undefined for a line without a marker', () => {
  assert.equal(parseMarker('本日は晴天であった。'), undefined);
});
