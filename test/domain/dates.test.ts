import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatJapaneseDate, formatWareki, isIsoDate, weekdayJa } from '../../src/domain/dates.js';

test('formats an ISO date the Japanese way without leading zeros', () => {
  assert.equal(formatJapaneseDate('2013-11-02'), '2013年11月2日');
  assert.equal(formatJapaneseDate('2024-01-09'), '2024年1月9日');
});

test('names the weekday in Japanese', () => {
  assert.equal(weekdayJa('2013-11-02'), '土');
  assert.equal(weekdayJa('2026-11-25'), '水');
});

test('formats 和暦 with 元年 for the first year of an era', () => {
  assert.equal(formatWareki('2013-11-02'), '平成25年11月2日');
  assert.equal(formatWareki('2019-05-01'), '令和元年5月1日');
  assert.equal(formatWareki('2019-04-30'), '平成31年4月30日');
  assert.equal(formatWareki('2024-05-01'), '令和6年5月1日');
});

test('accepts only real calendar days', () => {
  assert.equal(isIsoDate('2024-02-29'), true);
  assert.equal(isIsoDate('2023-02-29'), false);
  assert.equal(isIsoDate('2024-13-01'), false);
  assert.equal(isIsoDate('2024-5-1'), false);
  assert.equal(isIsoDate('0000-01-01'), false);
});
