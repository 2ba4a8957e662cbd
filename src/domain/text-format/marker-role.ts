// Whether a marker line is a heading or a numbered paragraph (項目). Authors use the same
// markers for both: 「(1)北朝鮮」 over a paragraph is a sub-heading, 「(1)大臣から,…述べた。」 is an item.
import { parseMarker, type Marker } from './marker.js';

const MAX_TITLE_CHARS = { top: 60, lower: 30 };
const SENTENCE_END = '。';
// A line ending like this continues a sentence, so it cannot be a title.
const CONTINUING_END = /[、,，.．：:]$/u;

/** `lines` is the whole document and `index` the marker line's position in it. */
export function isHeading(marker: Marker, lines: readonly string[], index: number): boolean {
  const title = marker.rest.trimEnd();
  if (title === '') return false;
  const maxChars = marker.level === 1 ? MAX_TITLE_CHARS.top : MAX_TITLE_CHARS.lower;
  if ([...title].length > maxChars) return false;
  if (title.includes(SENTENCE_END) || CONTINUING_END.test(title)) return false;
  // A short level-1 line is a section title even when more markers or nothing follow
  // (「1 概要」 over items, a closing 「7 その他」).
  if (marker.level === 1) return true;
  return isContentFollowing(marker, lines, index);
}

/**
 * True when the next non-blank line after `index` is unmarked text or a marker of a
 * deeper level: 「(1)子育て支援」 over 「ア …」「イ …」 titles those items.
 */
function isContentFollowing(marker: Marker, lines: readonly string[], index: number): boolean {
  for (let i = index + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlankLine(line)) continue;
    const next = parseMarker(line);
    return next === undefined || next.level > marker.level;
  }
  return false;
}

export function isBlankLine(line: string): boolean {
  return line.trim() === '';
}
