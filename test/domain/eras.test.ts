import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ERAS, eraOf, findEra, isWithinEra } from '../../src/domain/eras.js';

const intlEra = (iso: string) =>
  new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'UTC' })
    .formatToParts(new Date(`${iso}T00:00:00Z`))
    .find((p) => p.type === 'era')!.value;

test('holds the five modern eras, newest first, with their letters', () => {
  assert.deepEqual(
    ERAS.map((e) => `${e.name}${e.letter}`),
    ['令和R', '平成H', '昭和S', '大正T', '明治M'],
  );
  assert.deepEqual(ERAS[0]!.first, { year: 2019, month: 5, day: 1 });
  assert.equal(ERAS[0]!.last, undefined);
  assert.deepEqual(ERAS[1]!.last, { year: 2019, month: 4, day: 30 });
  assert.deepEqual(ERAS[2]!.first, { year: 1926, month: 12, day: 25 });
});

test("agrees with Intl's Japanese calendar on the first day of every era and the day before", () => {
  for (const era of ERAS) {
    const first = new Date(Date.UTC(era.first.year, era.first.month - 1, era.first.day));
    const before = new Date(first.getTime() - 24 * 3600 * 1000);
    assert.equal(intlEra(first.toISOString().slice(0, 10)), era.name);
    assert.notEqual(intlEra(before.toISOString().slice(0, 10)), era.name);
  }
});

test('gives the era and era year of a day, 1 for 元年', () => {
  assert.deepEqual(eraOf({ year: 2019, month: 5, day: 1 }) && { name: eraOf({ year: 2019, month: 5, day: 1 })!.era.name, year: 1 }, { name: '令和', year: 1 });
  assert.equal(eraOf({ year: 1989, month: 1, day: 7 })!.era.name, '昭和');
  assert.equal(eraOf({ year: 1989, month: 1, day: 7 })!.eraYear, 64);
  assert.equal(eraOf({ year: 1800, month: 1, day: 1 }), undefined);
});

test('finds an era by name or letter and checks its bounds', () => {
  assert.equal(findEra('H')!.name, '平成');
  assert.equal(findEra('r')!.name, '令和');
  assert.equal(findEra('令和')!.letter, 'R');
  assert.equal(isWithinEra({ year: 1989, month: 1, day: 7 }, findEra('平成')!), false);
  assert.equal(isWithinEra({ year: 1989, month: 1, day: 8 }, findEra('平成')!), true);
});
