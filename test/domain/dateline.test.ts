import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstDatingDate, isReferenceDate, readDateline, readRelativeDay, resolveRelativeDay } from '../../src/domain/dateline.js';
import { findWrittenDates } from '../../src/domain/japanese-dates.js';

test('reads a line that only dates the page, in the forms sites write', () => {
  const cases: [string, number | undefined, number, number, 'posted' | 'updated'][] = [
    ['2018年11月6日 by スタッフ', 2018, 11, 6, 'posted'],
    ['[ 2023年3月8日(水) ]', 2023, 3, 8, 'posted'],
    ['2017年08月31日活動記録', 2017, 8, 31, 'posted'],
    ['10月14日(日)', undefined, 10, 14, 'posted'],
    ['更新日:令和5年12月7日', 2023, 12, 7, 'updated'],
    ['2023/03/08', 2023, 3, 8, 'posted'],
    ['2023.3.8', 2023, 3, 8, 'posted'],
    ['R5.12.7', 2023, 12, 7, 'posted'],
    ['2023-09-03 18:20:11', 2023, 9, 3, 'posted'],
    ['投稿日：2023年3月8日　カテゴリー：区政報告', 2023, 3, 8, 'posted'],
    ['公開日：2023年8月22日　最終更新日：2023年8月25日', 2023, 8, 22, 'posted'],
    ['２０２３年９月１８日', 2023, 9, 18, 'posted'],
  ];
  for (const [line, year, month, day, kind] of cases) {
    const dateline = readDateline(line);
    assert.ok(dateline, line);
    assert.deepEqual([dateline.date.year, dateline.date.month, dateline.date.day, dateline.kind], [year, month, day, kind], line);
  }
});

test('does not take a title or a sentence holding a date for a dateline', () => {
  for (const line of ['2023.3.8 外務委員会で質問', '6月21日、委員会で質問した。', '第2回定例会 6月21日本会議で一般質問', '2023年3月']) {
    assert.equal(readDateline(line), undefined, line);
  }
});

test('gives the datelines of one list page the same shape', () => {
  assert.equal(readDateline('2023年3月20日')!.shape, readDateline('2023年3月8日(水)')!.shape);
  assert.notEqual(readDateline('2023年3月20日')!.shape, readDateline('3月20日')!.shape);
});

test('passes over a date that refers to another day', () => {
  const text = '6月21日の当欄参照。7月3日、委員会で説明を受けた。';
  const [first, second] = findWrittenDates(text);
  assert.equal(isReferenceDate(text, first!), true);
  assert.equal(isReferenceDate(text, second!), false);
  assert.equal(firstDatingDate(text)!.match, '7月3日');
  assert.equal(firstDatingDate('詳しくは5月2日付の記事をご覧ください。'), undefined);
});

test('reads relative days at the head of a text and counts them from the page date', () => {
  const page = { year: 2023, month: 3, day: 8 };
  assert.deepEqual(resolveRelativeDay(readRelativeDay('昨日、講演会で話した。')!, page), { year: 2023, month: 3, day: 7 });
  assert.deepEqual(resolveRelativeDay(readRelativeDay('一昨日は視察。')!, { year: 2023, month: 3, day: 1 }), { year: 2023, month: 2, day: 27 });
  assert.deepEqual(resolveRelativeDay(readRelativeDay('今週6日(月)、委員会で')!, page), { year: 2023, month: 3, day: 6 });
  assert.deepEqual(resolveRelativeDay(readRelativeDay('先週28日、')!, page), { year: 2023, month: 2, day: 28 });
  assert.equal(readRelativeDay('3日間の日程で視察した。'), undefined);
  assert.equal(readRelativeDay('委員会で昨日の件を'), undefined);
});

test("reads a diary's dateline with its weather, and passes over the day of an earlier report", () => {
  assert.equal(readDateline('2023年3月8日(水) 晴れのち曇り')!.date.day, 8);
  assert.equal(firstDatingDate('前回(3月1日)の続きです。3月8日、再び現地を訪ねた。')!.match, '3月8日');
  assert.equal(firstDatingDate('先日3月5日、港湾を視察した。')!.match, '3月5日');
});

test('reads a blog dateline with its category, comment count and edit link', () => {
  assert.equal(readDateline('2023年3月8日 | カテゴリー：未分類 | コメント：0件')!.date.day, 8);
  assert.equal(readDateline('2023/03/08 (水) 21:15 | 編集')!.date.month, 3);
});

test('reads a dateline of several days by its first day', () => {
  assert.equal(readDateline('2023年3月8日(水)・9日(木)')!.date.day, 8);
  assert.equal(readDateline('3月8日〜10日')!.date.day, 8);
  assert.equal(readDateline('3月8日 日本'), undefined);
});
