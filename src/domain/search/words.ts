// Word tokens, for ranking only: a report where the query stands as a word ranks above one
// where it only occurs inside a word, so 外交 in 「外交の基本方針」 comes before 「海外交流」
// (海外 | 交流). The normalised text is cut where the script changes (漢字, ひらがな,
// カタカナ, Latin letters and digits; punctuation and symbols are no words); a run of kanji
// is cut further into words by domain/search/kanji-words.ts. A pure rule, with no
// dictionary: the server's index and the static search's browser script (which cannot rely
// on the browser's Intl.Segmenter dictionary) find the same words. It replaced
// Intl.Segmenter('ja'), which cost 90 % of building a search document (docs/search.md).
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

/** Appends the words of one run of a script to `out`. */
function wordsOfRun(script: Script, run: string, out: string[]): void {
  if (script === Script.Kanji) return kanjiWords(run, out);
  let word = run.length > MAX_WORD_CHARS ? Array.from(run).slice(0, MAX_WORD_CHARS).join('') : run;
  if (script === Script.Latin) word = word.replace(JOINERS, fullWidth);
  out.push(word);
}

/** The words of normalised text, in order, appended to `out`: each run of one script gives one word, kanji runs several. */
export function wordsOf(normalized: string, out: string[] = []): string[] {
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
      if (script !== Script.None) wordsOfRun(script, normalized.slice(start, i), out);
      script = next;
      start = i;
    }
    i += width;
  }
  if (script !== Script.None) wordsOfRun(script, normalized.slice(start), out);
  return out;
}

/** The word tokens of normalised text, in order, joined with spaces (for the index). */
export function wordTokens(normalized: string): string {
  return wordsOf(normalized).join(' ');
}

/** The words a normalised term consists of, to be found in a row among a text's words. */
export function termWords(normalizedTerm: string): string[] {
  return wordsOf(normalizedTerm);
}
