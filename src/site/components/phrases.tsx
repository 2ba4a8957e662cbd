import { splitPhrases } from '../../domain/phrases.js';

/** Text with <wbr> between phrases; CSS keeps words whole (word-break: keep-all). */
export function Phrases({ text }: { text: string }) {
  const parts = splitPhrases(text);
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
