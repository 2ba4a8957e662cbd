import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { normalizeForSearch } from '../../../src/domain/search/normalize.js';
import { indexTokens, termTokens, type TermTokens } from '../../../src/domain/search/tokens.js';

/**
 * The meaning of an FTS5 phrase over the indexed tokens: the term's tokens stand in a row
 * among the text's tokens, the last one possibly as a prefix.
 */
function phraseMatches(indexed: string, term: TermTokens): boolean {
  const tokens = indexed === '' ? [] : indexed.split(' ');
  const n = term.tokens.length;
  for (let start = 0; start + n <= tokens.length; start++) {
    const isMatch = term.tokens.every((t, k) => {
      const token = tokens[start + k]!;
      return k === n - 1 && term.isLastPrefix ? token.startsWith(t) : token === t;
    });
    if (isMatch) return true;
  }
  return false;
}

test('writes one token per character: a 2-gram, or the last character of a run alone', () => {
  assert.equal(indexTokens('外交政策'), '外交 交政 政策 策');
  assert.equal(indexTokens('外'), '外');
  assert.equal(indexTokens('日本の外交 tpp協定'), '日本 本の の外 外交 交 tp pp p協 協定 定');
  assert.equal(indexTokens(''), '');
});

test('keeps a character outside the BMP whole in its tokens, beside a widened symbol too', () => {
  assert.equal(indexTokens('𠮷野家 𠮷'), '𠮷野 野家 家 𠮷');
  assert.equal(indexTokens('a𠮷+𠮷'), 'a𠮷 𠮷＋ ＋𠮷 𠮷');
});

test('splits runs at any white space, including line breaks and tabs', () => {
  assert.equal(indexTokens('外交\n政策\t協議  会'), '外交 交 政策 策 協議 議 会');
});

test('writes ASCII symbols as their full-width forms so the engine keeps them in tokens', () => {
  assert.equal(indexTokens('2+2'), '2＋ ＋2 2');
  assert.equal(indexTokens('"a"*(b):c'), '＂a a＂ ＂＊ ＊（ （b b） ）： ：c c');
  for (const token of indexTokens('a"b*c(d)e:f^g-h.i,j/k').split(' ')) assert.doesNotMatch(token, /[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/);
});

test('finds a term of two or more characters as the phrase of its 2-grams', () => {
  assert.deepEqual(termTokens('外交'), { tokens: ['外交'], isLastPrefix: false });
  assert.deepEqual(termTokens('子育て支援'), { tokens: ['子育', '育て', 'て支', '支援'], isLastPrefix: false });
  assert.deepEqual(termTokens('2+2'), { tokens: ['2＋', '＋2'], isLastPrefix: false });
});

test('finds a term of one character as a prefix', () => {
  assert.deepEqual(termTokens('外'), { tokens: ['外'], isLastPrefix: true });
  assert.deepEqual(termTokens('+'), { tokens: ['＋'], isLastPrefix: true });
});

test('finds a phrase across runs: each inner run ends with its last character alone', () => {
  assert.deepEqual(termTokens('外交 政策'), { tokens: ['外交', '交', '政策'], isLastPrefix: false });
  assert.deepEqual(termTokens('外交 政'), { tokens: ['外交', '交', '政'], isLastPrefix: true });
  assert.deepEqual(termTokens('a b'), { tokens: ['a', 'b'], isLastPrefix: true });
  assert.equal(termTokens(' \n'), undefined);
});

test('matches a phrase across runs exactly where the words stand next to each other', () => {
  const text = indexTokens('日本の外交 政策と対外交渉 政治');
  assert.equal(phraseMatches(text, termTokens('外交 政策')!), true);
  assert.equal(phraseMatches(text, termTokens('外交 政')!), true);
  assert.equal(phraseMatches(text, termTokens('交渉 政治')!), true);
  assert.equal(phraseMatches(text, termTokens('外交 政治')!), false);
  assert.equal(phraseMatches(text, termTokens('外交政策')!), false);
});

test('a term matches the tokens of a text exactly when the normalised text contains it', () => {
  // A small alphabet, so that terms often occur; spaces make runs.
  const text = fc.string({ unit: fc.constantFrom('外', '交', '中', '国', 'a', 'b', '+', '"', ' '), maxLength: 30 });
  fc.assert(
    fc.property(text, text, (rawText, rawTerm) => {
      const normalized = normalizeForSearch(rawText);
      // A term as the query language produces it: trimmed, single spaces.
      const term = normalizeForSearch(rawTerm).replace(/\s+/g, ' ').trim();
      const tokens = termTokens(term);
      if (!tokens) return;
      const runs = normalized.replace(/\s+/g, ' ');
      assert.equal(phraseMatches(indexTokens(normalized), tokens), runs.includes(term), `${JSON.stringify(rawText)} ∋ ${JSON.stringify(term)}`);
    }),
    { numRuns: 2000 },
  );
});
