import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ValidationError } from '../../src/domain/errors.js';
import { parseDateHint, parseImportedText, parseImportedTexts } from '../../src/domain/text-import.js';

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
  assert.throws(
    () => parseImportedText(SITE_PAGE),
    (e: unknown) => e instanceof ValidationError && /年がありません/.test(e.fields.activityDate!),
  );
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

test('says which lines it looked at when it finds no date', () => {
  assert.throws(
    () => parseImportedText('山川さくら公式サイト\n活動報告\n党の部会\n\n部会で議論した。\n続けて議論した。\n\n1 論点'),
    (e: unknown) => e instanceof ValidationError && /見た行: 1〜3行目\(タイトルとその前後\)、5〜6行目\(本文の最初の段落\)/.test(e.fields.activityDate!),
  );
});

test('takes a dateline before the title over a --date that gives only a year', () => {
  const parsed = parseImportedText('2023年3月8日\n港湾視察\n本文です。', { year: 2022 });
  assert.equal(parsed.title, '港湾視察');
  assert.equal(parsed.activityDate, '2023-03-08');
  assert.deepEqual(parsed.dateSource, { line: 1, text: '2023年3月8日', how: 'タイトルの前の日付行' });
});

test('takes the year of a dateline without one from the page date, or the year before when the day would follow it', () => {
  assert.equal(parseImportedText('題\n10月14日(日)\n更新日:令和5年12月7日\n\n本文。').activityDate, '2023-10-14');
  assert.equal(parseImportedText('題\n12月28日(木)\n更新日:2024年1月5日\n\n本文。').activityDate, '2023-12-28');
  assert.equal(parseImportedText('題\n10月14日(日)\n\n本文。', { year: 2018 }).activityDate, '2018-10-14');
});

test('never makes a paragraph the title: it asks for --title, which then gives it', () => {
  const text = '活動報告\n本日は商店街を回り、景気についてお話を伺いました。年末に向けて対策が要ります。\n2023年12月1日';
  assert.throws(
    () => parseImportedText(text),
    (e: unknown) => e instanceof ValidationError && /--title/.test(e.fields.title!),
  );
  const parsed = parseImportedText(text, undefined, { title: '商店街を回る' });
  assert.equal(parsed.title, '商店街を回る');
  assert.equal(parsed.titleLine, undefined);
  assert.ok(parsed.bodySource.startsWith('本日は商店街を回り'));
  assert.equal(parsed.activityDate, '2023-12-01');
});

test('does not repeat a title line equal to --title in the body', () => {
  const parsed = parseImportedText('港湾視察\n2023年3月8日\n本文です。', undefined, { title: '港湾視察' });
  assert.equal(parsed.bodySource, '本文です。');
});

test('imports a text of one long line with --title and --date when it has neither', () => {
  const line = '佐藤ひろし 町議会議員 活動日誌 本日は町の産業祭りに参加し、多くの方と話しました。 後継ぎの問題を感じた一日でした。';
  const parsed = parseImportedText(line, { year: 2023, month: 11, day: 3 }, { title: '産業祭り' });
  assert.equal(parsed.activityDate, '2023-11-03');
  assert.equal(parsed.bodySource, '本日は町の産業祭りに参加し、多くの方と話しました。\n\n後継ぎの問題を感じた一日でした。');
  assert.deepEqual(
    parsed.dropped.map((d) => d.text),
    ['佐藤ひろし', '町議会議員', '活動日誌'],
  );
});

test('tells which lines were left out and why, which line is the title and where the date came from', () => {
  const parsed = parseImportedText('衆議院議員\n[ 2023年3月8日(水) ]\n港湾視察\n本文です。\nシェアする\n前の記事 予算委員会');
  assert.deepEqual(
    parsed.dropped.map((d) => [d.line, d.reason]),
    [
      [1, '議会・役職の行'],
      [2, '日付行'],
      [5, '記事の後(共有ボタン・前後の記事・コメント・関連記事)'],
      [6, '記事の後(共有ボタン・前後の記事・コメント・関連記事)'],
    ],
  );
  assert.equal(parsed.titleLine, 3);
  assert.equal(parsed.dateSource.line, 2);
  assert.deepEqual(parsed.skippedHeader, ['衆議院議員', '[ 2023年3月8日(水) ]']);
});

test('keeps the body of a report whose last lines only look like a footer when text follows them', () => {
  const parsed = parseImportedText('題\n2023年3月8日\n本文です。\n〒100-0014 東京都千代田区永田町9-9-9\nこの住所で説明会を開きます。');
  assert.match(parsed.bodySource, /〒100-0014/);
});

