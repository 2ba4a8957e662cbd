// Word tokens, for ranking only: a report where the query stands as words (its words one after
// another, nothing between them) ranks above one where it only occurs inside a word, so 外交 in
// 「外交の基本方針」 comes before 「海外交流」 (海外 | 交流). The normalised text is cut where the
// script changes (漢字, ひらがな, カタカナ, Latin letters and digits; punctuation and symbols
// are no words); a run of kanji is cut further into words by domain/search/kanji-words.ts. A
// pure rule, with no dictionary: the server's index and the static search's browser script
// (which cannot rely on the browser's Intl.Segmenter dictionary) find the same words. It
// replaced Intl.Segmenter('ja'), which cost 90 % of building a search document (docs/search.md).
import { kanjiWords } from './kanji-words.js';

/** Longer "words" (a pasted URL, a long number) are cut: ranking needs only their start. */
const MAX_WORD_CHARS = 32;

const enum Script {
  None,
  Kanji,
  Hiragana,
  Katakana,
  Latin,
}

const LETTER = /[\p{L}\p{N}]/u;

function scriptOf(cp: number): Script {
  if (cp < 0x80) {
    if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a)) return Script.Latin;
    return Script.None;
  }
  if (cp >= 0x3041 && cp <= 0x309f) return cp <= 0x3096 || cp >= 0x309d ? Script.Hiragana : Script.None;
  if (cp >= 0x30a1 && cp <= 0x30ff) {
    if (cp === 0x30f5 || cp === 0x30f6) return Script.Kanji; // ヵ ヶ as in 霞ヶ関
    return cp === 0x30fb ? Script.None : Script.Katakana; // ・ separates
  }
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3ffff)) {
    return Script.Kanji;
  }
  if (cp >= 0x3005 && cp <= 0x3007) return Script.Kanji; // 々 〆 〇
  if (cp >= 0x3000 && cp <= 0x303f) return Script.None; // CJK punctuation
  if (cp >= 0xff00 && cp <= 0xffef) return Script.None; // what NFKC left of the full-width block
  return LETTER.test(String.fromCodePoint(cp)) ? Script.Latin : Script.None;
}

/** ASCII punctuation that joins two letters or digits into one word (example.jp, 3.14, 1,000, don't). */
const isJoiner = (code: number) => code === 0x2e || code === 0x27 || code === 0x2c;
/** Joiners inside a token are written full-width, as tokens.ts writes ASCII symbols. */
const JOINERS = /[.',]/g;
const fullWidth = (ch: string) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0);

/** A word's place: [start, end) in UTF-16 units; `isLatin` for letters and digits (which may hold joiners). */
type WordVisitor = (start: number, end: number, isLatin: boolean) => void;

/** Calls `visit` with the place of each word of the run of one script at [start, end) of `normalized`. */
function placesOfRun(script: Script, normalized: string, start: number, end: number, visit: WordVisitor): void {
  // Most kanji runs are one word of two characters or less (kanjiWords keeps them whole).
  if (script === Script.Kanji && end - start > 2) {
    // kanjiWords cuts the run without leaving anything out: its words lie one after another.
    const words: string[] = [];
    kanjiWords(normalized.slice(start, end), words);
    let at = start;
    for (const word of words) visit(at, (at += word.length), false);
    return;
  }
  let cut = end;
  if (end - start > MAX_WORD_CHARS) {
    // The first MAX_WORD_CHARS code points.
    cut = start;
    for (let n = 0; n < MAX_WORD_CHARS && cut < end; n++) cut += normalized.codePointAt(cut)! > 0xffff ? 2 : 1;
  }
  visit(start, cut, script === Script.Latin);
}

/**
 * Where the words of normalised text stand, in order: `visit(start, end)` in UTF-16 units of
 * `normalized`. Each run of one script gives one word (cut after MAX_WORD_CHARS code points,
 * the rest of the run being no word), kanji runs several.
 */
