import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { firstSnippet, snippet } from '../../../src/domain/search/snippet.js';

test('gives what snippet gives, chunk size and match position notwithstanding', () => {
  const alphabet = fc.constantFrom('あ', 'い', '外', '交', '株', '㈱', 'Ａ', 'a', 'b', ' ', '\n', '。', '😀');
  fc.assert(
    fc.property(
      fc.array(alphabet, { maxLength: 400 }).map((a) => a.join('')),
      fc.constantFrom(['外交'], ['株'], ['a'], ['ab', '交'], ['😀']),
      fc.integer({ min: 1, max: 50 }),
      fc.integer({ min: 4, max: 40 }),
      (text, terms, chunkChars, maxChars) => {
        const expected = snippet(text, terms, maxChars);
        const got = firstSnippet(text, terms, maxChars, chunkChars);
        if (expected.some((p) => p.isMatch)) assert.deepEqual(got, expected);
        else assert.equal(got, undefined);
      },
    ),
    { numRuns: 2000 },
  );
});

test('finds a match deep in a long text', () => {
  const text = `${'あ'.repeat(150_000)}鰤起こしの観測${'い'.repeat(1000)}`;
  const parts = firstSnippet(text, ['鰤起こし'])!;
  assert.deepEqual(
    parts.filter((p) => p.isMatch).map((p) => p.text),
    ['鰤起こし'],
  );
  assert.equal(parts[0]!.text, '…');
  assert.equal(firstSnippet(text, ['鮭']), undefined);
});
