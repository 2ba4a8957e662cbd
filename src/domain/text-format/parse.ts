// Builds the block tree from normalised source, line by line (see DESIGN.md "The report
// text format"). Every marker line, photo line and table starts a block; a blank line ends one.
import { figureLine } from './figure-line.js';
import { gluedNumbers } from './glued-numbers.js';
import { isBlankLine, markerRole } from './marker-role.js';
import { parseMarker, type Marker } from './marker.js';
import { tableAt } from './table.js';
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
  const glued = gluedNumbers(lines);
  // The lines of the paragraph being extended by unmarked lines, if any.
  let current: string[] | undefined;

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (isBlankLine(line)) {
      current = undefined;
      continue;
    }
    const parsedFigure = figureLine(line);
    const siblings = stack[stack.length - 1]!.children;
    // A photo line right under another one (no blank line between) joins its gallery.
    const figure =
      parsedFigure && index > 0 && figureLine(lines[index - 1]!) && siblings.at(-1)?.kind === 'figure' ? { ...parsedFigure, joinsPrevious: true as const } : parsedFigure;
    const table = figure ? undefined : tableAt(lines, index);
    if (figure || table) {
      siblings.push(figure ?? table!.table);
      if (table) index = table.end - 1;
      current = undefined;
      continue;
    }
    const found = parseMarker(line);
    const role = found && markerRole(found, lines, index, glued);
    // 【見出し】 and 「1南部開発問題」 are markers only as headings.
    const marker = found?.isHeadingOnly && role !== 'heading' ? undefined : found;
    if (!marker) {
      if (current) current.push(line);
      else current = openParagraph(stack, line);
      continue;
    }
    closeFrom(stack, marker.level);
    const container = stack[stack.length - 1]!;
    if (role === 'heading') {
      const section: Section = { kind: 'section', level: marker.level, marker, children: [] };
      container.children.push(section);
      stack.push({ level: marker.level, children: section.children });
      current = undefined;
    } else {
      const item = appendItem(container, marker, role === 'notice');
      stack.push({ level: marker.level, children: item.children });
      current = item.lines;
    }
  }
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
function appendItem(container: Open, marker: Marker, isNotice: boolean): Item {
  const item: Item = { level: marker.level, marker, lines: [marker.rest], children: [], ...(isNotice ? { isNotice: true as const } : {}) };
  const last = container.children[container.children.length - 1];
  if (last?.kind === 'list' && last.level === marker.level) last.items.push(item);
  else container.children.push({ kind: 'list', level: marker.level, items: [item] });
  return item;
}
