// import-html's content extraction follows the same page-text rules as import-text
// (domain/page-chrome.ts, domain/dateline.ts): chrome headings, datelines, references
// to other days and blog chrome after the report.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractPage } from '../../src/importers/html/extract-page.js';

const page = (content: string) => `<html><head><title>ブログ</title></head><body><div id="content">${content}</div></body></html>`;

test('never takes a section label or a dateline heading for the title', () => {
  const extracted = extractPage(page('<h1>活動報告</h1><h2>2018年11月6日 by スタッフ</h2><h2>県議会の海外視察報告</h2><p>港湾の管理を調べた。</p>'));
  assert.equal(extracted.title, '県議会の海外視察報告');
  assert.equal(extracted.activityDate, '2018-11-06');
});

test('leaves out a dateline with a meta phrase, as import-text does', () => {
  const extracted = extractPage(page('<h1>視察</h1><p>2018年11月6日 by スタッフ</p><p>港湾施設を視察した。</p>'));
  assert.equal(extracted.activityDate, '2018-11-06');
  assert.ok(!extracted.contentHtml.includes('スタッフ'));
});

test('passes over a reference to another day in the lead paragraph', () => {
  const extracted = extractPage(page('<h1>委員会の続報</h1><p>6月21日の当欄参照。7月3日、委員会で説明を受けた。</p>'), '/2023/07/report.html');
  assert.equal(extracted.activityDate, '2023-07-03');
});

test('drops share buttons, links to the previous and next entry and related entries after the report', () => {
  const extracted = extractPage(
    page(
      '<h1>港湾視察</h1><p>2023年3月8日</p><p>港湾施設を視察した。</p><p>課題を聞いた。</p>' +
        '<div class="post-footer"><p>シェアする</p><p>前の記事 予算委員会で質問</p></div><h3>関連記事</h3><ul><li>駅前での街頭演説</li></ul>',
    ),
  );
  assert.ok(extracted.contentHtml.includes('課題を聞いた。'));
  for (const chrome of ['シェアする', '前の記事', '関連記事', '駅前での街頭演説']) assert.ok(!extracted.contentHtml.includes(chrome), chrome);
});

test('drops a sidebar that sits inside the content after the report', () => {
  const extracted = extractPage(page('<h1>港湾視察</h1><p>2023年3月8日</p><p>港湾施設を視察した。</p><h3>プロフィール</h3><p>1970年生まれ。みどり市出身。</p>'));
  assert.ok(extracted.contentHtml.includes('港湾施設を視察した。'));
  assert.ok(!extracted.contentHtml.includes('1970年生まれ'));
});
