import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstFreeSlug, isValidSlug, slugify, slugProblem } from '../../src/domain/slug.js';

test('accepts lower-case ASCII words joined by hyphens', () => {
  assert.equal(isValidSlug('2024-05-01'), true);
  assert.equal(isValidSlug('diet-question-2'), true);
});

test('refuses empty, upper-case, Japanese, spaces and edge hyphens with a Japanese reason', () => {
  for (const bad of ['', 'Diet', '外交', 'a b', '-a', 'a-', 'a--b', 'a/b', '../x']) {
    assert.equal(isValidSlug(bad), false, bad);
    assert.match(slugProblem(bad)!, /URL名/);
  }
});

test('refuses a four-digit slug that would hide a year archive', () => {
  assert.equal(isValidSlug('2024'), false);
});

test('refuses a slug over 80 characters', () => {
  assert.equal(isValidSlug('a'.repeat(81)), false);
  assert.equal(isValidSlug('a'.repeat(80)), true);
});

test('numbers further reports of the same day from 2', () => {
  assert.equal(firstFreeSlug('2024-05-01', new Set()), '2024-05-01');
  assert.equal(firstFreeSlug('2024-05-01', new Set(['2024-05-01'])), '2024-05-01-2');
  assert.equal(firstFreeSlug('2024-05-01', new Set(['2024-05-01', '2024-05-01-2'])), '2024-05-01-3');
});

test('slugifies full-width Latin and drops Japanese', () => {
  assert.equal(slugify('ＴＰＰ 協定'), 'tpp');
  assert.equal(slugify('国会活動'), '');
  assert.equal(slugify('Diet / Committee'), 'diet-committee');
});
