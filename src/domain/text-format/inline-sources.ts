// Every piece of inline source in a block tree, in document order.
import type { Block, Document } from './tree.js';

export function inlineSources(document: Document): string[] {
  const sources: string[] = [];
  const visit = (blocks: readonly Block[]): void => {
    for (const block of blocks) {
      if (block.kind === 'paragraph') sources.push(block.lines.join('\n'));
      else if (block.kind === 'section') {
        sources.push(block.marker.rest);
        visit(block.children);
      } else {
        for (const item of block.items) {
          sources.push(item.lines.join('\n'));
          visit(item.children);
        }
      }
    }
  };
  visit(document.children);
  return sources;
}
