// Query-string schemas shared by public pages and the API. Fastify validates them and
// answers 400 (with a Japanese page) for page=abc, page=-1 and the like. Numbers are
// matched as digit strings: coercion to number would let "1e999" through as Infinity.
// Plain JSON Schema: the few schemas here do not justify loading a schema builder at start.

export const MAX_PAGE = 100_000;

/** 1–999999 written plainly; pages past MAX_PAGE are refused by pageNumber(). */
const POSITIVE_INTEGER = { type: 'string', pattern: '^[1-9][0-9]{0,5}$' } as const;

export interface PageQuery {
  page?: string;
}

export const PAGE_QUERY = {
  type: 'object',
  properties: { page: POSITIVE_INTEGER },
} as const;

export interface ListQuery extends PageQuery {
  limit?: string;
}

export const LIST_QUERY = {
  type: 'object',
  properties: { page: POSITIVE_INTEGER, limit: { type: 'string', pattern: '^([1-9]|[1-9][0-9]|100)$' } },
} as const;

export const PER_PAGE = 20;

export class BadQueryError extends Error {
  readonly statusCode = 400;
}

/** The page number of a validated query, 1 when absent. */
export function pageNumber(text: string | undefined): number {
  const page = text === undefined ? 1 : Number(text);
  if (page > MAX_PAGE) throw new BadQueryError(`page out of range: ${page}`);
  return page;
}

export function pageCountOf(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}

// Search. `q` is only typed as a string here (an array from a repeated q is refused): its
// rules (length, number of terms) belong to the search action, whose Japanese message the
// page shows next to the box. Empty year and category are what the form's 「すべて」 sends.

export interface SearchQueryString extends PageQuery {
  q?: string;
  year?: string;
  category?: string;
  kind?: '' | 'report' | 'page';
}

export const SEARCH_QUERY = {
  type: 'object',
  properties: {
    q: { type: 'string' },
    page: POSITIVE_INTEGER,
    year: { type: 'string', pattern: '^([0-9]{4})?$' },
    category: { type: 'string', pattern: '^[a-z0-9-]{0,80}$' },
    kind: { type: 'string', enum: ['', 'report', 'page'] },
  },
} as const;

export interface ApiSearchQueryString extends ListQuery {
  q?: string;
}

export const API_SEARCH_QUERY = {
  type: 'object',
  properties: { q: { type: 'string' }, page: LIST_QUERY.properties.page, limit: LIST_QUERY.properties.limit },
} as const;

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
  for (let i = 0; i < text.length; ) {
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