test('reads any text without throwing anything but a ValidationError, the same way every time (property)', () => {
  const pieces = fc.constantFrom(
    '\n',
    ' ',
    '　',
    '活動報告',
    '公式サイト',
    '2023年3月8日',
    '10月14日(日)',
    'R5.12.7',
    '昨日、',
    'シェアする',
    '〒100-0014',
    '本文。',
    '題',
    '【見出し】',
    '|',
    '1 概要',
    '前の記事',
  );
  const texts = fc.array(fc.oneof(pieces, fc.string({ maxLength: 8 })), { maxLength: 40 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(texts, fc.boolean(), (text, isSplit) => {
      const read = () => {
        try {
          return isSplit ? parseImportedTexts(text, { dateHint: { year: 2023 } }) : parseImportedText(text);
        } catch (error) {
          assert.ok(error instanceof ValidationError, String(error));
          return (error as ValidationError).fields;
        }
      };
      assert.deepEqual(read(), read());
    }),
    { numRuns: 300 },
  );
});

test('takes a name above the menu for the site header, not for the title', () => {
  const parsed = parseImportedText('森下あおい\nホーム | プロフィール | 政策\n2024年2月9日\n予算委員会で質問\n本文です。');
  assert.equal(parsed.title, '予算委員会で質問');
  assert.equal(parsed.dropped[0]!.reason, 'サイトの見出し(メニューやサイト名の前の行)');
});

test('passes over a paragraph before a dated entry (a blog description) instead of refusing', () => {
  const parsed = parseImportedText('田中のぞみの市政日記\n日々の活動をお伝えします。ご意見もお待ちしています。\n2023-11-20\n保育園の調査\n本文です。');
  assert.equal(parsed.title, '保育園の調査');
  assert.equal(parsed.activityDate, '2023-11-20');
});

test('keeps a date closing the title in the title, and dates the report by it', () => {
  const parsed = parseImportedText('港湾視察(2023年3月8日)\n本文です。');
  assert.equal(parsed.title, '港湾視察(2023年3月8日)');
  assert.equal(parsed.activityDate, '2023-03-08');
  assert.equal(parseImportedText('2023.3.8 外務委員会で質問\n本文です。').title, '外務委員会で質問');
});

test('reads a dated part of one report (a schedule) as body, not as a second entry', () => {
  const parsed = parseImportedText('港湾視察\n2023年3月8日\n岸壁を視察した。\n\n次の予定\n2023年3月15日\n委員会で報告する。');
  assert.deepEqual(parsed.warnings, []);
  assert.match(parsed.bodySource, /次の予定\n2023年3月15日\n委員会で報告する。$/);
});

test('ends the body at a sidebar heading or a run of chrome lines, not at one short line', () => {
  const sidebar = parseImportedText('港湾視察\n2023年3月8日\n本文です。\n写真\n岸壁の様子。\nプロフィール\n1970年生まれ。みどり市出身。\n最新記事\n予算委員会で質問');
  assert.equal(sidebar.bodySource, '本文です。\n写真\n岸壁の様子。');
  const footer = parseImportedText('題\n2023年3月8日\n本文です。\nホーム | 政策\n山川事務所\n〒100-0014 東京都千代田区永田町9-9-9\n無断転載を禁じます。');
  assert.equal(footer.bodySource, '本文です。');
});

test('keeps a report title with the author line under it, and never takes a numbered heading for a title', () => {
  const word = parseImportedText('港湾視察報告\n\n令和5年3月8日\n衆議院議員 山川さくら\n\n1 概要\n(1)岸壁を視察した。');
  assert.equal(word.title, '港湾視察報告');
  assert.throws(
    () => parseImportedText('山川さくら公式サイト\n1 概要\n2023年3月8日に視察した。'),
    (e: unknown) => e instanceof ValidationError && /番号の付いた見出し/.test(e.fields.title!),
  );
  assert.equal(parseImportedText('3.11から12年\n2023年3月11日\n本文。').title, '3.11から12年');
});

test('cuts chrome glued to a page that lost its spaces, and a --title glued to its body', () => {
  const text = '山川さくら公式サイト活動報告2023年3月8日港湾視察本日、港湾を視察しました。岸壁が古くなっていました。';
  assert.throws(
    () => parseImportedText(text),
    (e: unknown) => e instanceof ValidationError && /--title/.test(e.fields.title!),
  );
  const parsed = parseImportedText(text, undefined, { title: '港湾視察' });
  assert.equal(parsed.activityDate, '2023-03-08');
  assert.equal(parsed.bodySource, '本日、港湾を視察しました。岸壁が古くなっていました。');
  assert.deepEqual(
    parsed.dropped.map((d) => d.text),
    ['山川さくら公式サイト', '活動報告', '2023年3月8日'],
  );
});
