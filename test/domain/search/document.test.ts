import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attachmentTokens } from '../../../src/domain/search/document.js';
import { LIMITS } from '../../../src/domain/report-rules.js';
import { indexTokens } from '../../../src/domain/search/tokens.js';

test('tokenises attachment texts normalised, with no 2-gram across two files', () => {
  assert.equal(attachmentTokens(['防衛', 'ＡＢ']), indexTokens('防衛\nab'));
  assert.doesNotMatch(` ${attachmentTokens(['防衛', 'ＡＢ'])} `, / 衛a /);
  assert.equal(attachmentTokens([]), '');
});

test('indexes at most as many characters of attachments as a report body may hold, in list order', () => {
  const first = 'あ'.repeat(LIMITS.bodyChars - 2);
  const tokens = ` ${attachmentTokens([first, '鰤起こし'])} `;
  assert.match(tokens, / 鰤 /, 'the first character after the line break fits');
  assert.doesNotMatch(tokens, /起/);
  assert.equal(attachmentTokens(['協議'], 1), indexTokens('協'));
});
