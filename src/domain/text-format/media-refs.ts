// The attachments and photos a report names, so the caller can load them before render().
import { documentParts } from './document-parts.js';
import { inlinePieces } from './inline-pieces.js';
import { linkTarget } from './link-target.js';
import { normalizeSource } from './normalize-source.js';
import { parseDocument } from './parse.js';

/**
 * Distinct refs written as `[label](media:<ref>)` or `![説明](media:<ref>)`, in order of first
 * use; with `which` 'links', only those of links (the files listed under a report).
 */
export function mediaRefs(source: string, which: 'all' | 'links' = 'all'): string[] {
  const refs = new Set<string>();
  for (const part of documentParts(parseDocument(normalizeSource(source)))) {
    if (typeof part !== 'string') {
      if (which === 'all') refs.add(part.ref);
      continue;
    }
    for (const piece of inlinePieces(part)) {
      if (piece.kind !== 'link-open') continue;
      const target = linkTarget(piece.href);
      if (target.kind === 'media' && target.ref !== '') refs.add(target.ref);
    }
  }
  return [...refs];
}
