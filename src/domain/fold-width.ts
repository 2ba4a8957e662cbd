// Full-width ASCII forms (０-９, （）, ，, ：, ～), the ideographic space and the wave and minus
// dashes folded to their ASCII forms: the part of NFKC that matters for dates, times, lists and
// markers. It is done character for character, so an index into the folded text is an index
// into the original: the activity-record extractor returns names and sentences as slices of
// what was written, and japanese-dates.ts returns each date as written.

/** `text` with full-width ASCII forms, the ideographic space and range dashes folded, same length. */
export function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000\u301C\u2212\u2013\u2015]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
    if (code === 0x3000) return ' ';
    return c === '\u301C' ? '~' : '-';
  });
}
