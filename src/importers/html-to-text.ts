// Foreign HTML (a WordPress post, the content of a saved page) → the report text format
// (docs/text-format.md). The HTML is first cleaned with a strict allow-list
// (sanitize-html), then walked block by block:
// - p, div and the like → paragraphs (blank line between); <br> → a line break;
// - a heading whose text starts with an outline number (「1 概要」「(1)北海道」) → that line,
//   which the text format reads as a heading; a heading without a number → a bold
//   paragraph (**見出し**): the text format only knows numbered headings, and inventing
//   numbers would put words on the page the author never wrote;
// - paragraphs that are a 公用文 outline (「1 …」「(1)…」 lines) stay exactly those lines;
// - ul → 「・」 lines, ol → 「1) 」 lines (not 「1 」, which would read as a section), nested
//   lists indented with 全角 spaces;
// - links → [text](url), relative URLs resolved against options.baseUrl; images → a media
//   reference [alt](media:name) when options.resolveMedia knows the file, else a link to
//   the image's URL; strong/b → **…**, em/i → *…*;
// - what the format cannot express is never dropped silently: a table becomes text rows
//   (cells joined by 「 | 」), an embedded iframe/video/audio becomes a link to its source,
//   each with a warning. The text format has no way to carry raw HTML (tags written in a
//   report are shown as text), so "kept as text" is the lossless and safe choice.
// Pure: no I/O; the caller decides what a media reference is.
import { load } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import sanitizeHtml from 'sanitize-html';
import { parseMarker } from '../domain/text-format/marker.js';

export interface HtmlToTextOptions {
  /** Where relative links and image paths point (the page's or the site's URL). */
  baseUrl?: string;
  /**
   * The media reference (a stored file's name) for an image or file URL that was imported,
   * or undefined to keep a plain link to the URL. Called with absolute URLs when baseUrl
   * is given, otherwise with the URL as written.
   */
  resolveMedia?: (url: string) => string | undefined;
}

export interface HtmlToTextResult {
  /** In the report text format. */
  text: string;
  /** One line each, in English, for the import summary. */
  warnings: string[];
  /** The media references the text links to, in order of first use. */
  mediaRefs: string[];
}

const ALLOWED_TAGS = [
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'figure', 'figcaption', 'blockquote', 'pre', 'address', 'center',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'br', 'hr',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'a', 'img', 'strong', 'b', 'em', 'i', 'span', 'font', 'u', 'small', 'big', 'sub', 'sup', 'code', 'ruby', 'rb', 'rt', 'rp',
  'iframe', 'video', 'audio', 'source', 'embed', 'object',
];

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href'],
    img: ['src', 'alt'],
    iframe: ['src', 'title'],
    video: ['src'],
    audio: ['src'],
    source: ['src'],
    embed: ['src'],
    object: ['data'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'], iframe: ['http', 'https'] },
  allowProtocolRelative: true,
  // script, style, textarea, noscript…: dropped with their content.
  disallowedTagsMode: 'discard',
  parser: { lowerCaseTags: true, lowerCaseAttributeNames: true },
};

const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'figure', 'figcaption', 'blockquote', 'pre', 'address', 'center',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr',
  'iframe', 'video', 'audio', 'embed', 'object',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const EMBEDS = new Set(['iframe', 'video', 'audio', 'embed', 'object']);

export const HTML_WARNINGS = {
  table: 'a table was kept as text rows (cells separated by " | ")',
  embed: (src: string) => `embedded content kept as a link: ${src}`,
  embedWithoutSource: 'embedded content without a source address was left out',
  heading: 'a heading without a number was kept as a bold paragraph',
} as const;

export function htmlToReportText(html: string, options: HtmlToTextOptions = {}): HtmlToTextResult {
  const clean = sanitizeHtml(html, SANITIZE);
  const $ = load(clean, null, false);
  const state: State = { options, warnings: new Set(), mediaRefs: new Set(), blocks: [] };
  walkBlocks(state, $.root()[0]!.children, 0);
  const text = state.blocks
    .map((b) => b.split('\n').map((l) => l.replace(/[ \t]+$/g, '')).filter((l) => l.trim() !== '').join('\n'))
    .filter((b) => b !== '')
    .join('\n\n');
  return { text, warnings: [...state.warnings], mediaRefs: [...state.mediaRefs] };
}

