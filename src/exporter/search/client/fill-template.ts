// The static search page's templates (site/search/search-templates.tsx: the server's result
// markup rendered with sample values) cloned and filled with a search's values. Values go in
// as text and attribute values only (never parsed as HTML); highlighted text takes its <mark>
// from the page's `mark` template.
import type { TextPart } from '../../../domain/search/snippet.js';
import type { TemplateName } from '../../../site/search/search-template-samples.js';

/**
 * Sample → value. A string value replaces the sample wherever it stands in a text or an
 * attribute; highlighted parts replace a text that is exactly the sample.
 */
export type TemplateValues = Record<string | number, string | number | readonly TextPart[]>;

/** A copy of the template's content (a missing template is a page built by another version: thrown). */
export function cloneTemplate(name: TemplateName): DocumentFragment {
  const template = document.querySelector(`template[data-template="${name}"]`);
  if (!(template instanceof HTMLTemplateElement)) throw new Error(`template ${name} missing`);
  return template.content.cloneNode(true) as DocumentFragment;
}

/** The template's first element, filled. */
export function filledElement(name: TemplateName, values: TemplateValues): Element {
  const fragment = cloneTemplate(name);
  fillTemplate(fragment, values);
  return fragment.firstElementChild!;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces the samples in `root` in one pass (a value put in is not searched again). */
export function fillTemplate(root: Node, values: TemplateValues): void {
  const strings = new Map<string, string>();
  const marked = new Map<string, readonly TextPart[]>();
  for (const [sample, value] of Object.entries(values)) {
    if (typeof value === 'object') marked.set(sample, value);
    else strings.set(sample, String(value));
  }
  // Longest first, so a sample holding another (a path holding the words) is taken whole.
  const pattern = new RegExp(
    [...strings.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|') || '(?!)',
    'g',
  );
  const replace = (text: string) => text.replace(pattern, (sample) => strings.get(sample)!);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  const highlighted: [Text, readonly TextPart[]][] = [];
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    if (node instanceof Text) {
      const parts = marked.get(node.data);
      if (parts) highlighted.push([node, parts]);
      else node.data = replace(node.data);
    } else if (node instanceof Element) {
      for (const attribute of Array.from(node.attributes)) attribute.value = replace(attribute.value);
    }
  }
  for (const [node, parts] of highlighted) node.replaceWith(...parts.map(markedPart));
}

/** A part of highlighted text as a node: its text, or a <mark> from the page's template. */
export function markedPart(part: TextPart): Node | string {
  if (!part.isMatch) return part.text;
  const mark = cloneTemplate('mark').firstElementChild!;
  mark.textContent = part.text;
  return mark;
}
