// What the search index holds for one report: the tokens of its title and body, and its
// words (for ranking), built from the title and the plain text the renderer produced; and
// apart, the tokens of the text of the PDFs it has attached.
import { LIMITS } from '../report-rules.js';
import { normalizeForSearch } from './normalize.js';
import { indexTokens } from './tokens.js';
import { indexWords } from './words.js';

export interface SearchDocument {
  title: string;
  body: string;
  words: string;
}

/** A document as the index reads it: its normalised title and body, and the words column's tokens of both in order (words.ts indexWords). */
export interface NormalizedDocument {
  title: string;
  body: string;
  words: string[];
}

export function normalizedDocument(title: string, bodyText: string): NormalizedDocument {
  const normalizedTitle = normalizeForSearch(title);
  const normalizedBody = normalizeForSearch(bodyText);
  return { title: normalizedTitle, body: normalizedBody, words: indexWords(normalizedBody, indexWords(normalizedTitle)) };
}

export function searchDocument(title: string, bodyText: string): SearchDocument {
  const doc = normalizedDocument(title, bodyText);
  return { title: indexTokens(doc.title), body: indexTokens(doc.body), words: doc.words.join(' ') };
}

/**
 * The tokens of a report's attachment texts (one column: a hit there says 「添付資料内」),
 * at most `maxChars` of them in list order: as much as a report's body may hold, so a report
 * with many long attachments costs no more to index than the longest report. Texts are
 * joined by a line break, which ends a token run, so no 2-gram spans two files.
 */
export function attachmentTokens(texts: readonly string[], maxChars: number = LIMITS.bodyChars): string {
  return indexTokens(normalizedAttachmentText(texts, maxChars));
}

/** The normalised text whose tokens attachmentTokens gives. */
export function normalizedAttachmentText(texts: readonly string[], maxChars: number = LIMITS.bodyChars): string {
  return texts.length === 0 ? '' : normalizeForSearch(texts.join('\n').slice(0, maxChars));
}
