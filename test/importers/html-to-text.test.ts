import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { HTML_WARNINGS, htmlToReportText } from '../../src/importers/html-to-text.js';
import { render } from '../../src/domain/text-format/render.js';

test('turns paragraphs into blank-line separated paragraphs and <br> into line breaks', () => {
  const { text } = htmlToReportText('<p>一行目<br>二行目</p>\n<p>次の段落</p>');
  assert.equal(text, '一行目\n二行目\n\n次の段落');
});

test('keeps a 公用文 outline written as paragraphs, so the text format reads its sections and items', () => {
  const { text } = htmlToReportText('<p>1 概要</p><p>(1)北海道<br>意見交換を行った。</p><p>(2)大臣から説明があった。</p><p>2 その他</p><p>特になし。</p>');
  assert.equal(text, '1 概要\n\n(1)北海道\n意見交換を行った。\n\n(2)大臣から説明があった。\n\n2 その他\n\n特になし。');
  const outline = render(text).outline;
  assert.deepEqual(
    outline.map((o) => [o.depth, o.number]),
    [
      [1, '1'],
      [2, '(1)'],
      [1, '2'],
    ],
  );
});

test('keeps a numbered heading as its line, h1/h2 without a number as 【見出し】 and h3–h6 as ■ 見出し', () => {
  const numbered = htmlToReportText('<h2>1 会議の概要</h2><p>本文。</p>');
  assert.equal(numbered.text, '1 会議の概要\n\n本文。');
  assert.deepEqual(numbered.warnings, []);
  const plain = htmlToReportText('<h2>視察の<strong>概要</strong></h2><p>本文。</p><h3>まとめ</h3><p>本文。</p><h6>補足</h6><p>本文。</p>');
  assert.equal(plain.text, '【視察の概要】\n\n本文。\n\n■ まとめ\n\n本文。\n\n■ 補足\n\n本文。');
  assert.deepEqual(plain.warnings, []);
});

test('writes lists as 「・」 and 「1) 」 lines, nested ones indented', () => {
  const { text } = htmlToReportText('<ul><li>A<ul><li>A-1</li></ul></li><li>B</li></ul><ol><li>一</li><li>二</li></ol>');
  assert.equal(text, '・A\n\u3000・A-1\n・B\n\n1) 一\n2) 二');
  // 「1) 」 is not an outline marker: the list never turns into sections.
  assert.deepEqual(render(text).outline, []);
});

test('writes links as Markdown links, resolving relative ones against the base URL', () => {
  const { text } = htmlToReportText('<p><a href="/diet/">国会</a>と<a href="https://www.shugiin.go.jp/">衆議院</a></p>', {
    baseUrl: 'https://old.example.jp/2020/01/post/',
  });
  assert.equal(text, '[国会](https://old.example.jp/diet/)と[衆議院](https://www.shugiin.go.jp/)');
});

test('puts an imported image as a figure line at its place and links to the old URL otherwise', () => {
  const resolveMedia = (url: string) => (url === 'https://old.example.jp/wp-content/uploads/2020/01/a.jpg' ? '12' : undefined);
  const html =
    '<p>視察の前に。<a href="https://old.example.jp/wp-content/uploads/2020/01/a.jpg"><img src="https://old.example.jp/wp-content/uploads/2020/01/a-300x200.jpg" alt="会議の様子"></a>視察の後に。</p>' +
    '<p><img src="/wp-content/uploads/2020/01/b.png" alt="地図"></p>';
  const result = htmlToReportText(html, { baseUrl: 'https://old.example.jp/', resolveMedia });
  assert.equal(result.text, '視察の前に。\n\n![会議の様子](media:12)\n\n視察の後に。\n\n[地図](https://old.example.jp/wp-content/uploads/2020/01/b.png)');
  assert.deepEqual(result.mediaRefs, ['12']);
});

test("takes a figure's caption, a description from describeImage when the img has none, and warns when there is none at all", () => {
  const url = 'https://old.example.jp/wp-content/uploads/2020/01/';
  const resolveMedia = (u: string) => (u.startsWith(url) ? u.slice(url.length) : undefined);
  const describeImage = (u: string) => (u.endsWith('c.jpg') ? '港の倉庫' : undefined);
  const html = `<figure><img src="${url}c.jpg"><figcaption>視察した "第二" 倉庫</figcaption></figure>` + `<p>本文。<img src="${url}d.jpg" alt="">本文。</p>`;
  const result = htmlToReportText(html, { resolveMedia, describeImage });
  assert.equal(result.text, '![港の倉庫](media:c.jpg "視察した ”第二” 倉庫")\n\n本文。\n\n![](media:d.jpg)\n\n本文。');
  assert.deepEqual(result.warnings, [HTML_WARNINGS.imageWithoutAlt(`${url}d.jpg`)]);
  // An image in a table cell or a heading stays a link: a figure is a line of its own.
  const inCell = htmlToReportText(`<table><tr><td><img src="${url}c.jpg" alt="倉庫"></td><td>説明</td></tr><tr><td>a</td><td>b</td></tr></table>`, { resolveMedia });
  assert.equal(inCell.text, '| [倉庫](media:c.jpg) | 説明 |\n| a | b |');
});

