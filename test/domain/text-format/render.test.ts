import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from '../../../src/domain/text-format/render.js';
import { parseHtml, textContent } from './html-tree.js';

/** HTML without BudouX's <wbr>, for exact comparisons that are not about phrase breaks. */
function htmlOf(source: string): string {
  return render(source).html.replaceAll('<wbr>', '');
}

test('renders a paragraph with its line breaks', () => {
  assert.equal(htmlOf('一行目\n二行目'), '<p>一行目<br>二行目</p>');
});

test('renders paragraphs separated by blank lines', () => {
  assert.equal(htmlOf('前半。\n\n\n後半。'), '<p>前半。</p><p>後半。</p>');
});

test('renders an empty source as nothing', () => {
  assert.deepEqual(render(''), { html: '', text: '', outline: [] });
  assert.deepEqual(render('\n \n　\n'), { html: '', text: '', outline: [] });
});

test('renders a section with its number, separator and title', () => {
  assert.equal(htmlOf('1 概要\n本文。'), '<section class="sec" aria-labelledby="s1"><h2 id="s1"><span class="no">1</span> 概要</h2><p>本文。</p></section>');
});

test('keeps the author’s separator between number and title', () => {
  assert.match(htmlOf('１　概要\n本文'), /<span class="no">１<\/span>　概要<\/h2>/);
  assert.match(htmlOf('1 概要\n(1)北部\n本文'), /<h3 id="s1-1"><span class="no">\(1\)<\/span>北部<\/h3>/);
});

test('breaks heading titles into phrases with wbr', () => {
  assert.match(render('1 海洋環境をめぐる現状認識\n本文').html, /<h2 id="s1"><span class="no">1<\/span> 海洋環境を<wbr>/);
});

test('renders numbered items as an ordered list with the author’s numbers', () => {
  assert.equal(
    htmlOf('(1)説明した。\n（２） 質問した。'),
    '<ol class="items"><li><p><span class="no">(1)</span>説明した。</p></li>' + '<li><p><span class="no">（２）</span> 質問した。</p></li></ol>',
  );
});

test('keeps further paragraphs of an item inside its list entry', () => {
  assert.equal(
    htmlOf('(1)説明した。\n続けて補足した。\n\n別の段落。'),
    '<ol class="items"><li><p><span class="no">(1)</span>説明した。<br>続けて補足した。</p><p>別の段落。</p></li></ol>',
  );
});

test('nests lists of lower levels inside items', () => {
  assert.equal(
    htmlOf('(1)次のとおり。\nア 財政を述べた。\n①歳入。'),
    '<ol class="items"><li><p><span class="no">(1)</span>次のとおり。</p>' +
      '<ol class="items"><li><p><span class="no">ア</span> 財政を述べた。</p>' +
      '<ol class="items"><li><p><span class="no">①</span>歳入。</p></li></ol></li></ol></li></ol>',
  );
});

test('ranks headings by the number of enclosing sections', () => {
  const html = htmlOf('1 大項目\n本文\n(1)中項目\n本文\nア 小項目\n本文\n(ア)細目\n本文\n①最小\n本文');
  for (const [rank, id] of [
    [2, 's1'],
    [3, 's1-1'],
    [4, 's1-1-1'],
    [5, 's1-1-1-1'],
    [6, 's1-1-1-1-1'],
  ] as const) {
    assert.match(html, new RegExp(`<h${rank} id="${id}">`));
  }
});

test('ranks a lower-level heading without enclosing sections as h2', () => {
  assert.match(htmlOf('前文\n\n(1)北部\n本文'), /<section class="sec" aria-labelledby="s1"><h2 id="s1">/);
});

test('numbers a section inside an item within the enclosing section', () => {
  const { outline } = render('1 概要\n\n(1)論点は次のとおり。\nア 財政面\n本文');
  assert.deepEqual(outline, [
    { id: 's1', depth: 1, number: '1', title: '概要' },
    { id: 's1-1', depth: 2, number: 'ア', title: '財政面' },
  ]);
});

test('puts every block into text, numbers included, separated by blank lines', () => {
  const source = '前文。\n\n1 概要\n\n(1)説明した。\n補足した。\n(2) *強く*求めた。';
  assert.equal(render(source).text, '前文。\n\n1 概要\n\n(1)説明した。\n補足した。\n\n(2) 強く求めた。');
});

test('keeps the visible numbers in the HTML text content', () => {
  const source = '1 概要\n(1)北部\n本文。\n(2)南部\n本文。';
  assert.equal(textContent(parseHtml(render(source).html)), '1 概要(1)北部本文。(2)南部本文。');
});

test('ignores indentation before markers but keeps it in paragraphs', () => {
  assert.equal(htmlOf('　(1)説明した。'), '<ol class="items"><li><p><span class="no">(1)</span>説明した。</p></li></ol>');
  assert.equal(htmlOf('　字下げした段落。'), '<p>　字下げした段落。</p>');
});

test('lists outline entries with plain titles', () => {
  const { outline } = render('1 **重要**な[議題](https://example.jp)\n本文');
  assert.deepEqual(outline, [{ id: 's1', depth: 1, number: '1', title: '重要な議題' }]);
});

test('renders raw HTML as escaped text', () => {
  const { html, text } = render('<img src=x onerror=alert(1)>\n\n1 <i>題</i>\n本文');
  assert.equal(
    html.replaceAll('<wbr>', ''),
    '<p>&lt;img src=x onerror=alert(1)&gt;</p><section class="sec" aria-labelledby="s1">' +
      '<h2 id="s1"><span class="no">1</span> &lt;i&gt;題&lt;/i&gt;</h2><p>本文</p></section>',
  );
  assert.equal(text, '<img src=x onerror=alert(1)>\n\n1 <i>題</i>\n\n本文');
});

test('drops control characters and normalises newlines before parsing', () => {
  assert.equal(render('1 概要\r\n本\u0000文\r\n\r\n(1)説\u0085明した。').text, '1 概要\n\n本文\n\n(1)説明した。');
});

test('renders media links from the media map', () => {
  const media = new Map([['plan.pdf', { url: '/media/3/plan.pdf', mime: 'application/pdf', bytes: 2048, pages: 2 }]]);
  assert.equal(
    render('[計画書](media:plan.pdf)', { media }).html,
    '<p><a class="attachment" href="/media/3/plan.pdf">計画書<span class="meta">(PDF形式・2KB・2ページ)</span></a></p>',
  );
});