interface State {
  options: HtmlToTextOptions;
  warnings: Set<string>;
  mediaRefs: Set<string>;
  /** Finished paragraphs (each may hold single line breaks). */
  blocks: string[];
}

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** Walks block-level content: inline runs between blocks become paragraphs. */
function walkBlocks(state: State, nodes: AnyNode[], listDepth: number): void {
  let run: AnyNode[] = [];
  const flush = () => {
    if (run.length > 0) pushParagraph(state, inlineText(state, run));
    run = [];
  };
  for (const node of nodes) {
    if (isElement(node) && BLOCKS.has(node.name)) {
      flush();
      block(state, node, listDepth);
    } else {
      run.push(node);
    }
  }
  flush();
}

function block(state: State, el: Element, listDepth: number): void {
  const name = el.name;
  if (HEADINGS.has(name)) return heading(state, el);
  if (name === 'ul' || name === 'ol') return list(state, el, listDepth);
  if (name === 'table') return table(state, el);
  if (EMBEDS.has(name)) return embed(state, el);
  if (name === 'hr') return;
  if (name === 'pre') return pushParagraph(state, preText(state, el));
  if (name === 'li' || name === 'dt' || name === 'dd' || name === 'tr') return walkBlocks(state, el.children, listDepth);
  walkBlocks(state, el.children, listDepth);
}

function heading(state: State, el: Element): void {
  const text = inlineText(state, el.children).replace(/\n+/g, ' ').trim();
  if (text === '') return;
  if (parseMarker(text)) return pushParagraph(state, text);
  state.warnings.add(HTML_WARNINGS.heading);
  pushParagraph(state, `**${text}**`);
}

function list(state: State, el: Element, depth: number): void {
  const lines: string[] = [];
  const indent = '\u3000'.repeat(depth);
  let n = 0;
  for (const child of el.children) {
    if (!isElement(child) || child.name !== 'li') {
      const loose = inlineText(state, [child]).trim();
      if (loose !== '') lines.push(indent + loose);
      continue;
    }
    n++;
    const bullet = el.name === 'ol' ? `${n}) ` : '・';
    const inline = child.children.filter((c) => !(isElement(c) && (c.name === 'ul' || c.name === 'ol')));
    const itemText = inlineText(state, inline).trim().replace(/\n+/g, `\n${indent}\u3000`);
    lines.push(indent + bullet + itemText);
    for (const nested of child.children) {
      if (isElement(nested) && (nested.name === 'ul' || nested.name === 'ol')) {
        const inner: State = { ...state, blocks: [] };
        list(inner, nested, depth + 1);
        lines.push(...inner.blocks);
      }
    }
  }
  if (lines.length > 0) state.blocks.push(lines.join('\n'));
}

function table(state: State, el: Element): void {
  const rows: string[] = [];
  const visit = (node: Element) => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (child.name === 'tr') {
        const cells = child.children
          .filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th'))
          .map((c) => inlineText(state, c.children).replace(/\s*\n\s*/g, ' ').trim());
        if (cells.some((c) => c !== '')) rows.push(cells.join(' | '));
      } else if (child.name === 'caption') {
        const caption = inlineText(state, child.children).trim();
        if (caption !== '') rows.push(caption);
      } else {
        visit(child);
      }
    }
  };
  visit(el);
  if (rows.length === 0) return;
  state.warnings.add(HTML_WARNINGS.table);
  state.blocks.push(rows.join('\n'));
}

function embed(state: State, el: Element): void {
  const link = embedLink(state, el);
  if (link !== '') pushParagraph(state, link);
}

/** A link to an embed's source; its children (fallback text, raw in HTML) are never read. */
function embedLink(state: State, el: Element): string {
  const src =
    el.attribs.src ?? el.attribs.data ?? el.children.filter(isElement).find((c) => c.name === 'source')?.attribs.src;
  const url = src === undefined ? undefined : absoluteUrl(state, src);
  if (url === undefined) {
    state.warnings.add(HTML_WARNINGS.embedWithoutSource);
    return '';
  }
  state.warnings.add(HTML_WARNINGS.embed(url));
  const label = el.attribs.title?.trim() || '埋め込みコンテンツ';
  return markdownLink(label, url);
}

function pushParagraph(state: State, text: string): void {
  if (text.trim() !== '') state.blocks.push(text);
}

function preText(state: State, el: Element): string {
  const collect = (nodes: AnyNode[]): string =>
    nodes
      .map((n) => (n.type === 'text' ? n.data : !isElement(n) ? '' : EMBEDS.has(n.name) ? embedLink(state, n) : n.name === 'br' ? '\n' : collect(n.children)))
      .join('');
  return collect(el.children).replace(/\r\n?/g, '\n');
}

