// Every piece of inline source in a block tree (paragraphs, headings, items, table cells)
// and every photo, in document order.
import type { Block, Document, Figure } from './tree.js';

export function documentParts(document: Document): Array<string | Figure> {
  const parts: Array<string | Figure> = [];
  const visit = (blocks: readonly Block[]): void => {
    for (const block of blocks) {
      switch (block.kind) {
        case 'paragraph':
          parts.push(block.lines.join('\n'));
          break;
        case 'section':
          parts.push(block.marker.rest);
          visit(block.children);
          break;
        case 'list':
          for (const item of block.items) {
            parts.push(item.lines.join('\n'));
            visit(item.children);
          }
          break;
        case 'figure':
          parts.push(block);
          break;
        case 'table':
          for (const row of [block.header ?? [], ...block.rows]) parts.push(...row);
          break;
      }
    }
  };
  visit(document.children);
  return parts;
}
