// The search box's language: words separated by spaces (ASCII or 全角) must all appear;
// "quoted words" must appear as written, spaces included; -word must not appear; OR
// between words accepts either. Nothing a reader types is syntax for the database: the
// parsed query is turned into tokens, never into engine syntax, so 「"」「*」「NEAR」「(」「:」
// are just characters.
//
// The cost of one query is capped here (issue 9): at most MAX_TERMS terms; at most one term
// ending in a lone character (「の」, 「会」, a quoted "外交 の"), because each is a prefix of
// every token starting with that character, which for a common one means reading nearly the
// whole index; and results are shown to MAX_RESULT_DEPTH.
import { ValidationError } from '../errors.js';
import { normalizeForSearch } from './normalize.js';
import { termTokens } from './tokens.js';

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
/** Results past this one are not shown, whatever the page size: deep pages cost the most. */
export const MAX_RESULT_DEPTH = 1000;

export const MAX_ONE_CHARACTER_TERMS = 1;

export const ONE_CHARACTER_MESSAGE =
  '1文字の語(「の」「会」など)は、1回の検索に1つまでにしてください。ほとんどの活動報告に含まれるため、いくつも組み合わせると検索に時間がかかります。2文字以上の語にすると絞り込めます。';
// Digits grouped by threes as toLocaleString('ja-JP') writes them, without building Intl's number format when the module loads (10-18 ms in the static search page's Chromium).
const DEPTH_TEXT = String(MAX_RESULT_DEPTH).replace(/\B(?=(\d{3})+$)/g, ',');
export const DEPTH_MESSAGE = `検索結果は${DEPTH_TEXT}件目までしか表示できません。語を増やすなどして絞り込んでください。`;

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
  const text = normalizeForSearch(piece.text)
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim();
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
  if ([...all.flat(), ...none].filter(isPrefixTerm).length > MAX_ONE_CHARACTER_TERMS) {
    throw new ValidationError('1文字の語が多すぎます。', { q: ONE_CHARACTER_MESSAGE });
  }
  return { all, none };
}

/** A term whose last token is a lone character, searched as a prefix of every token (domain/search/tokens.ts). */
export function isPrefixTerm(term: SearchTerm): boolean {
  return termTokens(term.text)?.isLastPrefix === true;
}

/** Refuses a page whose results lie past MAX_RESULT_DEPTH (throws ValidationError, field `q`). */
export function checkSearchDepth(page: number, perPage: number): void {
  if (page * perPage > MAX_RESULT_DEPTH) throw new ValidationError('検索結果の先のページは表示できません。', { q: DEPTH_MESSAGE });
}

/** Every term that is looked for (for highlighting). */
export function positiveTerms(query: SearchQuery): SearchTerm[] {
  return query.all.flat();
}
