// Issue 11 item 1: unnumbered headings, more numbering styles and 記-style notice lines,
// through render() (HTML, plain text and outline from the same walk).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from '../../../src/domain/text-format/render.js';

function htmlOf(source: string): string {
  return render(source).html.replaceAll('<wbr>', '');
}

/** The outline as `depth:number|title` strings. */
function outlineOf(source: string): string[] {
  return render(source).outline.map((entry) => `${entry.depth}:${entry.number}|${entry.title}`);
}

test('makes 【見出し】 the higher heading and ■ the lower one when both occur', () => {
  const source = '【活動報告】\n本文です。\n■ 委員会\n質問した。\n■ 地元\n訪問した。\n【お知らせ】\n休業日です。';
  assert.deepEqual(outlineOf(source), ['1:|【活動報告】', '2:■|委員会', '2:■|地元', '1:|【お知らせ】']);
  assert.match(
    htmlOf(source),
    /<h2 id="s1">【活動報告】<\/h2><p>本文です。<\/p><section class="sec" aria-labelledby="s1-1"><h3 id="s1-1"><span class="no">■<\/span> 委員会<\/h3>/,
  );
});

test('makes ■ headings h2 when no higher heading is written, with numbered headings below them', () => {
  assert.deepEqual(outlineOf('■ 委員会\n質問した。\n1 概要\n本文\n◆ 地元\n訪問した。'), ['1:■|委員会', '2:1|概要', '1:◆|地元']);
});

test('reads 〈見出し〉 and ＜見出し＞ as headings and 第1 / 第一 / 第1章 above numbered ones', () => {
  assert.deepEqual(outlineOf('〈はじめに〉\n本文\n＜おわりに＞\n本文'), ['1:|〈はじめに〉', '1:|＜おわりに＞']);
  assert.deepEqual(outlineOf('第1 総則\n1 目的\n本文\n第2章地域\n本文\n第三 雑則\n本文'), ['1:第1|総則', '2:1|目的', '1:第2章|地域', '1:第三|雑則']);
});

test('keeps a bracketed line that is not a heading as ordinary text', () => {
  assert.equal(htmlOf('本文。\n【参考】'), '<p>本文。<br>【参考】</p>');
  assert.equal(htmlOf('■ 大臣から説明があった。\n本文'), '<ol class="items"><li><p><span class="no">■</span> 大臣から説明があった。<br>本文</p></li></ol>');
});

test('nests ⑴, 一、, 1), ア. and a glued number at the levels of their kin', () => {
  assert.deepEqual(outlineOf('一、概要\n1 経過\n⑴ 北部\n本文\nア. 道路\n本文\n二、今後\n本文'), ['1:一、|概要', '2:1|経過', '3:⑴|北部', '4:ア.|道路', '1:二、|今後']);
  assert.deepEqual(outlineOf('1南部開発問題\n1) 道路\n本文\n2）橋\n本文\n2北部の交通\n本文'), ['1:1|南部開発問題', '2:1)|道路', '2:2）|橋', '1:2|北部の交通']);
});

test('keeps a glued number over a sentence, or without a glued neighbour number, as ordinary text', () => {
  assert.equal(htmlOf('1南部の開発について質問した。\n本文'), '<p>1南部の開発について質問した。<br>本文</p>');
  assert.equal(htmlOf('3党合意について\n本文'), '<p>3党合意について<br>本文</p>');
  assert.deepEqual(outlineOf('２南部開発問題\n本文\n３北部の交通\n本文'), ['1:２|南部開発問題', '1:３|北部の交通']);
});

test('keeps item 1 of 「1.11月14日(金)…」 and never reads decimals, dates or counts as markers', () => {
  assert.equal(
    htmlOf('1.11月14日(金)に開会した。\n2.12月1日(月)に視察した。'),
    '<ol class="items"><li><p><span class="no">1.</span>11月14日(金)に開会した。</p></li><li><p><span class="no">2.</span>12月1日(月)に視察した。</p></li></ol>',
  );
  assert.equal(htmlOf('1.5倍に増えた。\n10月に開催。\n2+2の会合。\n1人で出席。'), '<p>1.5倍に増えた。<br>10月に開催。<br>2+2の会合。<br>1人で出席。</p>');
});

test('renders the lines of a 記-style notice as labelled items, not headings', () => {
  const source = '記\n1 日時　令和8年11月30日（月）10時～11時30分\n2 場所　市民会館 第1会議室\n3 出席者\t議員5名\n4 問合せ先：事務所';
  const { html, text, outline } = render(source);
  assert.deepEqual(outline, []);
  assert.match(html, /<li class="notice"><p><span class="no">1<\/span> <strong class="label">日時<\/strong>　令和8年11月30日（月）10時～11時30分<\/p><\/li>/);
  assert.match(html, /<strong class="label">出席者<\/strong>\t議員5名/);
  assert.match(html, /<strong class="label">問合せ先<\/strong>：事務所/);
  assert.equal(text, '記\n\n1 日時　令和8年11月30日（月）10時～11時30分\n\n2 場所　市民会館 第1会議室\n\n3 出席者\t議員5名\n\n4 問合せ先：事務所');
});

test('reads a tab after a marker like a space: 「1<Tab>概要」 is a heading as 「(1)<Tab>北部」 is', () => {
  assert.deepEqual(outlineOf('1\t概要\n(1)\t北部\n本文'), ['1:1|概要', '2:(1)|北部']);
});

test('makes a short numbered last line an item, as a heading needs text after it', () => {
  assert.deepEqual(outlineOf('1 概要\n本文\n2 その他'), ['1:1|概要']);
  assert.match(htmlOf('1 概要\n本文\n2 その他'), /<\/section><ol class="items"><li><p><span class="no">2<\/span> その他<\/p><\/li><\/ol>$/);
});

test('keeps every marker visible in the HTML and the plain text', () => {
  const source = '【報告】\n本文\n■ 委員会\n本文\n⑴ 北部\n本文\n一、概要\n本文\nア. 道路\n本文\n1南部開発問題\n本文';
  const { html, text } = render(source);
  for (const marker of ['【報告】', '■', '⑴', '一、', 'ア.', '1南部']) {
    assert.ok(text.includes(marker), marker);
    assert.ok(html.replace(/<[^>]*>/g, '').includes(marker), marker);
  }
});
