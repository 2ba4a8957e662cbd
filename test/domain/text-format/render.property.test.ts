// Properties of render() over arbitrary text and over generated outline documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalizeSource } from '../../../src/domain/text-format/normalize-source.js';
import { render } from '../../../src/domain/text-format/render.js';
import { findAll, parseHtml, type HtmlNode } from './html-tree.js';

const NUM_RUNS = 300;
const SAFE_HREF = /^(?:https?:|mailto:|tel:|\/(?![/\\])|#)/i;

// Any UTF-16 code unit, lone surrogates and control characters included.
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: codeUnit, maxLength: 200 }),
  fc.string({ unit: fc.constantFrom('1', '(', '（', '１', 'ア', '①', ' ', '　', '\n', '\r', '[', ']', '*', '<', 'あ'), maxLength: 80 }),
);

// The styles of issue 11 as well: 第1, ■, 一、, ⑴, 1), ア., a glued number, a tab after a marker.
const MARKERS = [
  '1 ',
  '２　',
  '3.',
  '１０．',
  '(1)',
  '（２）',
  '(12) ',
  'ア ',
  'イ　',
  '(ウ)',
  '（エ） ',
  '①',
  '② ',
  '⑳',
  '第1 ',
  '第二　',
  '第3章',
  '■ ',
  '□',
  '◆ ',
  '●',
  '▶ ',
  '一、',
  '十二、',
  '⑴',
  '⒇ ',
  '1) ',
  '２）',
  'ア.',
  'イ．',
  '1',
  '12',
  '1\t',
  '(1)\t',
  'ア\t',
  '1.',
];
const PLAIN_MARKERS = MARKERS.filter((marker) => !/[()]/.test(marker));
const WORDS = [
  '大臣から',
  '協議した',
  '北部地域',
  '予算',
  'ADMM',
  'plus',
  '2+2',
  '9時20分から11時15分',
  'アジア',
  '　',
  ' ',
  '\t',
  '南部開発問題',
  '日時　令和8年11月30日',
  '場所：会館',
  '11月14日(金)',
  '5倍',
  '10月',
  '1人',
  '【報告】',
  '〈はじめに〉',
  '＜注＞',
];
// Whole lines of the new block syntax: photos, bracket headings and table rows.
const BLOCK_LINES = [
  '![会場の様子](media:a.jpg)',
  '![](media:b.png "キャプション")',
  '![<b>](media:c.jpg "<i>")',
  '【活動報告】',
  '〈はじめに〉',
  '| 年度 | 件数 |',
  '|---|---|',
  '| 2024 | <x> |',
  'a | b | c',
  '氏名\t所属',
  '山田\t総務\t兼務',
  '---\t---',
  '|',
  '||',
];
const PUNCTUATION = ['。', '、', ',', '．', '：', '「', '」'];
const MARKUP = ['<', '>', '&', '&amp;', '"', "'", '*', '**', '_', '[', ']', '](', ')', '<script>', 'https://example.jp/a', 'javascript:', 'media:a.pdf', '\\', '`'];

/**
 * A document of blank lines, unmarked lines, marker lines and heading-shaped pairs (a marker
 * with a short title, then a line of text), so that deep outlines are common.
 */
function documentOf(markers: readonly string[], fragments: readonly string[], blockLines: readonly string[] = []): fc.Arbitrary<string> {
  const text = fc.array(fc.constantFrom(...fragments), { maxLength: 12 }).map((parts) => parts.join(''));
  const title = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(''));
  const indent = fc.constantFrom('', '', '', ' ', '　');
  const marker = fc.tuple(indent, fc.constantFrom(...markers)).map((parts) => parts.join(''));
  const line = fc.oneof(
    fc.constant(''),
    text,
    fc.tuple(marker, text).map((parts) => parts.join('')),
    fc.tuple(marker, title, text).map(([start, heading, body]) => `${start}${heading}\n${body}`),
    ...(blockLines.length > 0 ? [fc.constantFrom(...blockLines)] : []),
  );
  return fc.array(line, { maxLength: 40 }).map((lines) => lines.join('\n'));
}

const markedDocument = documentOf(MARKERS, [...WORDS, ...PUNCTUATION, ...MARKUP, '|'], BLOCK_LINES);
// No Markdown syntax characters and no URLs: nothing in it may be dropped from `text`.
// Tab tables only: their cells keep every character, as `|` rows keep all but the outer pipes.
const literalDocument = documentOf(
  PLAIN_MARKERS,
  [...WORDS, ...PUNCTUATION, '<', '>', '&', '&amp;', '"', '\\', '`', '~~'],
  ['【活動報告】', '氏名\t所属', '山田\t総務\t兼務'],
);
const anyInput = fc.oneof(anyText, markedDocument);

