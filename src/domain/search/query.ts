// The search box's language: words separated by spaces (ASCII or 全角) must all appear;
// "quoted words" must appear as written, spaces included; -word must not appear; OR
// between words accepts either. Nothing a reader types is syntax for the database: the
// parsed query is turned into tokens, never into engine syntax, so 「"」「*」「NEAR」「(」「:」
// are just characters.
import { ValidationError } from '../errors.js';
import { normalizeForSearch } from './normalize.js';

export interface SearchTerm {
  /** Normalised (what is matched). */
  text: string;
  /** As typed, for messages. */
  display: string;
}

export interface SearchQuery {
  /** Every group must match; a group matches when any of its terms does (OR). */
  all: SearchTerm[][];
  /** None of these may match. */
  none: SearchTerm[];
}

export const MAX_QUERY_CHARS = 200;
export const MAX_TERMS = 10;

interface Piece {
  text: string;
  isQuoted: boolean;
  isExcluded: boolean;
}

const QUOTES = new Set(['"', '“', '”']);

/** White space and control characters: both separate words, as they do in the index. */
const SEPARATOR = /[\s\p{Cc}]/u;
const isSeparator = (c: string) => SEPARATOR.test(c);

/** Splits on separators, keeping quoted stretches (an unclosed quote runs to the end). */
function pieces(input: string): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  while (i < input.length) {
    while (i < input.length && isSeparator(input[i]!)) i++;
    if (i >= input.length) break;
    let isExcluded = false;
    if (input[i] === '-' && i + 1 < input.length && !isSeparator(input[i + 1]!)) {
      isExcluded = true;
      i++;
    }
    if (QUOTES.has(input[i]!)) {
      let end = i + 1;
      while (end < input.length && !QUOTES.has(input[end]!)) end++;
      out.push({ text: input.slice(i + 1, end), isQuoted: true, isExcluded });
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < input.length && !isSeparator(input[end]!)) end++;
    out.push({ text: input.slice(i, end), isQuoted: false, isExcluded });
    i = end;
  }
  return out;
}

function toTerm(piece: Piece): SearchTerm | undefined {
  const text = normalizeForSearch(piece.text).replace(/[\s\p{Cc}]+/gu, ' ').trim();
  return text === '' ? undefined : { text, display: piece.text.trim() };
}

/** The parsed query, or undefined when nothing is searched for (an empty box). */
export function parseSearchQuery(input: string): SearchQuery | undefined {
  const raw = input.trim();
  if ([...raw].length > MAX_QUERY_CHARS) {
    throw new ValidationError('検索語が長すぎます。', { q: `検索語は${MAX_QUERY_CHARS}文字以内にしてください。` });
  }
  // NFKC first, so that 全角 spaces, quotes, minus signs and ＯＲ work as syntax.
  const found = pieces(raw.normalize('NFKC'));
  const all: SearchTerm[][] = [];
  const none: SearchTerm[] = [];
  let isOrPending = false;
  for (const piece of found) {
    if (!piece.isQuoted && !piece.isExcluded && piece.text === 'OR') {
      isOrPending = all.length > 0;
      continue;
    }
    const term = toTerm(piece);
    if (!term) continue;
    if (piece.isExcluded) none.push(term);
    else if (isOrPending) all[all.length - 1]!.push(term);
    else all.push([term]);
    isOrPending = false;
  }
  if (all.length === 0 && none.length === 0) return undefined;
  if (all.flat().length + none.length > MAX_TERMS) {
    throw new ValidationError('検索語が多すぎます。', { q: `検索語は${MAX_TERMS}個までにしてください。` });
  }
  if (all.length === 0) {
    throw new ValidationError('検索語がありません。', { q: '「-」を付けた除外する語だけでは検索できません。探す語も入力してください。' });
  }
  return { all, none };
}

/** Every term that is looked for (for highlighting). */
export function positiveTerms(query: SearchQuery): SearchTerm[] {
  return query.all.flat();
}
