// What the search index holds for one report: the tokens of its title and body, and its
// words (for ranking), built from the title and the plain text the renderer produced; and
// apart, the tokens of the text of the PDFs it has attached.
import { LIMITS } from '../report-rules.js';
import { normalizeForSearch } from './normalize.js';
import { indexTokens } from './tokens.js';
import { wordTokens } from './words.js';

export interface SearchDocument {
  title: string;
  body: string;
  words: string;
}

export function searchDocument(title: string, bodyText: string): SearchDocument {
  const normalizedTitle = normalizeForSearch(title);
  const normalizedBody = normalizeForSearch(bodyText);
  return {
    title: indexTokens(normalizedTitle),
    body: indexTokens(normalizedBody),
    words: `${wordTokens(normalizedTitle)} ${wordTokens(normalizedBody)}`.trim(),
  };
}

/**
 * The tokens of a report's attachment texts (one column: a hit there says 「添付資料内」),
 * at most `maxChars` of them in list order: as much as a report's body may hold, so a report
 * with many long attachments costs no more to index than the longest report. Texts are
 * joined by a line break, which ends a token run, so no 2-gram spans two files.
 */
export function attachmentTokens(texts: readonly string[], maxChars: number = LIMITS.bodyChars): string {
  return texts.length === 0 ? '' : indexTokens(normalizeForSearch(texts.join('\n').slice(0, maxChars)));
}
