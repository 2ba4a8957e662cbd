// The words of a search URL, for the server's /search and /api/v1/search and for renderPublicPath.

/** Shown next to the box (or in the API's error) when searchTextOf() finds the encoding unreadable. */
export const MALFORMED_Q_MESSAGE = '検索語の一部を文字として読み取れませんでした(UTF-8ではない文字コードです)。入力し直してください。';

/** The search words of a request, and whether the URL's percent-encoding could not be read. */
export interface SearchText {
  text: string;
  isMalformed: boolean;
}

/**
 * The `q` parameter, read from the raw URL. Fastify's parser (fast-querystring) keeps a
 * value whose percent-encoding is not UTF-8 (`%E3%81`, `%FF`, a lone `%`) as the raw
 * string, so searching it would look for the letters "%E3%81"; here such a value is
 * reported as malformed, with the bytes that could not be read shown as U+FFFD.
 * Control characters and noncharacters cannot appear in an HTML page, and the search
 * treats them as separators anyway: they become spaces, and runs of white space one
 * space, so the box shows exactly what was searched and equal searches share one key.
 */
export function searchTextOf(url: string): SearchText {
  const raw = rawParam(url, 'q');
  if (raw === undefined) return { text: '', isMalformed: false };
  const decoded = decodeParam(raw);
  const text = decoded.text
    .replace(/[\p{Cc}\p{Noncharacter_Code_Point}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { text, isMalformed: decoded.isMalformed };
}

/** The first still-encoded value of `name` in the URL's query string. */
function rawParam(url: string, name: string): string | undefined {
  const start = url.indexOf('?');
  if (start < 0) return undefined;
  for (const pair of url.slice(start + 1).split('&')) {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    if (decodeParam(key).text === name) return eq < 0 ? '' : pair.slice(eq + 1);
  }
  return undefined;
}

/** application/x-www-form-urlencoded decoding that never throws. */
function decodeParam(raw: string): SearchText {
  const plain = raw.replace(/\+/g, ' ');
  try {
    return { text: decodeURIComponent(plain), isMalformed: false };
  } catch {
    return { text: decodeLeniently(plain), isMalformed: true };
  }
}

/** Percent-escapes as bytes, other characters as their UTF-8; bytes that are not UTF-8 become U+FFFD. */
function decodeLeniently(text: string): string {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < text.length;) {
    if (text[i] === '%' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 3;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    bytes.push(...encoder.encode(ch));
    i += ch.length;
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Uint8Array.from(bytes));
}
