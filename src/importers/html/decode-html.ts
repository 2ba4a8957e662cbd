// The text of a saved HTML page, whatever its encoding: Japanese sites of the 2000s and
// 2010s are often Shift_JIS or EUC-JP. Order (as browsers do, WHATWG "encoding sniffing"):
// a byte order mark, then a <meta charset> or http-equiv Content-Type near the top, then
// a guess — ISO-2022-JP escapes, valid UTF-8, else whichever of Shift_JIS and EUC-JP
// reads as Japanese.

export type EncodingSource = 'bom' | 'meta' | 'guess';

export interface DecodedHtml {
  text: string;
  /** The WHATWG name used: utf-8, shift_jis, euc-jp, iso-2022-jp, utf-16le, … */
  encoding: string;
  source: EncodingSource;
  /** Set when the declared encoding did not fit the bytes and another was used. */
  warning?: string;
}

// Labels seen on Japanese pages that TextDecoder does not know or that name the same thing.
const LABELS: Record<string, string> = {
  shift_jis: 'shift_jis',
  'shift-jis': 'shift_jis',
  sjis: 'shift_jis',
  'x-sjis': 'shift_jis',
  's-jis': 'shift_jis',
  'windows-31j': 'shift_jis',
  cp932: 'shift_jis',
  ms932: 'shift_jis',
  ms_kanji: 'shift_jis',
  csshiftjis: 'shift_jis',
  'euc-jp': 'euc-jp',
  'x-euc-jp': 'euc-jp',
  eucjp: 'euc-jp',
  euc_jp: 'euc-jp',
  ujis: 'euc-jp',
  cseucpkdfmtjapanese: 'euc-jp',
  'iso-2022-jp': 'iso-2022-jp',
  jis: 'iso-2022-jp',
  utf8: 'utf-8',
  'utf-8': 'utf-8',
};

/** A TextDecoder encoding name for a charset label, or undefined if none can read it. */
export function encodingForLabel(label: string): string | undefined {
  const key = label.trim().toLowerCase();
  const known = LABELS[key];
  if (known) return known;
  try {
    return new TextDecoder(key).encoding;
  } catch {
    return undefined;
  }
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  return undefined;
}

/** The charset a <meta> declares in the first bytes (read as Latin-1: labels are ASCII). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  for (const meta of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = meta[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct) return direct[1];
  }
  return undefined;
}

function decode(bytes: Uint8Array, encoding: string): string {
  return new TextDecoder(encoding).decode(bytes);
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const REPLACEMENT = /\uFFFD/g;
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/**
 * How Japanese a decoding looks: kana and common punctuation count for it; replacement
 * characters and half-width katakana (what EUC-JP bytes turn into when read as
 * Shift_JIS) against it.
 */
function japaneseScore(text: string): number {
  return count(text, /[\u3040-\u30ff\u3001\u3002]/g) - count(text, /[\uff61-\uff9f]/g) - 10 * count(text, REPLACEMENT);
}

/** ESC $ B or ESC $ @: the switch to JIS X 0208 that only ISO-2022-JP text contains. */
function hasJisEscape(bytes: Uint8Array): boolean {
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (bytes[i] === 0x1b && bytes[i + 1] === 0x24 && (bytes[i + 2] === 0x42 || bytes[i + 2] === 0x40)) return true;
  }
  return false;
}

function guessEncoding(bytes: Uint8Array): string {
  // ISO-2022-JP is 7-bit, so it would pass for UTF-8: look for its escapes first.
  if (hasJisEscape(bytes)) return 'iso-2022-jp';
  if (isUtf8(bytes)) return 'utf-8';
  const sjis = japaneseScore(decode(bytes, 'shift_jis'));
  const euc = japaneseScore(decode(bytes, 'euc-jp'));
  return euc > sjis ? 'euc-jp' : 'shift_jis';
}

export function decodeHtml(bytes: Uint8Array): DecodedHtml {
  const bom = bomEncoding(bytes);
  if (bom) return { text: decode(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding, source: 'bom' };
  const label = declaredCharset(bytes);
  const declared = label === undefined ? undefined : encodingForLabel(label);
  if (declared) {
    const text = decode(bytes, declared);
    // A page re-saved as UTF-8 by an editor or a browser often keeps its old declaration.
    if (declared !== 'utf-8' && text.includes('\uFFFD') && isUtf8(bytes)) {
      return {
        text: decode(bytes, 'utf-8'),
        encoding: 'utf-8',
        source: 'guess',
        warning: `declares charset ${label} but is UTF-8; read as UTF-8`,
      };
    }
    return { text, encoding: declared, source: 'meta' };
  }
  const encoding = guessEncoding(bytes);
  const result: DecodedHtml = { text: decode(bytes, encoding), encoding, source: 'guess' };
  if (label !== undefined) result.warning = `unknown charset ${label}; guessed ${encoding}`;
  return result;
}
