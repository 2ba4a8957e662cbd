import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  formatJapanDateTime,
  instantAtJapanTime,
  instantOfJapanText,
  japanDateTimeOf,
  japanDayOf,
  japanLocalMinuteOf,
  japanStartOfDay,
} from '../../src/domain/japan-time.js';

test('gives the Japanese calendar day of an instant, which starts at 15:00 UTC', () => {
  assert.equal(japanDayOf('2024-04-30T15:30:00.000Z'), '2024-05-01');
  assert.equal(japanDayOf('2024-04-30T14:59:59.999Z'), '2024-04-30');
  assert.equal(japanDayOf(new Date('2024-12-31T15:00:00Z')), '2025-01-01');
});

test('shows an instant as a datetime-local field in Japan time', () => {
  assert.equal(japanLocalMinuteOf('2026-11-21T00:00:00.000Z'), '2026-11-21T09:00');
  assert.equal(japanLocalMinuteOf('2026-11-20T23:30:00.000Z'), '2026-11-21T08:30');
});

test('writes an instant as a WordPress local time', () => {
  assert.equal(japanDateTimeOf('2026-11-20T18:04:05.000Z'), '2026-11-21 03:04:05');
});

test('finds the instant of a Japan wall-clock reading, across the day and year boundary', () => {
  assert.equal(instantAtJapanTime({ year: 2026, month: 11, day: 21, hour: 9, minute: 0 }).toISOString(), '2026-11-21T00:00:00.000Z');
  assert.equal(instantAtJapanTime({ year: 2027, month: 1, day: 1, hour: 3, minute: 15, second: 7 }).toISOString(), '2026-12-31T18:15:07.000Z');
});

test('reads a local time without a zone as Japan time, with a space or a T', () => {
  assert.equal(instantOfJapanText('2013-11-02 10:00:00').toISOString(), '2013-11-02T01:00:00.000Z');
  assert.equal(instantOfJapanText(' 2013-11-02T00:30:00 ').toISOString(), '2013-11-01T15:30:00.000Z');
  assert.ok(Number.isNaN(instantOfJapanText('0000-00-00 00:00:00').getTime()));
});

test('round-trips every quarter hour of a year between an instant and Japan wall clock', () => {
  for (let ms = Date.UTC(2024, 0, 1); ms < Date.UTC(2025, 0, 1); ms += 15 * 60_000) {
    const [date, time] = japanDateTimeOf(new Date(ms)).split(' ') as [string, string];
    assert.equal(instantOfJapanText(`${date} ${time}`).getTime(), ms);
  }
});

test('gives midnight Japan time of a day with its zone', () => {
  assert.equal(japanStartOfDay('2026-11-21'), '2026-11-21T00:00:00+09:00');
  assert.equal(new Date(japanStartOfDay('2026-11-21')).toISOString(), '2026-11-20T15:00:00.000Z');
});

test('spells an instant in Japanese in Japan time, and leaves a non-instant as it is', () => {
  assert.equal(formatJapanDateTime('2026-11-20T03:05:00.000Z'), '2026年11月20日 12:05');
  assert.equal(formatJapanDateTime('2026-11-20T15:00:00.000Z'), '2026年11月21日 00:00');
  assert.equal(formatJapanDateTime('not a time'), 'not a time');
});
