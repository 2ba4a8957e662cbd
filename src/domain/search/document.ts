// What the search index holds for one report: the tokens of its title and body, and its
// words (for ranking). Built from the title and the plain text the renderer produced.
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
