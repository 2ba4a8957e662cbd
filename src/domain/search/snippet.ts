// Search result snippets: a stretch of the original text around the first match, with
// every match marked. Matching runs on the normalised text (as the search did), and the
// offsets map each match back onto the characters the reader wrote.
import { escapeHtml } from '../trusted-html.js';
import { normalizeWithOffsets } from './normalize.js';

export interface TextPart {
  text: string;
  isMatch: boolean;
}

interface Range {
  start: number;
  end: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Match ranges in the original text, in order, overlaps merged. */
function matchRanges(text: string, terms: readonly string[]): Range[] {
  const wanted = terms.filter((t) => t !== '');
  if (wanted.length === 0) return [];
  const { text: normalized, offsets } = normalizeWithOffsets(text);
  // A quoted phrase's space matches any white space between the words.
  const pattern = new RegExp(wanted.map((t) => t.split(' ').map(escapeRegExp).join('\\s+')).join('|'), 'gu');
  const ranges: Range[] = [];
  for (const m of normalized.matchAll(pattern)) {
    if (m[0] === '') continue;
    const from = m.index;
    const to = from + m[0].length;
    // A match ending inside what one original character became (㈱ → (株)) takes all of it.
    let k = to;
    while (k < offsets.length - 1 && offsets[k] === offsets[to - 1]) k++;
    const range = { start: offsets[from]!, end: offsets[k]! };
    const last = ranges[ranges.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else ranges.push(range);
  }
  return ranges;
}

function partsOf(text: string, ranges: Range[], from: number, to: number): TextPart[] {
  const parts: TextPart[] = [];
  let at = from;
  for (const r of ranges) {
    if (r.end <= from || r.start >= to) continue;
    const start = Math.max(r.start, from);
    const end = Math.min(r.end, to);
    if (start > at) parts.push({ text: text.slice(at, start), isMatch: false });
    parts.push({ text: text.slice(start, end), isMatch: true });
    at = end;
  }
  if (at < to) parts.push({ text: text.slice(at, to), isMatch: false });
  return parts.map((p) => ({ ...p, text: p.text.replace(/\s+/g, ' ') }));
}

/** The whole text with every match of `terms` (normalised) marked: for titles. */
export function highlight(text: string, terms: readonly string[]): TextPart[] {
  return partsOf(text, matchRanges(text, terms), 0, text.length);
}

/** Never cut a surrogate pair in two. */
function safeBoundary(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff ? index - 1 : index;
}

/** About `maxChars` characters of `text` around its first match, marked; its start if nothing matches. */
export function snippet(text: string, terms: readonly string[], maxChars = 120): TextPart[] {
  return windowParts(text, matchRanges(text, terms), maxChars);
}

/**
 * What `snippet` gives, for a long text that may not hold the terms at all (an attached
 * document): undefined when nothing matches. The text is matched a chunk at a time, so the
 * cost is that of the text up to the first match, not of the whole text (matching
 * normalises every character it reads).
 */
export function firstSnippet(text: string, terms: readonly string[], maxChars = 120, chunkChars = 4000): TextPart[] | undefined {
  // How far a match may reach before or after its chunk: NFKC can turn several characters
  // into one (ｶﾞ → ガ), so a term of n characters can span more than n in the text.
  const span = 4 * Math.max(0, ...terms.map((t) => t.length)) + 16;
  for (let start = 0; start < text.length; start += chunkChars) {
    const from = safeBoundary(text, Math.max(0, start - maxChars - span));
    const end = safeBoundary(text, Math.min(text.length, start + chunkChars + 2 * maxChars + span));
    const ranges = matchRanges(text.slice(from, end), terms).map((r) => ({ start: r.start + from, end: r.end + from }));
    // A match starting past this chunk is found again, with all its context, in the next one.
    if (ranges.length > 0 && ranges[0]!.start < start + chunkChars) return windowParts(text, ranges, maxChars);
  }
  return undefined;
}

/** The window of about `maxChars` around the first of `ranges`, marked. */
function windowParts(text: string, ranges: Range[], maxChars: number): TextPart[] {
  const lead = Math.floor(maxChars / 3);
  const first = ranges[0]?.start ?? 0;
  const from = safeBoundary(text, Math.max(0, first - lead));
  const to = safeBoundary(text, Math.min(text.length, from + maxChars));
  const parts = partsOf(text, ranges, from, to);
  if (from > 0) parts.unshift({ text: '…', isMatch: false });
  if (to < text.length) parts.push({ text: '…', isMatch: false });
  return parts;
}

/** Parts as HTML: text escaped, matches in <mark>. */
export function partsToHtml(parts: readonly TextPart[]): string {
  return parts.map((p) => (p.isMatch ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text))).join('');
}