/** Inline content as text-format source: whitespace collapsed, <br> as a line break. */
function inlineText(state: State, nodes: AnyNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += collapse(node.data);
    else if (isElement(node)) out += inlineElement(state, node);
  }
  // Spaces around a line break are layout, not content.
  return out.replace(/ *\n */g, '\n');
}

function collapse(text: string): string {
  return text.replace(/[ \t\n\r\f\u00a0]+/g, ' ');
}

function inlineElement(state: State, el: Element): string {
  switch (el.name) {
    case 'br':
      return '\n';
    case 'img':
      return image(state, el);
    case 'a':
      return anchor(state, el);
    case 'strong':
    case 'b':
      return emphasis(inlineText(state, el.children), '**');
    case 'em':
    case 'i':
      return emphasis(inlineText(state, el.children), '*');
    case 'rt':
    case 'rp':
      // Ruby text is a reading aid; the text format has no ruby, so it is kept in brackets.
      return el.name === 'rt' ? `(${inlineText(state, el.children).trim()})` : '';
    default:
      if (EMBEDS.has(el.name)) return embedLink(state, el);
      if (BLOCKS.has(el.name)) {
        // A block inside inline content (sanitize-html keeps odd nesting): its own line.
        return `\n${inlineText(state, el.children)}\n`;
      }
      return inlineText(state, el.children);
  }
}

function emphasis(text: string, mark: string): string {
  const inner = text.trim();
  if (inner === '' || inner.includes('*') || inner.includes('\n')) return text;
  const lead = text.startsWith(' ') ? ' ' : '';
  const trail = text.endsWith(' ') ? ' ' : '';
  return `${lead}${mark}${inner}${mark}${trail}`;
}

function image(state: State, el: Element): string {
  const src = el.attribs.src;
  const alt = collapse(el.attribs.alt ?? '').trim();
  if (!src) return alt;
  const url = absoluteUrl(state, src) ?? src;
  const ref = state.options.resolveMedia?.(url);
  const label = alt || fileNameOf(url) || '画像';
  if (ref !== undefined) {
    state.mediaRefs.add(ref);
    return markdownLink(label, `media:${ref}`);
  }
  return markdownLink(label, url);
}

function anchor(state: State, el: Element): string {
  const href = el.attribs.href;
  const images = el.children.filter((c): c is Element => isElement(c) && c.name === 'img');
  const text = inlineText(state, el.children.filter((c) => !(isElement(c) && c.name === 'img'))).trim();
  const url = href === undefined ? undefined : absoluteUrl(state, href);
  const hrefRef = url === undefined ? undefined : state.options.resolveMedia?.(url);
  // WordPress wraps a thumbnail in a link to the full-size file: one reference, to the file.
  if (images.length === 1 && text === '') {
    if (hrefRef !== undefined) {
      state.mediaRefs.add(hrefRef);
      const alt = collapse(images[0]!.attribs.alt ?? '').trim();
      return markdownLink(alt || hrefRef, `media:${hrefRef}`);
    }
    return image(state, images[0]!);
  }
  const imageText = images.map((img) => image(state, img)).join(' ');
  const label = [text, imageText].filter((t) => t !== '').join(' ');
  if (url === undefined || /^#/.test(href ?? '')) return label;
  if (hrefRef !== undefined) {
    state.mediaRefs.add(hrefRef);
    return markdownLink(label || hrefRef, `media:${hrefRef}`);
  }
  if (label === '') return url;
  if (imageText !== '') return `${imageText} ${markdownLink(text, url)}`;
  return markdownLink(label, url);
}

/** `[label](url)`, or 「label(url)」 when the label would break the link syntax. */
function markdownLink(label: string, url: string): string {
  const target = url.replace(/[ ()<>]/g, (c) => encodeURIComponent(c).replace('(', '%28').replace(')', '%29'));
  const text = label.replace(/\n+/g, ' ').trim();
  if (/[[\]]/.test(text)) return `${text}(${target})`;
  return `[${text || target}](${target})`;
}

function absoluteUrl(state: State, href: string): string | undefined {
  const trimmed = href.trim();
  if (trimmed === '') return undefined;
  const base = state.options.baseUrl;
  try {
    if (base !== undefined) return new URL(trimmed, base).href;
    if (trimmed.startsWith('//')) return `https:${trimmed}`;
    return trimmed;
  } catch {
    return undefined;
  }
}

function fileNameOf(url: string): string {
  const path = url.split(/[?#]/)[0] ?? '';
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
