// The attachments a report links to, so the caller can load them before render().
import { inlinePieces } from './inline-pieces.js';
import { inlineSources } from './inline-sources.js';
import { linkTarget } from './link-target.js';
import { normalizeSource } from './normalize-source.js';
import { parseDocument } from './parse.js';

/** Distinct refs written as `[label](media:<ref>)`, in order of first use. */
export function mediaRefs(source: string): string[] {
  const refs = new Set<string>();
  for (const inline of inlineSources(parseDocument(normalizeSource(source)))) {
    for (const piece of inlinePieces(inline)) {
      if (piece.kind !== 'link-open') continue;
      const target = linkTarget(piece.href);
      if (target.kind === 'media' && target.ref !== '') refs.add(target.ref);
    }
  }
  return [...refs];
}
