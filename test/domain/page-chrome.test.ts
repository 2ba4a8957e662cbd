import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chromeKindOf, isSiteNameLine, splitGluedChrome } from '../../src/domain/page-chrome.js';

test('names the kind of each line of a site around a report', () => {
  const cases: [string, string][] = [
    ['山川さくら公式サイト', 'site-name'],
    ['みどり県議 西村ひかるのブログ', 'site-name'],
    ['OMORI TAKASHI BLOG', 'site-name'],
    ['上田まことの県政日記', 'site-name'],
    ['みどり市議会 市民ネット議員団', 'site-name'],
    ['みどり県議会 県民クラブ', 'site-name'],
    ['衆議院議員 山川さくら', 'chamber-or-role'],
    ['みどり県議会 副議長', 'chamber-or-role'],
    ['活動報告・レポート', 'section-label'],
    ['県議会報告', 'section-label'],
    ['国会質疑録', 'section-label'],
    ['ホーム | プロフィール | 政策 | お問い合わせ', 'section-label'],
    ['2023年3月の記事', 'section-label'],
    ['ホーム > 活動報告 > 港湾の視察', 'breadcrumb'],
    ['トップページ » 県政報告', 'breadcrumb'],
    ['本文へスキップ', 'skip-link'],
    ['メインコンテンツへ移動', 'skip-link'],
    ['投稿日: 2023年6月1日 投稿者: スタッフ', 'meta'],
    ['カテゴリー: 地元活動', 'meta'],
    ['by スタッフ', 'meta'],
    ['西村ひかる at 21:15 │ コメント(0)', 'meta'],
    ['スポンサーサイト', 'ad-or-platform'],
    ['上田まことオフィシャルブログ Powered by Ameba', 'ad-or-platform'],
    ['読者になる', 'ad-or-platform'],
    ['〒100-0014 東京都千代田区永田町9-9-9', 'address'],
    ['TEL 03-0000-1234 FAX 03-0000-1235', 'address'],
    ['国会事務所', 'address'],
    ['シェアする', 'report-end'],
    ['ツイート シェア B!', 'report-end'],
    ['前の記事 予算委員会で質問', 'report-end'],
    ['« 予算特別委員会で質疑', 'report-end'],
    ['関連記事', 'report-end'],
    ['コメントを書く', 'report-end'],
    ['▲ページの先頭へ', 'report-end'],
    ['Copyright © 2023 山川さくら All Rights Reserved.', 'report-end'],
  ];
  for (const [line, kind] of cases) assert.equal(chromeKindOf(line), kind, line);
});

test('leaves titles and report lines alone, even when they name a chamber or a section', () => {
  for (const line of [
    '衆議院 予算委員会で質問',
    '県議会6月定例会の報告',
    '事務所開きのご報告',
    '活動報告会を開きました',
    '1 概要',
    '(1)岸壁の老朽化が進んでいる。',
    '以上',
    'ホームページを新しくしました。地域の皆さまに活動を分かりやすくお届けします。',
    '場所 山川さくら事務所',
    'x軸の値を見直した',
  ]) {
    assert.equal(chromeKindOf(line), undefined, line);
  }
});

test('tells a site name from a title for the HTML importer', () => {
  assert.equal(isSiteNameLine('衆議院議員 山川さくら'), true);
  assert.equal(isSiteNameLine('第3回地域交通協議会'), false);
});

test('reads header tools, Latin names, newsletter names and long breadcrumbs as chrome', () => {
  const cases: [string, string][] = [
    ['文字サイズ 小 中 大', 'section-label'],
    ['NEWS & TOPICS', 'section-label'],
    ['川端ゆうき Yuki Kawabata', 'site-name'],
    ['小林あかり 区政レポート', 'site-name'],
    ['参議院議員（比例代表）', 'chamber-or-role'],
    ['川端ゆうき公式サイト > 国会活動 > 子ども政策の勉強会', 'breadcrumb'],
    ['Facebookでシェア', 'report-end'],
    ['活動報告一覧へ戻る', 'report-end'],
    ['コメントはまだありません。', 'report-end'],
    ['TOPへ戻る', 'report-end'],
  ];
  for (const [line, kind] of cases) assert.equal(chromeKindOf(line), kind, line);
  for (const line of ['視察レポート', '(2)市のホームページに投稿', '区政レポート第12号を発行しました']) assert.equal(chromeKindOf(line), undefined, line);
});

test('cuts a site name and section labels off text they were glued to', () => {
  assert.deepEqual(splitGluedChrome('山川さくら公式サイト活動報告港湾視察'), ['山川さくら公式サイト', '活動報告', '港湾視察']);
  assert.deepEqual(splitGluedChrome('活動報告2023年3月8日'), ['活動報告', '2023年3月8日']);
  assert.deepEqual(splitGluedChrome('活動報告会を開きました'), ['活動報告会を開きました']);
  assert.deepEqual(splitGluedChrome('港湾視察'), ['港湾視察']);
});
