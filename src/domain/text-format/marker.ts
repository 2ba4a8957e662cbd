// The outline markers of 公用文: 1 / (1) / ア / (ア) / ①, recognised at the start of a line.

/** Level 1 is a top-level section number; 5 is a circled number. */
export type MarkerLevel = 1 | 2 | 3 | 4 | 5;

export interface Marker {
  level: MarkerLevel;
  /** The marker exactly as written: `1`, `１．`, `（２）`, `ア`, `(イ)`, `③`. */
  number: string;
  /** The spaces between marker and text, as written (may be empty). */
  separator: string;
  /** The rest of the line after the separator. */
  rest: string;
}

const INDENT = /^[ \u3000]+/;
const DIGITS = '[0-9\\uFF10-\\uFF19]{1,3}';
const OPEN = '[(\\uFF08]';
const CLOSE = '[)\\uFF09]';
const KATAKANA = '[アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ]';
const SPACES = '[ \\u3000]';

const PATTERNS: ReadonlyArray<{ level: MarkerLevel; pattern: RegExp }> = [
  // `1 見出し`: the space is required so that 「11月2日」 or 「2023年」 never read as markers,
  // and so is some text after it.
  { level: 1, pattern: new RegExp(`^(${DIGITS})(${SPACES}+)(\\S[^]*)$`, 'u') },
  // `1.` / `１．`, but not a decimal such as 「1.5倍」.
  { level: 1, pattern: new RegExp(`^(${DIGITS}[.\\uFF0E])(?![0-9\\uFF10-\\uFF19])(${SPACES}*)([^]*)$`, 'u') },
  { level: 2, pattern: new RegExp(`^(${OPEN}${DIGITS}${CLOSE})(${SPACES}*)([^]*)$`, 'u') },
  // A space is required: 「アジア太平洋」 starts with ア but is not a marker.
  { level: 3, pattern: new RegExp(`^(${KATAKANA})(${SPACES}+)([^]*)$`, 'u') },
  { level: 4, pattern: new RegExp(`^(${OPEN}${KATAKANA}${CLOSE})(${SPACES}*)([^]*)$`, 'u') },
  { level: 5, pattern: new RegExp(`^([\\u2460-\\u2473])(${SPACES}*)([^]*)$`, 'u') },
];

/** The marker starting `line` (leading spaces ignored), or undefined for an unmarked line. */
export function parseMarker(line: string): Marker | undefined {
  const unindented = line.replace(INDENT, '');
  for (const { level, pattern } of PATTERNS) {
    const match = pattern.exec(unindented);
    if (match) return { level, number: match[1]!, separator: match[2]!, rest: match[3]! };
  }
  return undefined;
}
