// The first step of rendering: make the pasted text safe to scan line by line without
// changing any content character (no NFKC: 全角 digits and parentheses are the author's choice).

const NEWLINES = /\r\n?/g;
// C0 controls except \t (U+0009) and \n (U+000A), DEL, and the C1 block.
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function normalizeSource(source: string): string {
  return source.replace(NEWLINES, '\n').replace(CONTROLS, '').replace(LONE_SURROGATES, '\uFFFD');
}
