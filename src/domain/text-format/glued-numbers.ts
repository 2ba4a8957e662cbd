// Numbers glued to their text (「1南部開発問題」) title a part only when a neighbouring number
// is glued the same way elsewhere in the text (「2北部の交通」): one line such as 「3党合意に
// ついて」 is a sentence that starts with a count, not a numbered heading.
import { LEVEL, parseMarker, type Marker } from './marker.js';

/** The values of every glued number in `lines` (全角 digits read as digits). */
export function gluedNumbers(lines: readonly string[]): Set<number> {
  const found = new Set<number>();
  for (const line of lines) {
    const marker = parseMarker(line);
    if (marker && isGlued(marker)) found.add(numberValue(marker.number));
  }
  return found;
}

export function isGlued(marker: Marker): boolean {
  return marker.isHeadingOnly === true && marker.level === LEVEL.number;
}

export function numberValue(digits: string): number {
  return Number(digits.replace(/[\uFF10-\uFF19]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
}
