// Builds the block tree from normalised source, line by line (see DESIGN.md "The report
// text format"). Every marker line starts a block; a blank line ends one.
import { isBlankLine, isHeading } from './is-heading.js';
import { parseMarker, type Marker } from './marker.js';
import type { Block, Document, Item, Section } from './tree.js';

/** An open container: the document root (level 0), a section or an item. */
interface Open {
  level: number;
  children: Block[];
}

export function parseDocument(normalized: string): Document {
  const root: Document = { children: [] };
  const stack: Open[] = [{ level: 0, children: root.children }];
  const lines = normalized.split('\n');
  // The lines of the paragraph being extended by unmarked lines, if any.
  let current: string[] | undefined;

  lines.forEach((line, index) => {
    if (isBlankLine(line)) {
      current = undefined;
      return;
    }
    const marker = parseMarker(line);
    if (!marker) {
      if (current) current.push(line);
      else current = openParagraph(stack, line);
      return;
    }
    closeFrom(stack, marker.level);
    const container = stack[stack.length - 1]!;
    if (isHeading(marker, lines, index)) {
      const section: Section = { kind: 'section', level: marker.level, marker, children: [] };
      container.children.push(section);
      stack.push({ level: marker.level, children: section.children });
      current = undefined;
    } else {
      const item = appendItem(container, marker);
      stack.push({ level: marker.level, children: item.children });
      current = item.lines;
    }
  });
  return root;
}

/** Closes every open container at `level` or deeper; the root is never closed. */
function closeFrom(stack: Open[], level: number): void {
  while (stack.length > 1 && stack[stack.length - 1]!.level >= level) stack.pop();
}

function openParagraph(stack: Open[], line: string): string[] {
  const lines = [line];
  stack[stack.length - 1]!.children.push({ kind: 'paragraph', lines });
  return lines;
}

/** Adds an item, continuing the container's list when its last block is a list of that level. */
function appendItem(container: Open, marker: Marker): Item {
  const item: Item = { level: marker.level, marker, lines: [marker.rest], children: [] };
  const last = container.children[container.children.length - 1];
  if (last?.kind === 'list' && last.level === marker.level) last.items.push(item);
  else container.children.push({ kind: 'list', level: marker.level, items: [item] });
  return item;
}
