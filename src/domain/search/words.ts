// Word tokens, for ranking only: Intl.Segmenter('ja') splits the normalised text into
// words, so 外交 is a word in 「外交の基本方針」 but not in 「海外交流」 (海外 | 交流). A report
// where the query stands as a word ranks above one where it only occurs inside a word.
import { runsOf } from './tokens.js';

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/** Longer "words" (a pasted URL, a long number) are cut: ranking needs only their start. */
const MAX_WORD_CHARS = 32;

// ASCII symbols and separators need encoding (tokens.ts); most words have none.
const NEEDS_ENCODING = /[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

function encodeWord(segment: string): string {
  if (!NEEDS_ENCODING.test(segment)) return segment.length > MAX_WORD_CHARS ? [...segment].slice(0, MAX_WORD_CHARS).join('') : segment;
  return runsOf(segment)
    .map((run) => run.slice(0, MAX_WORD_CHARS).join(''))
    .join('');
}

/** The word tokens of normalised text, in order, joined with spaces (for the index). */
export function wordTokens(normalized: string): string {
  const out: string[] = [];
  for (const s of segmenter.segment(normalized)) {
    if (!s.isWordLike) continue;
    const token = encodeWord(s.segment);
    if (token !== '') out.push(token);
  }
  return out.join(' ');
}

/** The words a normalised term consists of, to be found in a row among a text's words. */
export function termWords(normalizedTerm: string): string[] {
  const words = wordTokens(normalizedTerm);
  return words === '' ? [] : words.split(' ');
}
