// Foreign HTML (a WordPress post, the content of a saved page) → the report text format
// (docs/text-format.md). The HTML is first cleaned with a strict allow-list
// (sanitize-html), then walked block by block:
// - p, div and the like → paragraphs (blank line between); <br> → a line break;
// - a heading whose text starts with an outline number (「1 概要」「(1)北海道」) → that line,
//   which the text format reads as a heading; a heading without a number → 【見出し】 for
//   h1/h2 and ■ 見出し for h3–h6, the unnumbered headings of the text format (inventing
//   numbers would put words on the page the author never wrote);
// - paragraphs that are a 公用文 outline (「1 …」「(1)…」 lines) stay exactly those lines;
// - ul → 「・」 lines, ol → 「1) 」 lines (not 「1 」, which would read as a section), nested
//   lists indented with 全角 spaces;
// - links → [text](url), relative URLs resolved against options.baseUrl; strong/b → **…**,
//   em/i → *…*;
// - an image whose file options.resolveMedia knows → an inline figure on its own line at
//   the image's place, `![説明](media:ref "キャプション")` (alt from the img, else from
//   options.describeImage; caption from the <figure>'s figcaption); inside a table cell,
//   heading or link text, and for a file that was not imported, a link instead;
// - a table → `| a | b |` rows, with a delimiter row under a header row (th cells or thead);
// - what the format cannot express is never dropped silently: merged cells are split, an
//   embedded iframe/video/audio becomes a link to its source, each with a warning. The text
//   format has no way to carry raw HTML (tags written in a report are shown as text).
// Pure: no I/O; the caller decides what a media reference is.
// cheerio/slim parses with htmlparser2 alone, about 5× faster here than cheerio's default
// parse5; the input is sanitize-html's output, which htmlparser2 wrote in the first place.
import { load } from 'cheerio/slim';
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
  /** A description for an image whose img has no alt (e.g. the alt text stored with a WordPress attachment). */
  describeImage?: (url: string) => string | undefined;
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
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'figure',
  'figcaption',
  'blockquote',
  'pre',
  'address',
  'center',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'br',
  'hr',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'a',
  'img',
  'strong',
  'b',
  'em',
  'i',
  'span',
  'font',
  'u',
  'small',
  'big',
  'sub',
  'sup',
  'code',
  'ruby',
  'rb',
  'rt',
  'rp',
  'iframe',
  'video',
  'audio',
  'source',
  'embed',
  'object',
];

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href'],
    img: ['src', 'alt'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
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
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'figure',
  'figcaption',
  'blockquote',
  'pre',
  'address',
  'center',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'iframe',
  'video',
  'audio',
  'embed',
  'object',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const IMAGE_FILE = /\.(jpe?g|png|gif|webp|avif)$/i;
const EMBEDS = new Set(['iframe', 'video', 'audio', 'embed', 'object']);

export const HTML_WARNINGS = {
  mergedCells: '複数の行や列にまたがる表のセルを分けました。文字は最初のセルに入れ、ほかのセルは空にしています',
  pipeInCell: '表のセルの中の「|」は「｜」にしました(「|」はセルの区切りです)',
  embed: (src: string) => `埋め込みの内容はリンクとして残しました: ${src}`,
  embedWithoutSource: '参照先のアドレスがない埋め込みの内容は取り込みませんでした',
  imageWithoutAlt: (src: string) => `説明(代替テキスト)のない画像をそのまま置きました。編集画面で説明を加えてください(${src})`,
} as const;

/** Marks a figure line inside inline text, so that it becomes a block of its own (never in the input: see collapse). */
const FIGURE_MARK = '\uE000';

export function htmlToReportText(html: string, options: HtmlToTextOptions = {}): HtmlToTextResult {
  const clean = sanitizeHtml(html, SANITIZE);
  const $ = load(clean, null, false);
  const state: State = { options, warnings: new Set(), mediaRefs: new Set(), blocks: [], isInline: false };
  walkBlocks(state, $.root()[0]!.children, 0);
  const text = state.blocks
    .map((b) =>
      b
        .split('\n')
        .map((l) => l.replace(/[ \t]+$/g, ''))
        .filter((l) => l.trim() !== '')
        .join('\n'),
    )
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
  /** Inside a heading, table cell or link text: images become links, not figures. */
  isInline: boolean;
  /** The caption of the <figure> being walked, until an image takes it. */
  caption?: string;
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
  if (name === 'figure') return figure(state, el);
  if (EMBEDS.has(name)) return embed(state, el);
  if (name === 'hr') return;
  if (name === 'pre') return pushParagraph(state, preText(state, el));
  if (name === 'li' || name === 'dt' || name === 'dd' || name === 'tr') return walkBlocks(state, el.children, listDepth);
  walkBlocks(state, el.children, listDepth);
}

function heading(state: State, el: Element): void {
  // Emphasis is the heading's own look, not a word's.
  const text = inlineOnly(state, el.children)
    .replace(/\n+/g, ' ')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .trim();
  if (text === '') return;
  if (parseMarker(text)) return pushParagraph(state, text);
  pushParagraph(state, el.name === 'h1' || el.name === 'h2' ? `【${text}】` : `■ ${text}`);
}

/** A <figure>: its figcaption is the caption of the first image in it, or a paragraph after it when none takes it. */
function figure(state: State, el: Element): void {
  const captions = el.children.filter((c): c is Element => isElement(c) && c.name === 'figcaption');
  const caption = captions
    .map((c) => inlineOnly(state, c.children).replace(/\s+/g, ' ').trim())
    .join(' ')
    .trim();
  const outer = state.caption;
  state.caption = caption === '' ? undefined : caption;
  walkBlocks(
    state,
    el.children.filter((c) => !captions.includes(c as Element)),
    0,
  );
  if (state.caption !== undefined) pushParagraph(state, state.caption);
  state.caption = outer;
}

/** Inline text where images stay links (a heading, a caption, a cell). */
function inlineOnly(state: State, nodes: AnyNode[]): string {
  const was = state.isInline;
  state.isInline = true;
  try {
    return inlineText(state, nodes);
  } finally {
    state.isInline = was;
  }
}

function list(state: State, el: Element, depth: number): void {
  const lines: string[] = [];
  const indent = '\u3000'.repeat(depth);
  let n = 0;
  for (const child of el.children) {
    if (!isElement(child) || child.name !== 'li') {
      const loose = inlineOnly(state, [child]).trim();
      if (loose !== '') lines.push(indent + loose);
      continue;
    }
    n++;
    const bullet = el.name === 'ol' ? `${n}) ` : '・';
    const inline = child.children.filter((c) => !(isElement(c) && (c.name === 'ul' || c.name === 'ol')));
    const itemText = inlineOnly(state, inline).trim().replace(/\n+/g, `\n${indent}\u3000`);
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

/**
 * `| a | b |` rows; a delimiter row follows the first row when it is a header (all th, or
 * in thead). A caption goes before the table as a paragraph.
 */
function table(state: State, el: Element): void {
  const rows: { cells: string[]; isHeader: boolean }[] = [];
  const captions: string[] = [];
  const visit = (node: Element, isHead: boolean) => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (child.name === 'tr') {
        const cells = child.children.filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th'));
        const texts = cells.flatMap((c) => [cellText(state, c), ...Array<string>(span(state, c) - 1).fill('')]);
        if (texts.some((c) => c !== '')) rows.push({ cells: texts, isHeader: isHead || cells.every((c) => c.name === 'th') });
      } else if (child.name === 'caption') {
        captions.push(inlineOnly(state, child.children).trim());
      } else if (child.name !== 'table') {
        visit(child, isHead || child.name === 'thead');
      }
    }
  };
  visit(el, false);
  pushParagraph(state, captions.filter((c) => c !== '').join('\n'));
  if (rows.length === 0) return;
  const width = Math.max(...rows.map((r) => r.cells.length));
  const line = (cells: string[]) => `| ${[...cells, ...Array<string>(width - cells.length).fill('')].join(' | ')} |`;
  const lines = rows.map((r) => line(r.cells));
  if (rows[0]!.isHeader) lines.splice(1, 0, line(Array<string>(width).fill('---')));
  state.blocks.push(lines.join('\n'));
}

function cellText(state: State, cell: Element): string {
  const text = inlineOnly(state, cell.children)
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  if (!text.includes('|')) return text;
  state.warnings.add(HTML_WARNINGS.pipeInCell);
  return text.replace(/\|/g, '｜');
}

/** How many columns a cell takes (colspan); a rowspan is noted, its rows keep their own cells. */
function span(state: State, cell: Element): number {
  const columns = Number.parseInt(cell.attribs.colspan ?? '1', 10);
  const rowsSpanned = Number.parseInt(cell.attribs.rowspan ?? '1', 10);
  if (columns > 1 || rowsSpanned > 1) state.warnings.add(HTML_WARNINGS.mergedCells);
  return Number.isInteger(columns) && columns > 1 ? Math.min(columns, 100) : 1;
}

function embed(state: State, el: Element): void {
  const link = embedLink(state, el);
  if (link !== '') pushParagraph(state, link);
}

/** A link to an embed's source; its children (fallback text, raw in HTML) are never read. */
function embedLink(state: State, el: Element): string {
  const src = el.attribs.src ?? el.attribs.data ?? el.children.filter(isElement).find((c) => c.name === 'source')?.attribs.src;
  const url = src === undefined ? undefined : absoluteUrl(state, src);
  if (url === undefined) {
    state.warnings.add(HTML_WARNINGS.embedWithoutSource);
    return '';
  }
  state.warnings.add(HTML_WARNINGS.embed(url));
  const label = el.attribs.title?.trim() || '埋め込みコンテンツ';
  return markdownLink(label, url);
}

/** A paragraph; the figure lines in it become blocks of their own, in place. */
function pushParagraph(state: State, text: string): void {
  if (!text.includes(FIGURE_MARK)) {
    if (text.trim() !== '') state.blocks.push(text);
    return;
  }
  let run: string[] = [];
  const flush = () => {
    const paragraph = run.join('\n');
    if (paragraph.trim() !== '') state.blocks.push(paragraph);
    run = [];
  };
  for (const line of text.split('\n')) {
    if (!line.startsWith(FIGURE_MARK)) {
      run.push(line);
      continue;
    }
    flush();
    state.blocks.push(line.slice(FIGURE_MARK.length));
  }
  flush();
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
  const collapsed = text.replace(/[ \t\n\r\f\u00a0]+/g, ' ');
  return collapsed.includes(FIGURE_MARK) ? collapsed.replaceAll(FIGURE_MARK, '') : collapsed;
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

function image(state: State, el: Element, fullSize?: { url: string; ref: string }): string {
  const src = el.attribs.src;
  const alt = collapse(el.attribs.alt ?? '').trim();
  if (!src) return alt;
  const url = absoluteUrl(state, src) ?? src;
  const ref = state.options.resolveMedia?.(url);
  const description = alt || state.options.describeImage?.(url)?.trim() || (fullSize && state.options.describeImage?.(fullSize.url)?.trim()) || '';
  if (!state.isInline && (ref !== undefined || fullSize !== undefined)) {
    // The full-size file a thumbnail links to makes the better figure (its own sizes are made from it).
    return figureLine(state, fullSize?.ref ?? ref!, description, url);
  }
  const label = description || fileNameOf(url) || '画像';
  if (ref !== undefined) {
    state.mediaRefs.add(ref);
    return markdownLink(label, `media:${ref}`);
  }
  return markdownLink(label, url);
}

/** `![説明](media:ref "キャプション")` on a line of its own (FIGURE_MARK: see pushParagraph); the figure's caption is taken once. */
function figureLine(state: State, ref: string, description: string, url: string): string {
  state.mediaRefs.add(ref);
  if (description === '') state.warnings.add(HTML_WARNINGS.imageWithoutAlt(url));
  // The figure syntax ends the description at 「]」 and the caption at a double quote.
  const alt = description.replace(/\]/g, '］').replace(/\[/g, '［');
  const caption = state.caption?.replace(/"/g, '”');
  state.caption = undefined;
  return `\n${FIGURE_MARK}![${alt}](media:${ref}${caption === undefined ? '' : ` "${caption}"`})\n`;
}

function anchor(state: State, el: Element): string {
  const href = el.attribs.href;
  const images = el.children.filter((c): c is Element => isElement(c) && c.name === 'img');
  const text = inlineText(
    state,
    el.children.filter((c) => !(isElement(c) && c.name === 'img')),
  ).trim();
  const url = href === undefined ? undefined : absoluteUrl(state, href);
  const hrefRef = url === undefined ? undefined : state.options.resolveMedia?.(url);
  // WordPress wraps a thumbnail in a link to the full-size file: one reference, to the file.
  if (images.length === 1 && text === '') {
    if (hrefRef !== undefined && !state.isInline && IMAGE_FILE.test(url!.split(/[?#]/)[0]!)) return image(state, images[0]!, { url: url!, ref: hrefRef });
    if (hrefRef !== undefined) {
      state.mediaRefs.add(hrefRef);
      const alt = collapse(images[0]!.attribs.alt ?? '').trim();
      return markdownLink(alt || hrefRef, `media:${hrefRef}`);
    }
    return image(state, images[0]!);
  }
  const imageText = images.map((img) => inlineOnly(state, [img])).join(' ');
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
