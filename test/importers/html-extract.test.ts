import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractPage, titleFromTitleTag } from '../../src/importers/html/extract-page.js';
import { CHROME_WORDS, landmarkPage, paragraphsOf, tablePage } from '../fixtures/html/site-page.js';

const BODY = paragraphsOf(`駅前商店街の皆さんと意見交換を行いました。

1 意見交換の概要

(1)空き店舗の活用について要望を伺った。

(2)通学路の安全について要望を伺った。`);

function assertNoChrome(html: string): void {
  for (const word of CHROME_WORDS) assert.ok(!html.includes(word), `「${word}」 leaked into the body`);
}

for (const [name, layout] of [
  ['an HTML5 theme', landmarkPage],
  ['a table layout', tablePage],
] as const) {
  test(`reads title, date line and content of ${name}, leaving out header, navigation, sidebar and footer`, () => {
    const page = extractPage(layout({ title: '駅前商店街での意見交換', dateLine: '平成25年11月2日(土)', bodyHtml: BODY }));
    assert.equal(page.title, '駅前商店街での意見交換');
    assert.equal(page.activityDate, '2013-11-02');
    assert.equal(page.listReason, undefined);
    assert.ok(page.contentHtml.includes('1 意見交換の概要'));
    assert.ok(page.contentHtml.includes('(2)通学路の安全'));
    assertNoChrome(page.contentHtml);
    assert.ok(!page.contentHtml.includes('駅前商店街での意見交換'), 'the title is not repeated in the body');
    assert.ok(!page.contentHtml.includes('平成25年11月2日'), 'the date line is not repeated in the body');
  });
}

test('takes a year-less date from the lead paragraph with the year from the URL path', () => {
  const html = landmarkPage({ title: '視察', bodyHtml: paragraphsOf('11月2日(土)、港湾施設を視察した。') });
  assert.equal(extractPage(html, '/activity/2013/11/visit.html').activityDate, '2013-11-02');
  assert.equal(extractPage(html, '/report/20131102.html').activityDate, '2013-11-02');
});

test('takes a missing year from another date on the page', () => {
  const html = landmarkPage({ title: '視察', bodyHtml: paragraphsOf('11月2日(土)、港湾施設を視察した。\n\n(2013年11月5日 追記)') });
  assert.equal(extractPage(html, '/report/visit.html').activityDate, '2013-11-02');
});

test('says why there is no date when the year is unknown or no date is written', () => {
  const yearless = extractPage(landmarkPage({ title: '視察', bodyHtml: paragraphsOf('11月2日、港湾施設を視察した。') }), '/visit.html');
  assert.equal(yearless.activityDate, undefined);
  assert.match(yearless.dateProblem ?? '', /日付「11月2日」に年がなく/);
  const none = extractPage(landmarkPage({ title: 'ごあいさつ', bodyHtml: paragraphsOf('いつも応援ありがとうございます。') }));
  assert.match(none.dateProblem ?? '', /日付が見つかりません/);
});

test('reads the date of a <time datetime> and removes its line', () => {
  const html = landmarkPage({ title: '視察', bodyHtml: '<p class="meta">投稿日 <time datetime="2024-05-01T10:00:00+09:00">5/1</time></p><p>港湾施設を視察した。</p>' });
  const page = extractPage(html);
  assert.equal(page.activityDate, '2024-05-01');
  assert.ok(!page.contentHtml.includes('投稿日'));
});

test('takes the title from <title> without the site name when the page has no h1', () => {
  const html =
    '<html><head><title>山川さくら公式サイト ｜ 地元の祭りに参加</title></head><body><div id="content"><p>2024年8月3日、夏祭りに参加した。</p></div></body></html>';
  const page = extractPage(html);
  assert.equal(page.title, '地元の祭りに参加');
  assert.equal(page.activityDate, '2024-08-03');
  assert.equal(titleFromTitleTag('第1回協議 - 衆議院議員 試験花子', undefined), '第1回協議');
  assert.equal(titleFromTitleTag('活動報告 | ヤマカワ事務所', 'ヤマカワ事務所'), '活動報告');
});

