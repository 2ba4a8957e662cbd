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
  const normalized = normalizeSource(source);
  // Most bodies name no file: they skip the parse. Checked after normalizing, which drops
  // control characters, so `med<U+0001>ia:` is seen as the renderer sees it.
  if (!/media:/i.test(normalized)) return [];
  const refs = new Set<string>();
  for (const part of documentParts(parseDocument(normalized))) {
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
