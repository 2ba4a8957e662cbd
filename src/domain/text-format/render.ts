// The report text format (DESIGN.md "The report text format") to HTML, plain text and an
// outline. Pure: the caller loads attachments first (see mediaRefs) and passes them in.
import type { AttachmentFacts } from '../attachment.js';
import { escapeHtml, trustedHtml, type TrustedHtml } from '../trusted-html.js';
import { renderInline } from './inline.js';
import { normalizeSource } from './normalize-source.js';
import { parseDocument } from './parse.js';
import type { Block, Item, Paragraph, Section } from './tree.js';

export interface MediaInfo extends AttachmentFacts {
  url: string;
  mime: string;
  bytes: number;
  pages?: number | null;
}

export interface RenderOptions {
  /** Attachments by the ref written after `media:` in `[label](media:<ref>)`. */
  media?: ReadonlyMap<string, MediaInfo>;
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

// The deepest heading rank HTML has; levels 1–5 need h2–h6, so the cap is a safeguard.
const MAX_RANK = 6;

class Writer {
  readonly textBlocks: string[] = [];
  readonly outline: OutlineEntry[] = [];

  constructor(private readonly options: RenderOptions) {}

  blocks(blocks: readonly Block[], scope: SectionScope): string {
    return blocks
      .map((block) => {
        if (block.kind === 'paragraph') return this.paragraph(block);
        if (block.kind === 'section') return this.section(block, scope);
        return `<ol class="items">${block.items.map((item) => this.item(item, scope)).join('')}</ol>`;
      })
      .join('');
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
    const heading =
      `<h${rank} id="${scope.id}"><span class="no">${escapeHtml(number)}</span>` +
      `${escapeHtml(separator)}${title.html}</h${rank}>`;
    return `<section class="sec" aria-labelledby="${scope.id}">${heading}${this.blocks(section.children, scope)}</section>`;
  }

  /** Sections inside an item are numbered within the item's enclosing section. */
  private item(item: Item, scope: SectionScope): string {
    const { number, separator } = item.marker;
    const first = renderInline(item.lines.join('\n'), this.options);
    this.textBlocks.push(number + separator + first.text);
    const lead = `<p><span class="no">${escapeHtml(number)}</span>${escapeHtml(separator)}${first.html}</p>`;
    return `<li>${lead}${this.blocks(item.children, scope)}</li>`;
  }
}
