import type { TextPart } from '../../domain/search/snippet.js';

/** Text with the search matches in <mark>; every part is escaped like any text. */
export function MarkedText({ parts }: { parts: readonly TextPart[] }) {
  return <>{parts.map((part) => (part.isMatch ? <mark>{part.text}</mark> : part.text))}</>;
}
