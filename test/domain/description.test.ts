import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DESCRIPTION_CHARS, descriptionOf } from '../../src/domain/description.js';

test('describes a page by its summary when it has one', () => {
  assert.equal(descriptionOf('要約です。', '本文'), '要約です。');
});

test("describes a page without a summary by its text's first characters, white space folded", () => {
  const text = `第一段落\n\n  第二段落${'あ'.repeat(200)}`;
  const description = descriptionOf('', text);
  assert.equal(description, `第一段落 第二段落${'あ'.repeat(DESCRIPTION_CHARS - 12)}`);
});
