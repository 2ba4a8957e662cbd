import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../src/domain/text-format/parse.js';
import type { Block } from '../../../src/domain/text-format/tree.js';

/** A compact picture of the tree: `p`, `§<number>[…]`, `ol[<number>[…] …]`. */
function shape(blocks: readonly Block[]): string {
  return blocks
    .map((block) => {
      if (block.kind === 'paragraph') return 'p';
      if (block.kind === 'section') return `§${block.marker.number}[${shape(block.children)}]`;
      if (block.kind === 'figure') return `fig(${block.ref})`;
      if (block.kind === 'table') return `table${block.header ? '+head' : ''}(${block.rows.length}x${block.rows[0]?.length ?? 0})`;
      return `ol[${block.items.map((item) => `${item.marker.number}[${shape(item.children)}]`).join(' ')}]`;
    })
    .join(' ');
}

function parse(...lines: string[]): string {
  return shape(parseDocument(lines.join('\n')).children);
}

test('keeps unmarked lines before a blank line in one paragraph', () => {
  const document = parseDocument('一行目\n二行目\n\n三行目');
  assert.deepEqual(document.children, [
    { kind: 'paragraph', lines: ['一行目', '二行目'] },
    { kind: 'paragraph', lines: ['三行目'] },
  ]);
});

test('treats several blank or space-only lines as one separator', () => {
  assert.equal(parse('前文', '', ' 　', '', '後文'), 'p p');
});

test('starts a new block at every marker line, even without a blank line', () => {
  assert.equal(parse('1 概要', '(1)説明した。', '(2)質問した。', '2 今後', '本文'), '§1[ol[(1)[] (2)[]]] §2[p]');
});

test('continues an item with the unmarked lines that follow it', () => {
  const document = parseDocument('(1)大臣から,\n次の点を述べた。');
  const list = document.children[0];
  assert.equal(list?.kind, 'list');
  assert.deepEqual(list.kind === 'list' && list.items[0]?.lines, ['大臣から,', '次の点を述べた。']);
});

test('puts a preamble before the first marker at the root', () => {
  assert.equal(parse('前文です。', '', '1 概要', '本文'), 'p §1[p]');
});

test('starts a paragraph after a heading even without a blank line', () => {
  assert.equal(parse('(1)北部地域', '視察した。', '(2)南部地域', '協議した。'), '§(1)[p] §(2)[p]');
});

test('puts a paragraph after a blank line into the open item', () => {
  assert.equal(parse('1 概要', '', '(1)説明した。', '', '補足があった。'), '§1[ol[(1)[p]]]');
});

test('nests ア under (1) and ① under ア', () => {
  const shaped = parse('(1)第一の論点を述べた。', 'ア 財政面を述べた。', '①歳入を説明した。', '②歳出を説明した。', 'イ 制度面の検討を行った。');
  assert.equal(shaped, 'ol[(1)[ol[ア[ol[①[] ②[]]] イ[]]]]');
});

test('makes short marker lines over deeper items their headings', () => {
  const shaped = parse('(1)第一の論点', 'ア 財政面', '①歳入を説明した。', '②歳出を説明した。', 'イ 制度面の検討を行った。');
  assert.equal(shaped, '§(1)[§ア[ol[①[] ②[]]] ol[イ[]]]');
});

test('nests a level-3 heading with text inside a level-2 item', () => {
  assert.equal(parse('(1)論点は次のとおり。', 'ア 財政面', '歳入を説明した。'), 'ol[(1)[§ア[p]]]');
});

test('closes deeper containers when a shallower marker arrives', () => {
  const shaped = parse('1 概要', '(1)北部', '本文', 'ア 細目を述べた。', '(2)南部', '本文', '2 次回', '未定');
  assert.equal(shaped, '§1[§(1)[p ol[ア[]]] §(2)[p]] §2[p]');
});

test('starts a new list when a section separates items of the same level', () => {
  assert.equal(parse('(1)説明した。', '(2)北部', '本文', '(3)確認した。'), 'ol[(1)[]] §(2)[p] ol[(3)[]]');
});

test('accepts a marker below the root without the levels above it', () => {
  assert.equal(parse('①最初に確認した。', '②次に確認した。'), 'ol[①[] ②[]]');
});
