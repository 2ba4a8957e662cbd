// Japanese phrase boundaries (BudouX), so headings break between words, not inside them.
import { japaneseParser } from './budoux-ja.js';

/** 「第1回日露外務・防衛閣僚協議」 → ['第1回', '日露外務・', …]; joining gives the input back. */
export function splitPhrases(text: string): string[] {
  if (text === '') return [];
  return japaneseParser.parse(text);
}
