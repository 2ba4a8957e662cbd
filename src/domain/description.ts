// A public page's description (<meta name="description">, og:description): the summary its
// author wrote, or else the start of its text. Reports and fixed pages alike.

/** Characters of the text a description takes when there is no summary. */
export const DESCRIPTION_CHARS = 120;

/**
 * `text` may be the whole text or only its first DESCRIPTION_CHARS characters (code points,
 * as SQL's substr counts them): either has the same first DESCRIPTION_CHARS UTF-16 units.
 */
export function descriptionOf(summary: string, text: string): string {
  return summary || text.slice(0, DESCRIPTION_CHARS).replace(/\s+/g, ' ');
}
