import { splitPhrases } from '../../domain/phrases.js';

/**
 * Titles already split: a report's title is shown on its own page, its neighbours' and
 * five lists or more, and BudouX was the largest single cost of a list page. Bounded;
 * when full it starts afresh.
 */
const split = new Map<string, string[]>();
const MAX_TITLES = 20_000;

/** Text with <wbr> between phrases; CSS keeps words whole (word-break: keep-all). */
export function Phrases({ text }: { text: string }) {
  const parts = phrasesOf(text);
  return (
    <>
      {parts.map((part, i) => (
        <>
          {i > 0 && <wbr />}
          {part}
        </>
      ))}
    </>
  );
}

function phrasesOf(text: string): string[] {
  const known = split.get(text);
  if (known !== undefined) return known;
  if (split.size >= MAX_TITLES) split.clear();
  const parts = splitPhrases(text);
  split.set(text, parts);
  return parts;
}