test('writes a table as | rows with a delimiter row under a header row, and an iframe as a link with a warning', () => {
  const result = htmlToReportText(
    '<table><tr><th>日時</th><th>場所</th></tr><tr><td>10時</td><td>東京</td></tr></table><iframe src="https://www.youtube.com/embed/abc" title="動画"></iframe>',
  );
  assert.equal(result.text, '| 日時 | 場所 |\n| --- | --- |\n| 10時 | 東京 |\n\n[動画](https://www.youtube.com/embed/abc)');
  assert.deepEqual(result.warnings, [HTML_WARNINGS.embed('https://www.youtube.com/embed/abc')]);
  const table = render(result.text.split('\n\n')[0]!).html;
  assert.match(table, /<table[^]*<th[^>]*>日時<\/th>[^]*<td>10時<\/td>/);
});

test('takes a thead row as the header, writes a caption before the table, splits merged cells and writes a | in a cell as ｜', () => {
  const result = htmlToReportText(
    '<table><caption>日程</caption><thead><tr><td>日</td><td>内容</td><td>備考</td></tr></thead>' +
      '<tbody><tr><td colspan="2">終日 休会</td><td>a|b</td></tr><tr><td>2日</td><td>本会議</td></tr></tbody></table>',
  );
  assert.equal(result.text, '日程\n\n| 日 | 内容 | 備考 |\n| --- | --- | --- |\n| 終日 休会 |  | a｜b |\n| 2日 | 本会議 |  |');
  assert.deepEqual(result.warnings, [HTML_WARNINGS.mergedCells, HTML_WARNINGS.pipeInCell]);
  // Without a header row there is no delimiter row.
  assert.equal(htmlToReportText('<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>').text, '| a | b |\n| c | d |');
});

test('drops scripts, styles, handlers and javascript: links', () => {
  const { text } = htmlToReportText('<p onclick="x()">本文<script>alert(1)</script><style>p{}</style><a href="javascript:alert(1)">押す</a></p>');
  assert.equal(text, '本文押す');
});

test('writes bold and italic as Markdown emphasis', () => {
  assert.equal(htmlToReportText('<p><strong>重要</strong>な<em>点</em></p>').text, '**重要**な*点*');
});

const TAGS = ['p', 'div', 'h2', 'h3', 'ul', 'ol', 'li', 'table', 'tr', 'td', 'a', 'img', 'b', 'em', 'span', 'br', 'script', 'iframe', 'blockquote', 'pre'];
const word = fc.stringMatching(/^[あ-ん一-龠0-9A-Za-z 。、()（）\n]{0,12}$/);
const htmlTree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    word,
    fc
      .tuple(fc.constantFrom(...TAGS), fc.array(tie('node'), { maxLength: 4 }), fc.constantFrom('', ' href="/x"', ' src="https://e.jp/a.png" alt="絵"', ' onclick="x()"'))
      .map(([tag, children, attrs]) => `<${tag}${attrs}>${children.join('')}</${tag}>`),
  ),
})).node;

test('never throws and never lets a tag of the input through (property)', () => {
  fc.assert(
    fc.property(htmlTree, (html) => {
      const { text } = htmlToReportText(html);
      assert.doesNotMatch(text, /<\/?[a-z]+[\s>/]/i);
      assert.doesNotMatch(text, /onclick|<script/i);
    }),
    { numRuns: 300 },
  );
});

test('never throws on arbitrary strings, and its output always renders (property)', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), (html) => {
      const { text } = htmlToReportText(html);
      render(text);
    }),
    { numRuns: 300 },
  );
});

test('keeps every word of the input text (property)', () => {
  fc.assert(
    fc.property(fc.array(fc.stringMatching(/^[あ-ん一-龠]{1,8}$/), { minLength: 1, maxLength: 6 }), fc.constantFrom('p', 'li', 'td', 'h2', 'b'), (words, tag) => {
      const html =
        tag === 'li'
          ? `<ul>${words.map((w) => `<li>${w}</li>`).join('')}</ul>`
          : tag === 'td'
            ? `<table><tr>${words.map((w) => `<td>${w}</td>`).join('')}</tr></table>`
            : words.map((w) => `<${tag}>${w}</${tag}>`).join('');
      const { text } = htmlToReportText(html);
      for (const w of words) assert.ok(text.includes(w), `${w} missing from ${text}`);
    }),
    { numRuns: 200 },
  );
});
