import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatWareki, toIsoDate } from '../../src/domain/dates.js';
import { findWrittenDates, parseWrittenDate, resolveWrittenDate, yearFromUrlPath } from '../../src/domain/japanese-dates.js';

const iso = (text: string, year?: number) => {
  const date = parseWrittenDate(text);
  return date && resolveWrittenDate(date, year);
};

test('reads the Western, era and numeric forms of a date', () => {
  assert.equal(iso('2013年11月2日'), '2013-11-02');
  assert.equal(iso('平成25年11月2日'), '2013-11-02');
  assert.equal(iso('令和6年5月1日'), '2024-05-01');
  assert.equal(iso('令和元年5月1日'), '2019-05-01');
  assert.equal(iso('2013/11/02'), '2013-11-02');
  assert.equal(iso('2013-11-02'), '2013-11-02');
  assert.equal(iso('2013.11.2'), '2013-11-02');
  assert.equal(iso('H25.11.2'), '2013-11-02');
  assert.equal(iso('R6.5.1'), '2024-05-01');
});

test('reads full-width digits and separators', () => {
  assert.equal(iso('２０１３年１１月２日'), '2013-11-02');
  assert.equal(iso('平成２５年１１月２日（土）'), '2013-11-02');
  assert.equal(iso('２０１３／１１／０２'), '2013-11-02');
  // The same fold as the activity-record extractor's (domain/fold-width.ts): full-width era
  // letters, the minus sign and the ideographic space too.
  assert.equal(iso('Ｈ２５．１１．２'), '2013-11-02');
  assert.equal(iso('２０１３−１１−０２'), '2013-11-02');
  assert.equal(iso('２０１３年\u3000１１月\u3000２日'), '2013-11-02');
  assert.equal(findWrittenDates('会議はＨ２５．１１．２に')[0]?.match, 'Ｈ２５．１１．２');
});

test('takes a missing year from the caller', () => {
  assert.equal(iso('11月2日(土)', 2013), '2013-11-02');
  assert.equal(iso('11月2日(土)'), undefined);
});

test('keeps the era boundaries: the last day of Showa and the first of Heisei', () => {
  assert.equal(iso('昭和64年1月7日'), '1989-01-07');
  assert.equal(iso('昭和64年1月8日'), undefined);
  assert.equal(iso('平成元年1月8日'), '1989-01-08');
  assert.equal(iso('平成元年1月7日'), undefined);
  assert.equal(iso('平成31年4月30日'), '2019-04-30');
  assert.equal(iso('平成31年5月1日'), undefined);
  assert.equal(iso('令和元年4月30日'), undefined);
});

test('refuses impossible dates', () => {
  for (const text of ['2013年2月30日', '2023/02/29', '13月1日', '2013-11-31', '令和0年5月1日', 'H25.2.29']) {
    assert.equal(parseWrittenDate(text), undefined, text);
  }
  assert.equal(iso('2月29日', 2023), undefined);
  assert.equal(iso('2月29日', 2024), '2024-02-29');
});

test('finds every date of a text in order, with where it was written', () => {
  const dates = findWrittenDates('掲載日:2013年11月2日 更新 2014/01/05。11月3日にも');
  assert.deepEqual(
    dates.map((d) => [d.match, d.index, d.year]),
    [
      ['2013年11月2日', 4, 2013],
      ['2014/01/05', 18, 2014],
      ['11月3日', 29, undefined],
    ],
  );
});

test('does not read version numbers, phone numbers or long digit runs as dates', () => {
  assert.deepEqual(findWrittenDates('v1.2013.11.2.5 と 03-2013-11-22 と 120131102'), []);
  assert.deepEqual(findWrittenDates('OH25.11.2'), []);
});

test('reads the year a URL path implies', () => {
  assert.equal(yearFromUrlPath('/activity/2013/11/visit.html'), 2013);
  assert.equal(yearFromUrlPath('/report/20131102.html'), 2013);
  assert.equal(yearFromUrlPath('/blog/2013-11-02-russia.html'), 2013);
  assert.equal(yearFromUrlPath('/report/page1.html'), undefined);
  assert.equal(yearFromUrlPath('/report/20131399.html'), undefined);
});

const days = fc
  .record({ year: fc.integer({ min: 1990, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .filter(({ year, month, day }) => new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day);

test('reads back every real day written in each form (property)', () => {
  fc.assert(
    fc.property(days, ({ year, month, day }) => {
      const expected = toIsoDate({ year, month, day });
      const forms = [
        `${year}年${month}月${day}日`,
        `${year}/${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}`,
        `${year}.${month}.${day}`,
        formatWareki(expected),
      ];
      for (const form of forms) assert.equal(iso(`本文 ${form} の記録`), expected, form);
      assert.equal(iso(`${month}月${day}日(土)`, year), expected);
    }),
  );
});

test('never returns an impossible day (property)', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), (y, m, d) => {
      for (const text of [`平成${y}年${m}月${d}日`, `${1988 + y}年${m}月${d}日`]) {
        const found = parseWrittenDate(text);
        if (!found) continue;
        const result = resolveWrittenDate(found);
        assert.ok(result !== undefined && new Date(`${result}T00:00:00Z`).toISOString().startsWith(result), text);
      }
    }),
  );
});
