import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { normalizeForSearch } from '../../../src/domain/search/normalize.js';
import { highlight, partsToHtml, snippet, type TextPart } from '../../../src/domain/search/snippet.js';

const joined = (parts: readonly TextPart[]) => parts.map((p) => p.text).join('');
const marked = (parts: readonly TextPart[]) => parts.filter((p) => p.isMatch).map((p) => p.text);
const isLoneSurrogate = (text: string) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);

const FILLER = 'あいうえおかきくけこ'.repeat(10);

test('shows a window of the text around the first match, with a little text before it', () => {
  const text = `${FILLER}日本の外交の基本方針を説明した。${FILLER}`;
  const parts = snippet(text, ['外交'], 60);
  const shown = joined(parts);
  assert.ok(shown.startsWith('…') && shown.endsWith('…'));
  const body = shown.slice(1, -1);
  assert.equal(body.length, 60);
  assert.ok(text.includes(body));
  const lead = body.indexOf('外交');
  assert.ok(lead >= 10 && lead <= 25, `match at ${lead}`);
});

test('starts at the beginning, without an ellipsis, when the match is near the start or absent', () => {
  const text = `外交について。${FILLER}`;
  assert.equal(joined(snippet(text, ['外交'], 30)), `${text.slice(0, 30)}…`);
  assert.equal(joined(snippet(text, ['存在しない'], 30)), `${text.slice(0, 30)}…`);
  assert.equal(joined(snippet('短い本文。', ['外交'], 30)), '短い本文。');
});

test('marks every match of every term inside the window', () => {
  const text = '外交と中国。中国の外交。外交。';
  const parts = snippet(text, ['外交', '中国'], 120);
  assert.deepEqual(marked(parts), ['外交', '中国', '中国', '外交', '外交']);
  assert.equal(joined(parts), text);
});

test('marks the original characters of a match found through normalisation', () => {
  const text = 'ＡＤＭＭプラスと２＋２、ｶﾞｿﾘﾝ税、髙橋氏と高橋氏。';
  assert.deepEqual(marked(snippet(text, [normalizeForSearch('admm'), normalizeForSearch('2+2'), normalizeForSearch('ガソリン')])), ['ＡＤＭＭ', '２＋２', 'ｶﾞｿﾘﾝ']);
  assert.deepEqual(marked(snippet(text, [normalizeForSearch('髙橋')])), ['髙橋', '高橋']);
});

test('merges overlapping matches into one mark', () => {
  assert.deepEqual(marked(snippet('海外交流', ['海外', '外交', '交流'])), ['海外交流']);
});

test('marks a quoted phrase across any white space, line breaks shown as spaces', () => {
  const parts = snippet('日本の外交\n政策について', ['外交 政策']);
  assert.deepEqual(marked(parts), ['外交 政策']);
  assert.equal(joined(parts), '日本の外交 政策について');
});

test('highlights every match in a whole title', () => {
  const parts = highlight('中国地方の中国語教室', ['中国']);
  assert.deepEqual(parts, [
    { text: '中国', isMatch: true },
    { text: '地方の', isMatch: false },
    { text: '中国', isMatch: true },
    { text: '語教室', isMatch: false },
  ]);
});

test('escapes HTML in the text and puts matches in <mark>', () => {
  const text = '<script>alert("外交")</script> & <b>外交</b> \'x\'';
  const html = partsToHtml(snippet(text, ['外交'], 200));
  assert.equal(html, '&lt;script&gt;alert(&quot;<mark>外交</mark>&quot;)&lt;/script&gt; &amp; &lt;b&gt;<mark>外交</mark>&lt;/b&gt; &#39;x&#39;');
  assert.doesNotMatch(html.replace(/<\/?mark>/g, ''), /[<>"']/);
});

test('treats regular-expression characters in terms as text', () => {
  assert.deepEqual(marked(snippet('a.b a*b (c) [d] $1', ['a*b', '(c)', '[d]', '$1', '.'])), ['.', 'a*b', '(c)', '[d]', '$1']);
});

test('never cuts a character outside the BMP in two', () => {
  const text = '𠮷'.repeat(100) + '外交' + '𩸽'.repeat(100);
  for (const maxChars of [10, 11, 40, 41, 119, 120]) {
    const parts = snippet(text, ['外交'], maxChars);
    assert.equal(isLoneSurrogate(joined(parts)), false, `maxChars ${maxChars}`);
    assert.deepEqual(marked(parts), ['外交']);
  }
});

test('marks every match and nothing else in a title, and never splits a surrogate pair in a snippet', () => {
  // Half-width voiced marks come after a kana, as in real text.
  const unit = fc.constantFrom('外', '交', '𠮷', '𩸽', 'a', 'Ａ', ' ', '\n', '<', '&', 'ｶ', 'ｶﾞ', 'ﾊﾟ');
  const collapse = (text: string) => text.replace(/\s+/g, ' ');
  fc.assert(
    fc.property(fc.string({ unit, maxLength: 200 }), fc.string({ unit, minLength: 1, maxLength: 3 }), fc.integer({ min: 5, max: 150 }), (text, rawTerm, maxChars) => {
      const term = collapse(normalizeForSearch(rawTerm)).trim();
      if (term === '') return;
      const parts = highlight(text, [term]);
      assert.equal(joined(parts), collapse(text));
      for (const p of parts) {
        assert.equal(collapse(normalizeForSearch(p.text)).includes(term), p.isMatch, JSON.stringify(p));
      }
      const cut = snippet(text, [term], maxChars);
      assert.equal(isLoneSurrogate(joined(cut)), false);
      assert.doesNotMatch(partsToHtml(cut).replace(/<\/?mark>/g, ''), /[<>]/);
    }),
    { numRuns: 1000 },
  );
});
