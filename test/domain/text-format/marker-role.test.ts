import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markerRole } from '../../../src/domain/text-format/marker-role.js';
import { parseMarker } from '../../../src/domain/text-format/marker.js';

/** Whether the first line of `lines` is a heading. */
function firstIsHeading(...lines: string[]): boolean {
  const marker = parseMarker(lines[0]!);
  assert.ok(marker, `no marker in ${lines[0]}`);
  return markerRole(marker, lines, 0) === 'heading';
}

test('treats a short level-2 line directly followed by text as a heading', () => {
  assert.equal(firstIsHeading('(1)北部地域', '現地の状況を確認した。'), true);
});

test('treats a short level-2 line followed by a blank line and text as a heading', () => {
  assert.equal(firstIsHeading('(1)北部地域', '', '現地の状況を確認した。'), true);
});

test('treats a short level-2 line followed by a marker of its level or higher as an item', () => {
  assert.equal(firstIsHeading('(1)北部地域', '(2)南部地域', '説明した。'), false);
  assert.equal(firstIsHeading('(1)北部地域', '2 次の見出し'), false);
});

test('treats a short level-2 line over deeper items as their heading', () => {
  assert.equal(firstIsHeading('(1)子育て支援', 'ア 保育所の整備について質した。', 'イ 財源について質した。'), true);
  assert.equal(firstIsHeading('ア 財源', '', '(ア)国の負担について質した。'), true);
});

test('treats a short level-2 line at the end of the text as an item', () => {
  assert.equal(firstIsHeading('(1)北部地域'), false);
  assert.equal(firstIsHeading('(1)北部地域', '', '　'), false);
});

test('treats a marker line containing 。 as an item', () => {
  assert.equal(firstIsHeading('(1)大臣から,方針を説明した。', '補足の説明があった。'), false);
  assert.equal(firstIsHeading('1 概要。', '本文'), false);
});

test('treats a marker line ending like an unfinished sentence as an item', () => {
  for (const end of ['、', ',', '，', '.', '：']) {
    assert.equal(firstIsHeading(`(1)大臣から${end}`, '続きの文。'), false, end);
  }
});

test('limits level-1 titles to 60 characters and lower levels to 30', () => {
  assert.equal(firstIsHeading(`1 ${'あ'.repeat(60)}`, '本文'), true);
  assert.equal(firstIsHeading(`1 ${'あ'.repeat(61)}`, '本文'), false);
  assert.equal(firstIsHeading(`ア ${'い'.repeat(30)}`, '本文'), true);
  assert.equal(firstIsHeading(`ア ${'い'.repeat(31)}`, '本文'), false);
});

test('counts title length in characters, not UTF-16 units', () => {
  assert.equal(firstIsHeading(`① ${'𠮷'.repeat(30)}`, '本文'), true);
});

test('treats a short level-1 line as a heading whatever follows', () => {
  assert.equal(firstIsHeading('1 概要', '', '(1)説明した。'), true);
  assert.equal(firstIsHeading('1 概要', '2 日程'), true);
});

test('treats a short numbered last line as an item: a heading needs text after it', () => {
  assert.equal(firstIsHeading('7 その他'), false);
  assert.equal(firstIsHeading('第3 今後の予定', '', ' '), false);
  assert.equal(firstIsHeading('■ おわりに'), false);
});

test('treats a marker with nothing after it as an item', () => {
  assert.equal(firstIsHeading('(3)', '本文'), false);
  assert.equal(firstIsHeading('1.', '本文'), false);
});
