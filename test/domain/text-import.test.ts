import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError } from '../../src/domain/errors.js';
import { parseDateHint, parseImportedText } from '../../src/domain/text-import.js';

const SITE_PAGE = `衆議院議員
山川さくら公式サイト

活動報告

第3回地域交通協議会

11月2日,地域交通協議会が開催された。

1 概要

(1)委員から報告があった。`;

test('skips a site header before the title and keeps the body whole', () => {
  const parsed = parseImportedText(SITE_PAGE, { year: 2013 });
  assert.equal(parsed.title, '第3回地域交通協議会');
  assert.deepEqual(parsed.skippedHeader, ['衆議院議員', '山川さくら公式サイト', '活動報告']);
  assert.ok(parsed.bodySource.startsWith('11月2日,地域交通協議会'));
  assert.ok(parsed.bodySource.endsWith('(1)委員から報告があった。'));
});

test('takes 11月2日 from the lead and the year from a partial --date', () => {
  assert.equal(parseImportedText(SITE_PAGE, { year: 2013 }).activityDate, '2013-11-02');
  assert.equal(parseImportedText(SITE_PAGE, { year: 2013, month: 11 }).activityDate, '2013-11-02');
});

test('uses a full --date only where the text gives no day, and its year where the text gives none', () => {
  assert.equal(parseImportedText('題\n\n日付のない本文。', { year: 2020, month: 1, day: 5 }).activityDate, '2020-01-05');
  assert.equal(parseImportedText(SITE_PAGE, { year: 2020, month: 1, day: 5 }).activityDate, '2020-11-02');
});

test('reads a date line under the title and leaves it out of the body', () => {
  const parsed = parseImportedText('視察報告\n令和6年5月1日(水)\n\n本文です。');
  assert.equal(parsed.activityDate, '2024-05-01');
  assert.equal(parsed.bodySource, '本文です。');
});

test('refuses a date without a year when --date gives none', () => {
  assert.throws(() => parseImportedText(SITE_PAGE), (e: unknown) => e instanceof ValidationError && /年がありません/.test(e.fields.activityDate!));
});

test('refuses text without any date when --date is missing or partial', () => {
  const noDate = 'タイトル\n\n本文に日付はない。';
  assert.throws(() => parseImportedText(noDate), ValidationError);
  assert.throws(() => parseImportedText(noDate, { year: 2024 }), ValidationError);
});

test('refuses an impossible written date', () => {
  assert.throws(() => parseImportedText('題\n\n2月30日,会議。', { year: 2023 }), /実在しない|正しくありません/);
});

test('refuses a file that has a header but no title or body', () => {
  assert.throws(() => parseImportedText('\n\n  \n'), ValidationError);
  assert.throws(() => parseImportedText('衆議院議員\n活動報告\n'), ValidationError);
  assert.throws(() => parseImportedText('題だけ\n\n'), ValidationError);
});

test('parses --date as a year, a month or a day, and refuses anything else', () => {
  assert.deepEqual(parseDateHint('2013'), { year: 2013 });
  assert.deepEqual(parseDateHint('2013-11'), { year: 2013, month: 11 });
  assert.deepEqual(parseDateHint('2013-11-02'), { year: 2013, month: 11, day: 2 });
  for (const bad of ['13', '2013-13', '2013-02-30', '2013/11/02', 'yesterday', '']) assert.equal(parseDateHint(bad), undefined, bad);
});
