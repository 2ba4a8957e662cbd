// Search tokens: every character position of the normalised text gives one token, the
// character and the next one (a 2-gram), or the character alone at the end of a run
// (runs are split at white space). A term of n ≥ 2 characters is then exactly the phrase
// of its n−1 2-grams, and a term of one character is any token that starts with it, so a
// query finds precisely the texts that contain it: no misses, no false hits, whatever the
// script (漢字, かな, Latin, digits, symbols).
//
// Tokens are written for SQLite FTS5's "ascii" tokenizer, which keeps every non-ASCII
// character and splits on ASCII punctuation: ASCII symbols are therefore written as their
// full-width forms (NFKC has already turned real full-width forms into ASCII, so nothing
// collides), and tokens are joined with spaces.

/** The code point of a normalised character as it appears inside a token. */
function encodedCodePoint(cp: number): number {
  return cp > 0x20 && cp < 0x7f && !((cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a)) ? cp + 0xfee0 : cp;
}

/** The normalised character as it appears inside a token. */
function encode(cp: number, ch: string): string {
  const encoded = encodedCodePoint(cp);
  return encoded === cp ? ch : String.fromCharCode(encoded);
}

/** White space and control characters separate runs; nothing spans them. */
function isSeparator(cp: number): boolean {
  return (
    cp <= 0x20 ||
    cp === 0x7f ||
    (cp >= 0x80 && cp <= 0xa0) ||
    cp === 0x3000 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0xfeff
  );
}

/** The encoded characters of each run of `normalized` text. */
export function runsOf(normalized: string): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  for (const ch of normalized) {
    const cp = ch.codePointAt(0)!;
    if (isSeparator(cp)) {
      if (run.length > 0) runs.push(run);
      run = [];
      continue;
    }
    run.push(encode(cp, ch));
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * Each token of `normalized` text in order, as the code points of its encoded characters
 * (`second` is 0 for a character alone at the end of a run), where it stands in the text
 * (`start` to `end`) and whether encoding changed a character of it: what indexTokens
 * writes, without a string per token for a caller that needs none (the static index's
 * build, exporter/search/index-tasks.ts).
 */
export function forEachIndexToken(normalized: string, visit: (first: number, second: number, start: number, end: number, isEncoded: boolean) => void): void {
  let previous = 0; // the run's last character, still to be paired (0: none, a separator)
  let previousAt = 0;
  let isPreviousEncoded = false;
  for (let i = 0; i < normalized.length;) {
    const at = i;
    const cp = normalized.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    if (isSeparator(cp)) {
      if (previous !== 0) visit(previous, 0, previousAt, at, isPreviousEncoded);
      previous = 0;
      continue;
    }
    const encoded = encodedCodePoint(cp);
    const isEncoded = encoded !== cp;
    if (previous !== 0) visit(previous, encoded, previousAt, i, isPreviousEncoded || isEncoded);
    previous = encoded;
    previousAt = at;
    isPreviousEncoded = isEncoded;
  }
  if (previous !== 0) visit(previous, 0, previousAt, normalized.length, isPreviousEncoded);
}

/** The token string to index for `normalized` text. */
export function indexTokens(normalized: string): string {
  const out: string[] = [];
  forEachIndexToken(normalized, (first, second, start, end, isEncoded) => {
    if (!isEncoded) out.push(normalized.slice(start, end));
    else out.push(second === 0 ? String.fromCodePoint(first) : String.fromCodePoint(first, second));
  });
  return out.join(' ');
}

/**
 * How to find a normalised term: the tokens that must stand in a row, the last one
 * possibly as a prefix. `外交` is [外交]; `外` is [外*] (any token starting with 外); a
 * quoted `外交 政策` is [外交, 交, 政策]: each run but the last ends with its last
 * character alone, exactly as runs are indexed.
 */
export interface TermTokens {
  tokens: string[];
  isLastPrefix: boolean;
}

export function termTokens(normalizedTerm: string): TermTokens | undefined {
  const runs = runsOf(normalizedTerm);
  if (runs.length === 0) return undefined;
  const tokens: string[] = [];
  for (const [r, run] of runs.entries()) {
    const isLastRun = r === runs.length - 1;
    for (let i = 0; i + 1 < run.length; i++) tokens.push(run[i]! + run[i + 1]!);
    // The last character of an inner run is indexed alone; a one-character last run can
    // be followed by anything in the text, so it is a prefix.
    if (!isLastRun || run.length === 1) tokens.push(run[run.length - 1]!);
  }
  return { tokens, isLastPrefix: runs[runs.length - 1]!.length === 1 };
}
