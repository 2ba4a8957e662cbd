// An inline photo: `![説明](media:<ref>)` or `![説明](media:<ref> "キャプション")` alone on its
// line (the shared syntax of issue 11: the WordPress importer writes it, the editor inserts it).
import type { Figure } from './tree.js';

// The ref is the shortest run without spaces or quotes that lets the line end at 「)」, so a
// file name such as 「写真(1).jpg」 keeps its parentheses.
const FIGURE = /^[ \u3000]*!\[([^\]\n]*)\]\(media:([^\s"]+?)(?:[ \u3000]+"([^"\n]*)")?\)[ \u3000]*$/u;

export function figureLine(line: string): Figure | undefined {
  const match = FIGURE.exec(line);
  if (!match) return undefined;
  const figure: Figure = { kind: 'figure', ref: match[2]!, alt: match[1]!.trim() };
  return match[3] === undefined ? figure : { ...figure, caption: match[3] };
}
