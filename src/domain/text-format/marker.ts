// The outline markers of 公用文 and of the blogs offices write, recognised at the start of a
// line. From the top: 第1 / 【見出し】 / ■ 見出し / 一、 / 1 / (1) / ア / (ア) / ①.

/**
 * A smaller level is a higher one. Levels only order markers: how deep a heading ends up
 * depends on the markers above it (parse.ts), so a text of ■ and (1) gets h2 and h3.
 */
export type MarkerLevel = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export const LEVEL = {
  /** 第1 / 第一 / 第1章 */
  chapter: 1,
  /** 【見出し】 / 〈見出し〉 / ＜見出し＞, alone on the line */
  bracket: 2,
  /** ■ 見出し and the other symbols of SYMBOLS */
  symbol: 3,
  /** 一、 */
  kanjiNumber: 4,
  /** 1 / 1. / 1． / 1南部開発問題 */
  number: 5,
  /** (1) / （１） / ⑴ / 1) / 1） */
  parenNumber: 6,
  /** ア / ア. / ア． */
  katakana: 7,
  /** (ア) / （ア） */
  parenKatakana: 8,
  /** ① to ⑳ */
  circled: 9,
} as const satisfies Record<string, MarkerLevel>;

export interface Marker {
  level: MarkerLevel;
  /** The marker exactly as written: `1`, `１．`, `（２）`, `ア`, `(イ)`, `③`, `■`; '' for 【見出し】. */
  number: string;
  /** The spaces or tab between marker and text, as written (may be empty). */
  separator: string;
  /** The rest of the line after the separator (the whole line for 【見出し】). */
  rest: string;
  /**
   * Set for shapes that mark a line only when it is a heading (【見出し】, a number glued to
   * its title): otherwise the line is ordinary text.
   */
  isHeadingOnly?: true;
}

const INDENT = /^[ \u3000]+/;
const DIGIT = '[0-9\\uFF10-\\uFF19]';
const DIGITS = `${DIGIT}{1,3}`;
const OPEN = '[(\\uFF08]';
const CLOSE = '[)\\uFF09]';
const STOP = '[.\\uFF0E]';
const KATAKANA = '[アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ]';
const KANJI_DIGITS = '[一二三四五六七八九十百]';
const SYMBOLS = '[■□◆◇●○▼▶]';
// A tab after a marker reads like a space at every level.
const SPACES = '[ \\u3000\\t]';
const REST = `(${SPACES}*)([^]*)`;
// 「1.11月14日」 is item 1 about 11月14日; 「1.5倍」 and 「3.14」 are decimals.
const NOT_DECIMAL = `(?!${DIGIT}+(?:[^0-9\\uFF10-\\uFF19年月日時/:\\uFF0F\\uFF1A]|$))`;
// What may start a title glued to its number: a kanji or katakana, but not a counter, so
// that 「10月」「1人」「3期目」「2023年」 stay text.
const COUNTERS = '年月日時分秒人名件回個円万億兆千百十歳期代割倍冊枚台本点社校戸週号位番条項次度区票席棟軒階種箇ヶヵ';
const GLUED_START = `(?![${COUNTERS}]|[カケ][所月国年])[\\p{Script=Han}\\p{Script=Katakana}]`;

const PATTERNS: ReadonlyArray<{ level: MarkerLevel; pattern: RegExp; isHeadingOnly?: true }> = [
  // 第1 needs a space (「第1回定例会」 is text); 第1章 may be glued to its title.
  { level: LEVEL.chapter, pattern: new RegExp(`^(第(?:${DIGITS}|${KANJI_DIGITS}{1,4})[章部編])${REST}$`, 'u') },
  { level: LEVEL.chapter, pattern: new RegExp(`^(第(?:${DIGITS}|${KANJI_DIGITS}{1,4}))(${SPACES}+)(\\S[^]*)$`, 'u') },
  { level: LEVEL.bracket, pattern: /^()()(【[^【】]+】|〈[^〈〉]+〉|＜[^＜＞]+＞)[ \u3000\t]*$/u, isHeadingOnly: true },
  { level: LEVEL.symbol, pattern: new RegExp(`^(${SYMBOLS})(${SPACES}*)(\\S[^]*)$`, 'u') },
  { level: LEVEL.kanjiNumber, pattern: new RegExp(`^(${KANJI_DIGITS}{1,3}[、，,])${REST}$`, 'u') },
  // `1 見出し`: the space is required so that 「11月2日」 or 「2023年」 never read as markers,
  // and so is some text after it.
  { level: LEVEL.number, pattern: new RegExp(`^(${DIGITS})(${SPACES}+)(\\S[^]*)$`, 'u') },
  { level: LEVEL.number, pattern: new RegExp(`^(${DIGITS}${STOP})${NOT_DECIMAL}${REST}$`, 'u') },
  { level: LEVEL.number, pattern: new RegExp(`^(${DIGIT}{1,2})()(${GLUED_START}[^]*)$`, 'u'), isHeadingOnly: true },
  { level: LEVEL.parenNumber, pattern: new RegExp(`^(${OPEN}${DIGITS}${CLOSE}|[\\u2474-\\u2487]|${DIGITS}${CLOSE})${REST}$`, 'u') },
  // A space or a full stop is required: 「アジア太平洋」 starts with ア but is not a marker.
  { level: LEVEL.katakana, pattern: new RegExp(`^(${KATAKANA})(${SPACES}+)([^]*)$`, 'u') },
  { level: LEVEL.katakana, pattern: new RegExp(`^(${KATAKANA}${STOP})${REST}$`, 'u') },
  { level: LEVEL.parenKatakana, pattern: new RegExp(`^(${OPEN}${KATAKANA}${CLOSE})${REST}$`, 'u') },
  { level: LEVEL.circled, pattern: new RegExp(`^([\\u2460-\\u2473])${REST}$`, 'u') },
];

/** The marker starting `line` (leading spaces ignored), or undefined for an unmarked line. */
export function parseMarker(line: string): Marker | undefined {
  const unindented = line.replace(INDENT, '');
  for (const { level, pattern, isHeadingOnly } of PATTERNS) {
    const match = pattern.exec(unindented);
    if (!match) continue;
    const marker: Marker = { level, number: match[1]!, separator: match[2]!, rest: match[3]! };
    return isHeadingOnly ? { ...marker, isHeadingOnly } : marker;
  }
  return undefined;
}
