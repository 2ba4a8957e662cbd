import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { commonPasswords } from '../../src/actions/users/common-passwords.js';
import { parseCommonPasswords, passwordProblem } from '../../src/domain/password-policy.js';

const LIST = parseCommonPasswords('# comment\n\nPassword1234\nqwertyuiop12\n');

test('counts length in code points: twelve kanji or emoji are enough, eleven are not', () => {
  assert.equal(passwordProblem('山川'.repeat(6), LIST), undefined);
  assert.equal(passwordProblem('🌸🗾'.repeat(6), LIST), undefined);
  assert.match(passwordProblem('山川さくら事務所の鍵', LIST)!.message, /12文字以上.*現在10文字/);
  assert.match(passwordProblem('abcdefghijk', LIST)!.english, /at least 12 characters.*it has 11/);
});

test('refuses listed passwords whatever their case, and one character repeated', () => {
  for (const bad of ['password1234', 'PASSWORD1234', 'QwertyUiop12', 'aaaaaaaaaaaaaaaa']) {
    assert.match(passwordProblem(bad, LIST)!.message, /よく使われていて/, bad);
  }
  assert.equal(passwordProblem('password12345', LIST), undefined, 'not in this small list');
});

test('refuses a password containing the login', () => {
  assert.match(passwordProblem('yamakawa-2026-spring', LIST, 'yamakawa')!.message, /ログイン名/);
});

test('refuses overlong passwords', () => {
  assert.match(passwordProblem('x'.repeat(100) + 'y'.repeat(157), LIST)!.english, /at most 256/);
});

test('skips comments and blank lines of the list file', () => {
  assert.deepEqual([...LIST].sort(), ['password1234', 'qwertyuiop12']);
});

test('bundles a list with the common long passwords and their variants', () => {
  const bundled = commonPasswords();
  assert.ok(bundled.size > 1000);
  for (const p of ['password1234', 'qwertyuiop12', '123456789012', '1qaz2wsx3edc', 'iloveyou1234', 'passwordpassword', 'sakura123456', 'p@ssw0rd1234']) {
    assert.ok(bundled.has(p), p);
    assert.ok(passwordProblem(p.toUpperCase(), bundled), p);
  }
  const text = readFileSync(new URL('../../src/domain/common-passwords.txt', import.meta.url), 'utf8');
  for (const line of text.split('\n').filter((l) => l && !l.startsWith('#'))) assert.ok([...line].length >= 12, line);
});