interface HeadingSeen {
  rank: number;
  enclosingSections: number;
}

/** Every heading in document order with the number of sections around it. */
function headings(nodes: readonly HtmlNode[], enclosingSections = 0): HeadingSeen[] {
  const seen: HeadingSeen[] = [];
  for (const node of nodes) {
    if (typeof node === 'string') continue;
    const rank = /^h([2-6])$/.exec(node.tag)?.[1];
    if (rank) seen.push({ rank: Number(rank), enclosingSections: enclosingSections - 1 });
    seen.push(...headings(node.children, enclosingSections + (node.tag === 'section' ? 1 : 0)));
  }
  return seen;
}

test('never throws', () => {
  fc.assert(
    fc.property(anyInput, (source) => {
      render(source);
    }),
    { numRuns: NUM_RUNS },
  );
});

test('emits only its own tags, every other < escaped and only allowed link targets', () => {
  fc.assert(
    fc.property(anyInput, (source) => {
      const links = findAll(parseHtml(render(source).html), 'a');
      for (const link of links) {
        if (link.attrs.class === 'attachment') continue;
        assert.match(link.attrs.href ?? '', SAFE_HREF);
      }
    }),
    { numRuns: NUM_RUNS },
  );
});

test('leaves no < once the allowed tags are removed', () => {
  const allowedTag =
    /<\/?(?:p|li|em|strong|ol|ul|span|section|a|h[2-6]|figure|figcaption|div|table|thead|tbody|tr|th|td)>|<(?:br|wbr)>|<ol class="items">|<ul class="gallery" aria-label="写真[0-9]+\([0-9]+枚\)">|<span class="(?:no|meta|attachment-missing|figure-warning)">|<section class="sec" aria-labelledby="s[0-9-]+">|<h[2-6] id="s[0-9-]+">|<a (?:class="attachment" )?href="[^"<>]*">|<li class="notice">|<strong class="label">|<th scope="col">|<p class="placeholder">|<figure class="figure(?: figure-missing)?">|<div class="table-scroll" tabindex="0" role="region" aria-label="表[0-9]+">|<img src="[^"<>]*"(?: srcset="[^"<>]*" sizes="[^"<>]*")? width="[0-9]+" height="[0-9]+" alt="[^"<>]*" loading="lazy" decoding="async">/g;
  fc.assert(
    fc.property(anyInput, (source) => {
      assert.ok(!render(source).html.replace(allowedTag, '').includes('<'));
    }),
    { numRuns: NUM_RUNS },
  );
});

test('ranks headings from h2 down without skipping a level', () => {
  fc.assert(
    fc.property(anyInput, (source) => {
      const { html, outline } = render(source);
      const seen = headings(parseHtml(html));
      assert.equal(seen.length, outline.length);
      seen.forEach((heading, index) => {
        const previousRank = index === 0 ? 1 : seen[index - 1]!.rank;
        assert.ok(heading.rank <= previousRank + 1, `h${heading.rank} after h${previousRank}`);
        assert.equal(heading.rank, Math.min(6, heading.enclosingSections + 2));
        assert.equal(outline[index]!.depth, heading.enclosingSections + 1);
      });
    }),
    { numRuns: NUM_RUNS },
  );
});

test('renders the same input to the same output', () => {
  fc.assert(
    fc.property(anyInput, (source) => {
      assert.deepEqual(render(source), render(source));
    }),
    { numRuns: NUM_RUNS },
  );
});

test('keeps every non-whitespace character of input without Markdown syntax', () => {
  const withoutSpace = (text: string) => text.replace(/\s/gu, '');
  // `|` separates table cells and a line of `-` marks a table's header: both are syntax now.
  const literalText = fc.string({ unit: 'binary', maxLength: 200 }).filter((s) => !/[[\]()*_|]|:\/\/|@|^[\s:-]*-[\s:-]*$/m.test(s));
  fc.assert(
    fc.property(fc.oneof(literalDocument, literalText), (source) => {
      assert.equal(withoutSpace(render(source).text), withoutSpace(normalizeSource(source)));
    }),
    { numRuns: NUM_RUNS },
  );
});
