// The whole pipeline on a report shaped like the pages staff actually paste: a preamble,
// sections 1–7 of numbered items, a section of (1)地名 sub-headings and a closing 「7 その他」.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { render } from '../../../src/domain/text-format/render.js';
import { childElements, findAll, parseHtml, textContent, type ElementNode, type HtmlNode } from './html-tree.js';
import { skipUnlessShared } from '../../support/shared-fixture.js';

const fixture = readFileSync(new URL('../../fixtures/seed-shaped-report.txt', import.meta.url), 'utf8');
const factsheet = { url: '/media/12/factsheet.pdf', mime: 'application/pdf', bytes: 120 * 1024, pages: 4 };

function topSections(nodes: readonly HtmlNode[]): ElementNode[] {
  return nodes.filter((node): node is ElementNode => typeof node !== 'string' && node.tag === 'section');
}

function heading(section: ElementNode): ElementNode {
  const found = section.children.find((child): child is ElementNode => typeof child !== 'string' && /^h[2-6]$/.test(child.tag));
  assert.ok(found, 'section without heading');
  return found;
}

function numberOf(element: ElementNode): string {
  const span = findAll(element.children, 'span').find((s) => s.attrs.class === 'no');
  assert.ok(span, 'no number');
  return textContent(span.children);
}

function withoutSpace(text: string): string {
  return text.replace(/\s/gu, '');
}

test('renders the fixture as seven h2 sections numbered 1 to 7 after the preamble', () => {
  const nodes = parseHtml(render(fixture).html);
  assert.equal((nodes[0] as ElementNode).tag, 'p');
  const sections = topSections(nodes);
  assert.deepEqual(
    sections.map((s) => heading(s).tag),
    Array(7).fill('h2'),
  );
  assert.deepEqual(
    sections.map((s) => numberOf(heading(s))),
    ['1', '2', '3', '4', '5', '6', '7'],
  );
  assert.deepEqual(
    sections.map((s) => s.attrs['aria-labelledby']),
    ['s1', 's2', 's3', 's4', 's5', 's6', 's7'],
  );
});

test('puts the numbered statements of sections 1 to 5 into ordered lists', () => {
  const sections = topSections(parseHtml(render(fixture).html));
  const itemNumbers = sections.slice(0, 5).map((section) => {
    const lists = childElements(section, 'ol');
    assert.equal(lists.length, 1);
    return childElements(lists[0]!, 'li').map((li) => numberOf(li));
  });
  assert.deepEqual(itemNumbers, [
    ['(1)', '(2)', '(3)'],
    ['(1)', '(2)'],
    ['(1)', '(2)'],
    ['(1)', '(2)'],
    ['(1)', '(2)'],
  ]);
});

test('renders a statement such as 「(1)大臣から,…。」 as a list item, not a heading', () => {
  const nodes = parseHtml(render(fixture).html);
  const statement = '(1)佐藤大臣から,水産大学校での研修受入れを拡大する方針を伝えた。';
  assert.ok(findAll(nodes, 'li').some((li) => textContent(li.children) === statement));
  assert.ok(!findAll(nodes, 'h3').some((h) => textContent(h.children).startsWith('(1)佐藤大臣')));
});

test('renders the place names of section 6 as h3 sub-sections holding the text below them', () => {
  const section6 = topSections(parseHtml(render(fixture).html))[5]!;
  const subsections = childElements(section6, 'section');
  assert.equal(childElements(section6, 'ol').length, 0);
  assert.deepEqual(
    subsections.map((s) => [heading(s).tag, heading(s).attrs.id, textContent(heading(s).children)]),
    [
      ['h3', 's6-1', '(1)北方海域'],
      ['h3', 's6-2', '(2)中央海域'],
      ['h3', 's6-3', '(3)南方海域'],
    ],
  );
  const firstText = textContent(childElements(subsections[0]!, 'p')[0]!.children);
  assert.match(firstText, /^山田大臣から,流氷期の観測データ/);
});

