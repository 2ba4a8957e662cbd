// The report text format (DESIGN.md "The report text format") to HTML, plain text and an
// outline. Pure: the caller loads attachments first (see mediaRefs) and passes them in.
import type { AttachmentFacts } from '../attachment.js';
import { escapeHtml, trustedHtml, type TrustedHtml } from '../trusted-html.js';
import { figureHtml } from './figure-html.js';
import { renderInline } from './inline.js';
import { normalizeSource } from './normalize-source.js';
import { parseDocument } from './parse.js';
import { noticeLine } from './notice-line.js';
import type { Block, Figure, Item, Paragraph, Section, Table } from './tree.js';

export interface MediaInfo extends AttachmentFacts {
  url: string;
  mime: string;
  bytes: number;
  pages?: number | null;
  /** An image's size in pixels, when known: photos are shown only with it. */
  width?: number | null;
  height?: number | null;
  /** An image's WebP copies, narrowest first. */
  variants?: ReadonlyArray<{ url: string; width: number }>;
}

export interface RenderOptions {
  /** Attachments and photos by the ref written after `media:`. */
  media?: ReadonlyMap<string, MediaInfo>;
  /** Staff's preview: a photo that cannot be shown says why (figure-html.ts). */
  isPreview?: boolean;
}

export interface OutlineEntry {
  /** The heading's id attribute: `s6`, `s6-1`. */
  id: string;
  /** 1 for a top-level section. */
  depth: number;
  /** The author's number as written: `6`, `(1)`, `ア`. */
  number: string;
  /** The heading text, plain. */
  title: string;
}

export interface Rendered {
  html: TrustedHtml;
  /** Every block as plain text (numbers included), blocks separated by a blank line. */
  text: string;
  outline: OutlineEntry[];
}

export function render(source: string, options: RenderOptions = {}): Rendered {
  const writer = new Writer(options);
  const html = writer.blocks(parseDocument(normalizeSource(source)).children, rootScope());
  return { html: trustedHtml(html), text: writer.textBlocks.join('\n\n'), outline: writer.outline };
}

/** Where sections are being numbered: inside the root or inside one section. */
interface SectionScope {
  id: string;
  depth: number;
  childCount: number;
}

function rootScope(): SectionScope {
  return { id: '', depth: 0, childCount: 0 };
}

// The deepest heading rank HTML has: headings nested more than five deep (nine marker levels
// allow it) stay h6.
const MAX_RANK = 6;

class Writer {
  readonly textBlocks: string[] = [];
  readonly outline: OutlineEntry[] = [];
  private tableCount = 0;
  private galleryCount = 0;

  constructor(private readonly options: RenderOptions) {}

  blocks(blocks: readonly Block[], scope: SectionScope): string {
    return blocks
      .map((block, index) => {
        if (block.kind === 'paragraph') return this.paragraph(block);
        if (block.kind === 'section') return this.section(block, scope);
        if (block.kind === 'table') return this.table(block);
        if (block.kind === 'figure') return block.joinsPrevious ? '' : this.figures(blocks, index);
        return `<ol class="items">${block.items.map((item) => this.item(item, scope)).join('')}</ol>`;
      })
      .join('');
  }

  /** The photo at `start` and those written on the lines right under it: two or more are a gallery, a list of figures. */
  private figures(blocks: readonly Block[], start: number): string {
    const run: Figure[] = [blocks[start] as Figure];
    for (let i = start + 1; i < blocks.length; i++) {
      const next = blocks[i]!;
      if (next.kind !== 'figure' || !next.joinsPrevious) break;
      run.push(next);
    }
    const shown = run.map((block) => {
      const figure = figureHtml(block, this.options.media?.get(block.ref), this.options.isPreview === true);
      if (figure.text !== '') this.textBlocks.push(figure.text);
      return figure.html;
    });
    if (shown.length === 1) return shown[0]!;
    this.galleryCount += 1;
    return `<ul class="gallery" aria-label="写真${this.galleryCount}(${shown.length}枚)">${shown.map((html) => `<li>${html}</li>`).join('')}</ul>`;
  }

  private paragraph(paragraph: Paragraph): string {
    const inline = renderInline(paragraph.lines.join('\n'), this.options);
    this.textBlocks.push(inline.text);
    return `<p>${inline.html}</p>`;
  }

  private section(section: Section, parent: SectionScope): string {
    const { number, separator } = section.marker;
    parent.childCount += 1;
    const scope: SectionScope = {
      id: parent.id === '' ? `s${parent.childCount}` : `${parent.id}-${parent.childCount}`,
      depth: parent.depth + 1,
      childCount: 0,
    };
    const title = renderInline(section.marker.rest.trimEnd(), { ...this.options, breakPhrases: true });
    this.textBlocks.push(number + separator + title.text);
    this.outline.push({ id: scope.id, depth: scope.depth, number, title: title.text });
    const rank = Math.min(MAX_RANK, scope.depth + 1);
    // 【見出し】 has no number: its brackets are part of the title.
    const no = number === '' ? '' : `<span class="no">${escapeHtml(number)}</span>`;
    const heading = `<h${rank} id="${scope.id}">${no}${escapeHtml(separator)}${title.html}</h${rank}>`;
    return `<section class="sec" aria-labelledby="${scope.id}">${heading}${this.blocks(section.children, scope)}</section>`;
  }

  /** Sections inside an item are numbered within the item's enclosing section. */
  private item(item: Item, scope: SectionScope): string {
    const { number, separator } = item.marker;
    const notice = item.isNotice ? noticeLine(item.lines[0]!) : undefined;
    // A notice line's label is shown as written, in bold; its value is inline text as usual.
    const label = notice ? `<strong class="label">${escapeHtml(notice.label)}</strong>${escapeHtml(notice.gap)}` : '';
    const labelText = notice ? notice.label + notice.gap : '';
    const source = notice ? [notice.value, ...item.lines.slice(1)] : item.lines;
    const first = renderInline(source.join('\n'), this.options);
    this.textBlocks.push(number + separator + labelText + first.text);
    const lead = `<p><span class="no">${escapeHtml(number)}</span>${escapeHtml(separator)}${label}${first.html}</p>`;
    return `<li${notice ? ' class="notice"' : ''}>${lead}${this.blocks(item.children, scope)}</li>`;
  }

  /** A table in a container that scrolls sideways on narrow screens and can be reached by keyboard. */
  private table(table: Table): string {
    this.tableCount += 1;
    const textRows: string[] = [];
    const cellsHtml = (cells: readonly string[], tag: 'th' | 'td'): string => {
      const rendered = cells.map((cell) => renderInline(cell, this.options));
      textRows.push(rendered.map((cell) => cell.text).join(table.separator === '|' ? ' | ' : '\t'));
      const open = tag === 'th' ? '<th scope="col">' : '<td>';
      return `<tr>${rendered.map((cell) => `${open}${cell.html}</${tag}>`).join('')}</tr>`;
    };
    const head = table.header ? `<thead>${cellsHtml(table.header, 'th')}</thead>` : '';
    const body = `<tbody>${table.rows.map((row) => cellsHtml(row, 'td')).join('')}</tbody>`;
    this.textBlocks.push(textRows.join('\n'));
    return `<div class="table-scroll" tabindex="0" role="region" aria-label="表${this.tableCount}"><table>${head}${body}</table></div>`;
  }
}
