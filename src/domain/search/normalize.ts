// The one normalisation of search: NFKC (全角/半角, ｶﾀｶﾅ → カタカナ), lower case, and the
// variant table. The same function prepares indexed text and queries, so a match is
// exactly "the normalised text contains the normalised term".
//
// Normalising one character (with the combining marks that follow it) at a time, rather
// than the whole string, gives the same result for real text and lets us keep, for every
// normalised character, the position of the original character it came from: snippets
// highlight the original text. Runs of characters that normalisation leaves alone (kana,
// common kanji, lower-case ASCII) are copied whole: they are most of a Japanese report.
import { SEARCH_VARIANTS } from './variants.js';

export interface NormalizedText {
  text: string;
  /** offsets[i] is the index in the original of the character that gave text[i]; one extra entry holds the original's length. */
  offsets: number[];
}

const VARIANT_CODE_POINTS = new Set([...SEARCH_VARIANTS.keys()].map((c) => c.codePointAt(0)!));
const MARK = /^[\p{M}\uFF9E\uFF9F]$/u;

/** Code points NFKC and lower-casing leave as they are, and no variant starts: copied as is. */
function isStable(cp: number): boolean {
  if (cp >= 0x4e00 && cp <= 0x9fff) return !VARIANT_CODE_POINTS.has(cp);
  return (
    (cp >= 0x3041 && cp <= 0x3096) ||
    (cp >= 0x30a1 && cp <= 0x30fa) ||
    cp === 0x30fc ||
    (cp >= 0x61 && cp <= 0x7a) ||
    (cp >= 0x30 && cp <= 0x39) ||
    cp === 0x20 ||
    cp === 0x0a ||
    (cp >= 0x3001 && cp <= 0x3002)
  );
}

/** Marks that compose with the character before them under NFKC (with ﾊﾟ's ﾟ). */
function isMark(cp: number): boolean {
  if (cp < 0x300 || isStable(cp)) return false;
  return MARK.test(String.fromCodePoint(cp));
}

function normalizeChunk(chunk: string): string {
  let out = '';
  for (const ch of chunk.normalize('NFKC').toLowerCase()) out += SEARCH_VARIANTS.get(ch) ?? ch;
  return out;
}

function run(input: string, offsets: number[] | undefined): string {
  const out: string[] = [];
  let i = 0;
  while (i < input.length) {
    // A stretch of stable characters not followed by a mark is copied in one piece.
    let end = i;
    while (end < input.length) {
      const cp = input.charCodeAt(end);
      if (cp >= 0xd800 && cp <= 0xdfff) break;
      if (!isStable(cp)) break;
      end++;
    }
    if (end > i && end < input.length && isMark(input.codePointAt(end)!)) end--;
    if (end > i) {
      out.push(input.slice(i, end));
      if (offsets) for (let k = i; k < end; k++) offsets.push(k);
      i = end;
      continue;
    }
    // One character with its marks, normalised on its own.
    end = i + (input.codePointAt(i)! > 0xffff ? 2 : 1);
    while (end < input.length && isMark(input.codePointAt(end)!)) end += input.codePointAt(end)! > 0xffff ? 2 : 1;
    const piece = normalizeChunk(input.slice(i, end));
    out.push(piece);
    if (offsets) for (let k = 0; k < piece.length; k++) offsets.push(i);
    i = end;
  }
  return out.join('');
}

export function normalizeWithOffsets(input: string): NormalizedText {
  const offsets: number[] = [];
  const text = run(input, offsets);
  offsets.push(input.length);
  return { text, offsets };
}

export function normalizeForSearch(input: string): string {
  return run(input, undefined);
}