test('renders 「7 その他」 as a section holding the closing paragraph', () => {
  const section7 = topSections(parseHtml(render(fixture).html))[6]!;
  assert.equal(textContent(heading(section7).children), '7 その他');
  assert.match(textContent(childElements(section7, 'p')[0]!.children), /^ルミナ側から,次回の対話/);
});

test('keeps the author’s numbers in the HTML text content', () => {
  const content = textContent(parseHtml(render(fixture).html));
  for (const line of ['1 太平洋の海洋環境をめぐる現状認識', '(2)佐藤大臣から,漁業資源', '6 各海域の情勢', '(3)南方海域', '7 その他']) {
    assert.ok(content.includes(line), line);
  }
});

test('lists the sections and sub-sections of the fixture in the outline', () => {
  assert.deepEqual(render(fixture).outline, [
    { id: 's1', depth: 1, number: '1', title: '太平洋の海洋環境をめぐる現状認識' },
    { id: 's2', depth: 1, number: '2', title: '両国間の海洋協力' },
    { id: 's3', depth: 1, number: '3', title: '地域の多国間枠組みにおける協力' },
    { id: 's4', depth: 1, number: '4', title: '人材育成' },
    { id: 's5', depth: 1, number: '5', title: '気候変動への適応' },
    { id: 's6', depth: 1, number: '6', title: '各海域の情勢' },
    { id: 's6-1', depth: 2, number: '(1)', title: '北方海域' },
    { id: 's6-2', depth: 2, number: '(2)', title: '中央海域' },
    { id: 's6-3', depth: 2, number: '(3)', title: '南方海域' },
    { id: 's7', depth: 1, number: '7', title: 'その他' },
  ]);
});

test('renders the fact sheet link with its type, size and pages when the media is known', () => {
  const { html } = render(fixture, { media: new Map([['factsheet.pdf', factsheet]]) });
  assert.ok(html.includes('<a class="attachment" href="/media/12/factsheet.pdf">ファクトシート<span class="meta">(PDF形式・120KB・4ページ)</span></a>'));
});

test('renders the fact sheet link as a missing attachment without the media map', () => {
  const { html } = render(fixture);
  assert.ok(html.includes('<span class="attachment-missing">ファクトシート</span>'));
  assert.ok(!html.includes('media:'));
});

test('keeps every character of the fixture in text except the link syntax', () => {
  const expected = fixture.replace('[ファクトシート](media:factsheet.pdf)', 'ファクトシート');
  assert.equal(withoutSpace(render(fixture).text), withoutSpace(expected));
});

// The real page the format was designed from; only present next to a working checkout.
const seedUrl = new URL('../../../../shared/seeds/000_d03e5abdbbc57cf0.txt', import.meta.url);
const seedSkip = skipUnlessShared(seedUrl, 'the shared seed pages (../shared/seeds)');

/** The report body: the page header (site name, 活動報告, title) ends before the dated first line. */
function seedBody(): string {
  const page = readFileSync(seedUrl, 'utf8');
  const start = page.search(/^\d{1,2}月\d{1,2}日/mu);
  assert.ok(start >= 0, 'seed body not found');
  return page.slice(start);
}

function isSubsequence(needle: string, haystack: string): boolean {
  const rest = haystack[Symbol.iterator]();
  return [...needle].every((char) => {
    for (let next = rest.next(); !next.done; next = rest.next()) if (next.value === char) return true;
    return false;
  });
}

test('renders the real seed page body as seven sections with three sub-sections in section 6', { skip: seedSkip }, () => {
  const { html, outline } = render(seedBody());
  assert.deepEqual(
    outline.filter((e) => e.depth === 1).map((e) => e.number),
    ['1', '2', '3', '4', '5', '6', '7'],
  );
  const section6 = topSections(parseHtml(html))[5]!;
  assert.deepEqual(
    childElements(section6, 'section').map((s) => heading(s).tag),
    ['h3', 'h3', 'h3'],
  );
});

test('keeps every non-whitespace character of the real seed body in text, in order', { skip: seedSkip }, () => {
  const body = seedBody();
  assert.ok(isSubsequence(withoutSpace(body), render(body).text));
});
