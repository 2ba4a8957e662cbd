// Whether a marker line is a heading, a numbered paragraph (項目) or a labelled line of a
// notice. Authors use the same markers for all three: 「(1)北朝鮮」 over a paragraph is a
// sub-heading, 「(1)大臣から,…述べた。」 an item, 「1 日時　11月30日」 a notice line.
import { gluedNumbers, isGlued, numberValue } from './glued-numbers.js';
import { LEVEL, parseMarker, type Marker } from './marker.js';
import { noticeLine } from './notice-line.js';

const MAX_TITLE_CHARS = { top: 60, lower: 30 };
const SENTENCE_END = '。';
// A line ending like this continues a sentence, so it cannot be a title.
const CONTINUING_END = /[、,，.．：:]$/u;

/**
 * Markers that title a part of the text whatever follows them (「1 概要」 over items); the
 * others (■, (1), ア, a glued number) title only text or deeper markers.
 */
function isTopMarker(marker: Marker): boolean {
  if (isGlued(marker)) return false;
  return marker.level === LEVEL.chapter || marker.level === LEVEL.bracket || marker.level === LEVEL.kanjiNumber || marker.level === LEVEL.number;
}

export type MarkerRole = 'heading' | 'item' | 'notice';

/**
 * `lines` is the whole document and `index` the marker line's position in it; `glued` the
 * glued numbers of the document (glued-numbers.ts), passed in when the caller has them.
 */
export function markerRole(marker: Marker, lines: readonly string[], index: number, glued?: ReadonlySet<number>): MarkerRole {
  const title = marker.rest.trimEnd();
  if (title === '') return 'item';
  if (isGlued(marker)) {
    const value = numberValue(marker.number);
    const numbers = glued ?? gluedNumbers(lines);
    if (!numbers.has(value - 1) && !numbers.has(value + 1)) return 'item';
  }
  const isTop = isTopMarker(marker);
  const maxChars = isTop ? MAX_TITLE_CHARS.top : MAX_TITLE_CHARS.lower;
  if ([...title].length > maxChars) return 'item';
  if (title.includes(SENTENCE_END) || CONTINUING_END.test(title)) return 'item';
  // 「1 日時　令和8年11月30日」: a label and its value on one line make a notice line, not a title.
  if (noticeLine(title)) return 'notice';
  const next = nextTextLine(lines, index);
  // A heading needs text after it: a short numbered last line is an item.
  if (next === undefined) return 'item';
  // A top-level line is a section title even when more markers follow (「1 概要」 over items).
  if (isTop) return 'heading';
  // 「(1)子育て支援」 over 「ア …」「イ …」 titles those items; over 「(2)…」 it is an item.
  const nextMarker = parseMarker(next);
  return nextMarker === undefined || nextMarker.level > marker.level ? 'heading' : 'item';
}

/** The next non-blank line after `index`, if any. */
function nextTextLine(lines: readonly string[], index: number): string | undefined {
  for (let i = index + 1; i < lines.length; i++) {
    if (!isBlankLine(lines[i]!)) return lines[i];
  }
  return undefined;
}

export function isBlankLine(line: string): boolean {
  return line.trim() === '';
}