test('finds the content of a page without landmarks as its largest block of text', () => {
  const html = `<html><body><div class="top"><a href="/">ホーム</a> <a href="/profile/">プロフィール一覧</a></div>
<div class="wrap"><div class="l"><a href="/a.html">過去の記事</a></div><div class="r"><h1>港湾視察</h1>
2024年5月1日<br>港湾施設を視察し、<b>関係者</b>と意見を交わした。<br>老朽化した岸壁の改修について説明を受けた。</div></div></body></html>`;
  const page = extractPage(html);
  assert.equal(page.title, '港湾視察');
  assert.equal(page.activityDate, '2024-05-01');
  assert.ok(page.contentHtml.includes('老朽化した岸壁'));
  assert.ok(!page.contentHtml.includes('プロフィール一覧'));
});

test('marks an archive page listing dated links as not a report', () => {
  const list = ['2013年11月2日', '2013年10月20日', '2013年10月5日', '2013年9月1日'].map((d, i) => `<li>${d} <a href="/activity/${i}.html">報告${i}</a></li>`).join('');
  const page = extractPage(landmarkPage({ title: '活動報告一覧', bodyHtml: `<ul>${list}</ul>` }));
  assert.match(page.listReason ?? '', /日付付きのリンクが4件並んだページです/);
});

test('marks a page of several articles as a list', () => {
  const html = '<html><body><main><article><h2>一</h2><p>2013年11月2日</p></article><article><h2>二</h2><p>2013年11月3日</p></article></main></body></html>';
  assert.match(extractPage(html).listReason ?? '', /記事が2件ある/);
});

test('reads the canonical URL or og:url', () => {
  const canonical = landmarkPage({ title: '視察', dateLine: '2024年5月1日', bodyHtml: '<p>本文</p>', canonical: 'https://old.example.jp/a/1.html' });
  assert.equal(extractPage(canonical).canonicalUrl, 'https://old.example.jp/a/1.html');
  const og = '<html><head><meta property="og:url" content="https://old.example.jp/b/"></head><body><h1>t</h1><p>2024年5月1日</p></body></html>';
  assert.equal(extractPage(og).canonicalUrl, 'https://old.example.jp/b/');
});

test('keeps a report that links a few dated documents among its paragraphs', () => {
  const documents = ['2024年5月1日', '2024年5月8日', '2024年5月15日'].map((d, i) => `<li>${d} <a href="/files/${i}.pdf">会議資料</a></li>`).join('');
  const body = `<p>${'委員会での審議の経過を報告します。'.repeat(12)}</p><ul>${documents}</ul><p>${'今後も審議を続けます。'.repeat(10)}</p>`;
  const page = extractPage(landmarkPage({ title: '委員会審議の報告', dateLine: '2024年5月20日', bodyHtml: body }));
  assert.equal(page.listReason, undefined);
  assert.equal(page.activityDate, '2024-05-20');
});

test('takes the heading the <title> names, not a site name written in an h1', () => {
  const html = `<html><head><title>港湾視察 - 山田太郎ホームページ</title></head><body>
<div id="top"><h1>山田太郎ホームページ</h1></div>
<div id="content"><h2>活動報告</h2><h3>港湾視察</h3><p>2024年5月1日、港湾施設を視察した。</p></div></body></html>`;
  const page = extractPage(html);
  assert.equal(page.title, '港湾視察');
  assert.ok(!page.contentHtml.includes('活動報告'), 'the section label before the title is left out');
  assert.ok(page.contentHtml.includes('港湾施設を視察した'));
});

test('does not take a site name in an h1 as the title when the <title> names nothing else', () => {
  const html = `<html><head><title>山田太郎ホームページ</title></head><body><div id="top"><h1>山田太郎ホームページ</h1></div>
<div id="content"><h2>港湾視察</h2><p>2024年5月1日、港湾施設を視察した。</p></div></body></html>`;
  assert.equal(extractPage(html).title, '港湾視察');
});

test('keeps a short first sentence that starts with the date, and leaves out a line that is only a date', () => {
  const sentence = extractPage(landmarkPage({ title: '視察', bodyHtml: '<p>2024年5月1日、港湾施設を視察した。</p>' }));
  assert.equal(sentence.activityDate, '2024-05-01');
  assert.ok(sentence.contentHtml.includes('2024年5月1日、港湾施設を視察した。'));
  for (const line of ['掲載日:2024年5月1日(水)', '[ 2024.05.01 ]', '更新日時 2024/05/01 10:30']) {
    const page = extractPage(`<html><body><div id="content"><h1>視察</h1><p>${line}</p><p>港湾施設を視察した。</p></div></body></html>`);
    assert.equal(page.activityDate, '2024-05-01', line);
    assert.ok(!page.contentHtml.includes('2024'), line);
  }
});
