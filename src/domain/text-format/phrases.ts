// Headings wrap between phrases (文節), not in the middle of a word: BudouX finds the
// phrase boundaries and <wbr> marks them.
import { loadDefaultJapaneseParser } from 'budoux';
import { escapeHtml } from '../trusted-html.js';

// Loading the model is the costly part; the parser itself is stateless.
const parser = loadDefaultJapaneseParser();

/** Escaped `text` with <wbr> between its phrases. */
export function phraseHtml(text: string): string {
  if (text === '') return '';
  const phrases = parser.parse(text);
  // The model only splits; should a future version ever drop a character, keep the text whole.
  if (phrases.join('') !== text) return escapeHtml(text);
  return phrases.map(escapeHtml).join('<wbr>');
}