export function forEachWordPlace(normalized: string, visit: WordVisitor): void {
  let script = Script.None;
  let start = 0;
  for (let i = 0; i < normalized.length;) {
    const cp = normalized.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    let next = scriptOf(cp);
    // ー lengthens the kana before it (すごーい as well as データ).
    if (cp === 0x30fc && script === Script.Hiragana) next = Script.Hiragana;
    // A joiner between letters or digits stays inside the word.
    if (next === Script.None && script === Script.Latin && isJoiner(cp) && i + 1 < normalized.length && scriptOf(normalized.codePointAt(i + 1)!) === Script.Latin) {
      next = Script.Latin;
    }
    if (next !== script) {
      if (script !== Script.None) placesOfRun(script, normalized, start, i, visit);
      script = next;
      start = i;
    }
    i += width;
  }
  if (script !== Script.None) placesOfRun(script, normalized, start, normalized.length, visit);
}

/** A word as the index and a query write it: joiners (only ever inside a Latin word) full width, as tokens.ts writes ASCII symbols. */
function wordText(normalized: string, start: number, end: number, isLatin: boolean): string {
  const word = normalized.slice(start, end);
  return isLatin ? word.replace(JOINERS, fullWidth) : word;
}

/** The words of normalised text, in order, appended to `out`. */
export function wordsOf(normalized: string, out: string[] = []): string[] {
  forEachWordPlace(normalized, (start, end, isLatin) => out.push(wordText(normalized, start, end, isLatin)));
  return out;
}

/**
 * Written after a word of the index that the next word does not follow at once (something
 * stands between them, or the text ends): a query's words then match only where they stand
 * one after another with nothing between (never across punctuation, a space or from the
 * title into the body), and the static search can decide the same from where words start and
 * end (wordEdges). A private-use character: never part of a word, so never in a query's words.
 */
export const WORD_GAP_MARK = '\uE000';

/** The words column's tokens of one normalised text (title or body), appended to `out`: its words, each with WORD_GAP_MARK when no word follows it at once. */
export function indexWords(normalized: string, out: string[] = []): string[] {
  let last = -1; // this text's previous word in `out`
  let lastEnd = 0;
  forEachWordPlace(normalized, (start, end, isLatin) => {
    if (last >= 0 && start !== lastEnd) out[last] += WORD_GAP_MARK;
    last = out.push(wordText(normalized, start, end, isLatin)) - 1;
    lastEnd = end;
  });
  if (last >= 0) out[last] += WORD_GAP_MARK;
  return out;
}

/** The words column's tokens of normalised text, joined with spaces (for the index). */
export function wordTokens(normalized: string): string {
  return indexWords(normalized).join(' ');
}

/**
 * The words of a normalised query term, to be found one after another with nothing between
 * them; none (the term never stands as words) unless the term is made of words only: a term
 * holding punctuation, a space or a cut-off word is matched, but never ranked as standing as words.
 */
export function termWords(normalizedTerm: string): string[] {
  const words: string[] = [];
  let at = 0;
  forEachWordPlace(normalizedTerm, (start, end, isLatin) => {
    at = start === at ? end : -1;
    words.push(wordText(normalizedTerm, start, end, isLatin));
  });
  return at === normalizedTerm.length ? words : [];
}

/**
 * The sequences of index tokens (indexWords) that stand for a term's words: the last word may
 * be followed by another word or by a gap (WORD_GAP_MARK), the others by the next word only.
 */
export function wordPhraseVariants(words: readonly string[]): string[][] {
  if (words.length === 0) return [];
  return [[...words], [...words.slice(0, -1), words[words.length - 1]! + WORD_GAP_MARK]];
}

/** wordEdges' flags: a word starts at this character. */
export const WORD_START = 1;
/** wordEdges' flags: a word ends with this character. */
export const WORD_END = 2;

/**
 * Per UTF-16 unit of normalised text, where words start and end: WORD_START when a word
 * starts at the character there, WORD_END when a word ends with it (both for a word of one
 * character; a surrogate pair's flags are on its first unit), 0 inside a word or outside any
 * (the rest of a cut-off word too). A term made of words (termWords) stands as words at a
 * place of the text exactly when the text's edges over the term's characters equal the
 * term's own: the static search decides from them what the server's words column decides.
 */
export function wordEdges(normalized: string): Uint8Array {
  const edges = new Uint8Array(normalized.length);
  forEachWordPlace(normalized, (start, end) => {
    edges[start]! |= WORD_START;
    // The last character's first unit (a surrogate pair's high half).
    const lastAt = end >= 2 && normalized.charCodeAt(end - 1) >= 0xdc00 && normalized.charCodeAt(end - 1) <= 0xdfff ? end - 2 : end - 1;
    edges[lastAt]! |= WORD_END;
  });
  return edges;
}
