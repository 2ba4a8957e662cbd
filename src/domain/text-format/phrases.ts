// Headings wrap between phrases (文節), not in the middle of a word: BudouX finds the
// phrase boundaries (domain/phrases.ts) and <wbr> marks them.
import { splitPhrases } from '../phrases.js';
import { escapeHtml } from '../trusted-html.js';

/** Escaped `text` with <wbr> between its phrases. */
export function phraseHtml(text: string): string {
  if (text === '') return '';
  const phrases = splitPhrases(text);
  // The model only splits; should a future version ever drop a character, keep the text whole.
  if (phrases.join('') !== text) return escapeHtml(text);
  return phrases.map(escapeHtml).join('<wbr>');
}
