import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wxrBodyHtml } from '../../src/domain/wxr-body.js';

const files = (ref: string) => (ref === '7' || ref === '資料.pdf' ? `https://example.jp/wp-content/uploads/abc/${encodeURIComponent(ref)}` : undefined);

test('keeps each paragraph as a <p> and its lines by <br>, escaping markup written as text', () => {
  assert.equal(wxrBodyHtml('1 概要\n\n(1)本文<b>と</b> & その次\n続きの行', files), '<p>1 概要</p>\n<p>(1)本文&lt;b&gt;と&lt;/b&gt; &amp; その次<br>\n続きの行</p>');
});

test('turns a photo line into a figure and a link to a stored file into an <a>, by id or file name', () => {
  assert.equal(
    wxrBodyHtml('前の行\n![港の岸壁](media:7 "岸壁の様子")\n[配布資料](media:資料.pdf)を配った。', files),
    '<p>前の行</p>\n<figure><img src="https://example.jp/wp-content/uploads/abc/7" alt="港の岸壁"><figcaption>岸壁の様子</figcaption></figure>\n' +
      '<p><a href="https://example.jp/wp-content/uploads/abc/%E8%B3%87%E6%96%99.pdf">配布資料</a>を配った。</p>',
  );
});

test('leaves a photo or link whose file is not in the export as the text it was', () => {
  assert.equal(wxrBodyHtml('![地図](media:99)\n[名簿](media:98)', files), '<p>![地図](media:99)<br>\n[名簿](media:98)</p>');
});
