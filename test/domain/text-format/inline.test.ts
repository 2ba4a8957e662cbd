import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderInline } from '../../../src/domain/text-format/inline.js';

const factsheet = { url: '/media/7/factsheet.pdf', mime: 'application/pdf', bytes: 120 * 1024, pages: 4 };

test('renders emphasis as em and strong', () => {
  assert.deepEqual(renderInline('*重要*な**決定**'), { html: '<em>重要</em>な<strong>決定</strong>', text: '重要な決定' });
});

test('renders a line break as br and a newline', () => {
  assert.deepEqual(renderInline('一行目\n二行目'), { html: '一行目<br>二行目', text: '一行目\n二行目' });
});

test('escapes raw HTML and shows it as text', () => {
  const source = '<script>alert("x")</script> & <b>太字</b>';
  assert.deepEqual(renderInline(source), {
    html: '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;太字&lt;/b&gt;',
    text: source,
  });
});

test('keeps backslashes, backticks, tildes and entities literally', () => {
  const source = 'C:\\文書\\議事録 `code` ~~取消~~ &amp; &#x3042;';
  assert.deepEqual(renderInline(source), {
    html: 'C:\\文書\\議事録 `code` ~~取消~~ &amp;amp; &amp;#x3042;',
    text: source,
  });
});

test('renders image syntax as an exclamation mark and a link', () => {
  assert.equal(renderInline('![図](/a.png)').html, '!<a href="/a.png">図</a>');
});

test('renders links to http, https, mailto, tel, site paths and anchors', () => {
  const cases: Array<[string, string]> = [
    ['https://example.jp/a?b=1&c=2', 'https://example.jp/a?b=1&amp;c=2'],
    ['http://example.jp/', 'http://example.jp/'],
    ['mailto:office@example.jp', 'mailto:office@example.jp'],
    ['tel:03-0000-0000', 'tel:03-0000-0000'],
    ['/reports/2024/budget', '/reports/2024/budget'],
    ['#s2', '#s2'],
  ];
  for (const [url, href] of cases) {
    assert.deepEqual(renderInline(`[詳細](${url})`), { html: `<a href="${href}">詳細</a>`, text: '詳細' }, url);
  }
});

test('renders links with refused schemes as the plain label', () => {
  const refused = [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'javascript&#58;alert(1)',
    'java\\script:alert(1)',
    '<java script:alert(1)>',
    '< javascript:alert(1)>',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox',
    'file:///etc/passwd',
    '//evil.example/',
    'relative/page.html',
  ];
  for (const url of refused) {
    assert.deepEqual(renderInline(`[ここ](${url})を参照`), { html: 'ここを参照', text: 'ここを参照' }, url);
  }
});

test('keeps emphasis inside the label of a refused link', () => {
  assert.equal(renderInline('[*強調*](javascript:x)').html, '<em>強調</em>');
});

test('escapes quotes in link targets', () => {
  assert.equal(renderInline('[a](</x"onmouseover="y>)').html, '<a href="/x%22onmouseover=%22y">a</a>');
});

test('links bare URLs and stops them where Japanese text resumes', () => {
  assert.deepEqual(renderInline('詳細はhttps://example.jp/reportをご覧ください。'), {
    html: '詳細は<a href="https://example.jp/report">https://example.jp/report</a>をご覧ください。',
    text: '詳細はhttps://example.jp/reportをご覧ください。',
  });
});

test('links bare e-mail addresses but not bare domain names', () => {
  assert.equal(renderInline('メール office@example.jpまで').html, 'メール <a href="mailto:office@example.jp">office@example.jp</a>まで');
  assert.equal(renderInline('資料はreport.mdとexample.jpにある').html, '資料はreport.mdとexample.jpにある');
});

test('shows a linked URL exactly as written', () => {
  const source = 'https://example.jp/%E3%81%82';
  assert.equal(renderInline(source).text, source);
});

test('renders a media link with the attachment type, size and pages', () => {
  const media = new Map([['factsheet.pdf', factsheet]]);
  assert.deepEqual(renderInline('[ファクトシート](media:factsheet.pdf)', { media }), {
    html: '<a class="attachment" href="/media/7/factsheet.pdf">ファクトシート<span class="meta">(PDF形式・120KB・4ページ)</span></a>',
    text: 'ファクトシート',
  });
});

test('renders a media link whose attachment is unknown as a marked label', () => {
  assert.deepEqual(renderInline('[ファクトシート](media:factsheet.pdf)'), {
    html: '<span class="attachment-missing">ファクトシート</span>',
    text: 'ファクトシート',
  });
});

test('looks media up by the ref exactly as written', () => {
  const media = new Map([['報告 資料.pdf', { ...factsheet, pages: null }]]);
  assert.equal(
    renderInline('[資料](<media:報告 資料.pdf>)', { media }).html,
    '<a class="attachment" href="/media/7/factsheet.pdf">資料<span class="meta">(PDF形式・120KB)</span></a>',
  );
});

test('separates phrases with wbr when asked to', () => {
  const { html, text } = renderInline('海洋環境をめぐる現状認識', { breakPhrases: true });
  assert.match(html, /<wbr>/);
  assert.equal(html.replaceAll('<wbr>', ''), '海洋環境をめぐる現状認識');
  assert.equal(text, '海洋環境をめぐる現状認識');
});

test('escapes text between phrase breaks', () => {
  assert.equal(renderInline('<b>会議</b>の結果', { breakPhrases: true }).html.replaceAll('<wbr>', ''), '&lt;b&gt;会議&lt;/b&gt;の結果');
});
