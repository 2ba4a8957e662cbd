// The examples of docs/text-format.md render as the doc says they do, so the user doc and the
// code cannot drift apart unnoticed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { render } from '../../../src/domain/text-format/render.js';
import { findAll, parseHtml, textContent } from './html-tree.js';

const doc = readFileSync(new URL('../../../docs/text-format.md', import.meta.url), 'utf8');
const examples = [...doc.matchAll(/```\n([^]*?)```/g)].map((match) => match[1]!);

function example(firstLine: string): string {
  const found = examples.find((source) => source.startsWith(firstLine));
  assert.ok(found, `no example starting with ${firstLine}`);
  return found;
}

function outlineOf(source: string): string[] {
  return render(source).outline.map((entry) => `${entry.depth}:${entry.number}${entry.title}`);
}

test('renders 【春の活動】 as the heading over the two ■ headings', () => {
  assert.deepEqual(outlineOf(example('【春の活動】')), ['1:【春の活動】', '2:■商店街の防災訓練', '2:■保育園の見学']);
});

test('renders (1)北海道 as a sub-heading and the statement (2) as an item', () => {
  const source = example('6 国際情勢');
  assert.deepEqual(outlineOf(source), ['1:6国際情勢', '2:(1)北海道']);
  assert.equal(findAll(parseHtml(render(source).html), 'li').length, 1);
});

test('renders the 記 example as labelled items', () => {
  const nodes = parseHtml(render(example('記')).html);
  assert.deepEqual(
    findAll(nodes, 'strong').map((label) => textContent(label.children)),
    ['日時', '場所', '持ち物'],
  );
  assert.deepEqual(render(example('記')).outline, []);
});

test('renders the photo examples as figures naming their file', () => {
  const nodes = parseHtml(render(example('![橋の点検をする職員]')).html);
  assert.equal(findAll(nodes, 'figure').length, 2);
  assert.deepEqual(
    findAll(nodes, 'figcaption').map((caption) => textContent(caption.children)),
    ['点検が進む東大橋(3月)'],
  );
});

test('renders the gallery example as one labelled list of three figures', () => {
  const nodes = parseHtml(render(example('![会場の様子]')).html);
  const lists = findAll(nodes, 'ul');
  assert.equal(lists.length, 1);
  assert.equal(lists[0]!.attrs['aria-label'], '写真1(3枚)');
  assert.equal(findAll(lists[0]!.children, 'figure').length, 3);
});

test('renders the table example with its header row', () => {
  const nodes = parseHtml(render(example('| 地区 |')).html);
  assert.deepEqual(
    findAll(nodes, 'th').map((th) => textContent(th.children)),
    ['地区', '件数', '主な要望'],
  );
  assert.equal(findAll(nodes, 'tr').length, 3);
});
