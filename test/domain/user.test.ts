import assert from 'node:assert/strict';
import { test } from 'node:test';
import { displayNameProblem, hasRole, isAllowed, isRole, loginProblem, normalizeDisplayName, normalizeLogin } from '../../src/domain/user.js';

test('orders roles writer < editor < owner', () => {
  assert.equal(hasRole('owner', 'editor'), true);
  assert.equal(hasRole('editor', 'editor'), true);
  assert.equal(hasRole('writer', 'editor'), false);
  assert.equal(hasRole('editor', 'owner'), false);
});

test('lets anyone through public access and nobody without a role through the rest', () => {
  assert.equal(isAllowed(undefined, 'public'), true);
  assert.equal(isAllowed(undefined, 'writer'), false);
  assert.equal(isAllowed('writer', 'writer'), true);
  assert.equal(isAllowed('writer', 'owner'), false);
});

test('knows the three roles only', () => {
  assert.equal(isRole('owner'), true);
  for (const bad of ['admin', 'Owner', '', undefined, 1]) assert.equal(isRole(bad), false, String(bad));
});

test('folds full-width and capital letters in logins and trims them', () => {
  assert.equal(normalizeLogin(' ＹａｍａＫａｗａ '), 'yamakawa');
});

test('accepts 1–64 characters of a-z, 0-9, ".", "_" and "-" as a login', () => {
  for (const ok of ['a', 'sato.taro', 'office_2', 'x-y', 'a'.repeat(64)]) assert.equal(loginProblem(ok), undefined, ok);
  assert.match(loginProblem('')!.message, /入力してください/);
  assert.match(loginProblem('a'.repeat(65))!.english, /longer than 64/);
  for (const bad of ['sato taro', 'さとう', 'Sato', 'a/b', 'a@b']) assert.match(loginProblem(bad)!.english, /may contain only/, bad);
});

test('limits display names to 50 characters without control characters', () => {
  assert.equal(normalizeDisplayName('  山川\u3000さくら '), '山川 さくら');
  assert.equal(displayNameProblem('山'.repeat(50)), undefined);
  assert.match(displayNameProblem('山'.repeat(51))!.message, /50文字以内/);
  assert.match(displayNameProblem('a\u0007b')!.message, /制御文字/);
});
