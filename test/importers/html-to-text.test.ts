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
  assert.deepEqual(outline.map((o) => [o.depth, o.number]), [[1, '1'], [2, '(1)'], [1, '2']]);
});

test('keeps a numbered heading as its line and an unnumbered one as a bold paragraph, with a warning', () => {
  const numbered = htmlToReportText('<h2>1 会議の概要</h2><p>本文。</p>');
  assert.equal(numbered.text, '1 会議の概要\n\n本文。');
  assert.deepEqual(numbered.warnings, []);
  const plain = htmlToReportText('<h3>まとめ</h3><p>本文。</p>');
  assert.equal(plain.text, '**まとめ**\n\n本文。');
  assert.deepEqual(plain.warnings, [HTML_WARNINGS.heading]);
});

test('writes lists as 「・」 and 「1) 」 lines, nested ones indented', () => {
  const { text } = htmlToReportText('<ul><li>A<ul><li>A-1</li></ul></li><li>B</li></ul><ol><li>一</li><li>二</li></ol>');
  assert.equal(text, '・A\n\u3000・A-1\n・B\n\n1) 一\n2) 二');
  // 「1) 」 is not an outline marker: the list never turns into sections.
  assert.deepEqual(render(text).outline, []);
});

test('writes links as Markdown links, resolving relative ones against the base URL', () => {
  const { text } = htmlToReportText('<p><a href="/diet/">国会</a>と<a href="https://www.shugiin.go.jp/">衆議院</a></p>', { baseUrl: 'https://old.example.jp/2020/01/post/' });
  assert.equal(text, '[国会](https://old.example.jp/diet/)と[衆議院](https://www.shugiin.go.jp/)');
});

test('refers to an imported image by its media name and links to the old URL otherwise', () => {
  const resolveMedia = (url: string) => (url === 'https://old.example.jp/wp-content/uploads/2020/01/a.jpg' ? 'a.jpg' : undefined);
  const html =
    '<p><a href="https://old.example.jp/wp-content/uploads/2020/01/a.jpg"><img src="https://old.example.jp/wp-content/uploads/2020/01/a-300x200.jpg" alt="会議の様子"></a></p>' +
    '<p><img src="/wp-content/uploads/2020/01/b.png" alt="地図"></p>';
  const result = htmlToReportText(html, { baseUrl: 'https://old.example.jp/', resolveMedia });
  assert.equal(result.text, '[会議の様子](media:a.jpg)\n\n[地図](https://old.example.jp/wp-content/uploads/2020/01/b.png)');
  assert.deepEqual(result.mediaRefs, ['a.jpg']);
});

test('keeps a table as text rows and an iframe as a link, each with a warning', () => {
  const result = htmlToReportText('<table><tr><th>日時</th><th>場所</th></tr><tr><td>10時</td><td>東京</td></tr></table><iframe src="https://www.youtube.com/embed/abc" title="動画"></iframe>');
  assert.equal(result.text, '日時 | 場所\n10時 | 東京\n\n[動画](https://www.youtube.com/embed/abc)');
  assert.deepEqual(result.warnings, [HTML_WARNINGS.table, HTML_WARNINGS.embed('https://www.youtube.com/embed/abc')]);
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
      const html = tag === 'li' ? `<ul>${words.map((w) => `<li>${w}</li>`).join('')}</ul>` : tag === 'td' ? `<table><tr>${words.map((w) => `<td>${w}</td>`).join('')}</tr></table>` : words.map((w) => `<${tag}>${w}</${tag}>`).join('');
      const { text } = htmlToReportText(html);
      for (const w of words) assert.ok(text.includes(w), `${w} missing from ${text}`);
    }),
    { numRuns: 200 },
  );
});
