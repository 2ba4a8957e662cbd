// Test helper: reads the renderer's HTML back into a tree. It knows only the markup the
// renderer may emit, so any other tag (or a stray `<`) in the output makes it throw.

export interface ElementNode {
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
}
export type HtmlNode = ElementNode | string;

const ATTR = '"[^"<>&]*(?:&(?:amp|lt|gt|quot|#39);[^"<>&]*)*"';
const ALLOWED_TAGS: readonly RegExp[] = [
  /^<(p|li|em|strong|figcaption|table|thead|tbody|tr|td)>$/,
  /^<(br|wbr)>$/,
  /^<(li) (class)="(notice)">$/,
  /^<(strong) (class)="(label)">$/,
  /^<(th) (scope)="(col)">$/,
  /^<(p) (class)="(placeholder)">$/,
  /^<(figure) (class)="(figure|figure figure-missing)">$/,
  /^<(span) (class)="(figure-warning)">$/,
  /^<(div) (class)="(table-scroll)" (tabindex)="(0)" (role)="(region)" (aria-label)="(表[0-9]+)">$/,
  new RegExp(
    `^<(img) (src)=(${ATTR})(?: (srcset)=(${ATTR}) (sizes)=(${ATTR}))? (width)="([0-9]+)" (height)="([0-9]+)" (alt)=(${ATTR}) (loading)="(lazy)" (decoding)="(async)">$`,
  ),
  /^<(ol) (class)="(items)">$/,
  /^<(ul) (class)="(gallery)" (aria-label)="(写真[0-9]+\([0-9]+枚\))">$/,
  /^<(span) (class)="(no|meta|attachment-missing)">$/,
  new RegExp(`^<(section) (class)="(sec)" (aria-labelledby)=(${ATTR})>$`),
  new RegExp(`^<(h[2-6]) (id)=(${ATTR})>$`),
  new RegExp(`^<(a) (href)=(${ATTR})>$`),
  new RegExp(`^<(a) (class)="(attachment)" (href)=(${ATTR})>$`),
];
const CLOSING = /^<\/(p|li|em|strong|ol|ul|span|section|h[2-6]|a|figure|figcaption|div|table|thead|tbody|tr|th|td)>$/;
const VOID = new Set(['br', 'wbr', 'img']);
const ENTITY = /&(amp|lt|gt|quot|#39);/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (_, name: string) => ENTITIES[name]!);
}

/** The tags the renderer emits, or an error naming the first unknown one. */
export function parseHtml(html: string): HtmlNode[] {
  const root: ElementNode = { tag: '#root', attrs: {}, children: [] };
  const stack = [root];
  for (const [part] of html.matchAll(/<[^<>]*>|[^<>]+|[<>]/g)) {
    const top = stack[stack.length - 1]!;
    if (!part.startsWith('<') || part === '<') {
      if (/[<>"]/.test(part) || /&(?!(?:amp|lt|gt|quot|#39);)/.test(part)) throw new Error(`unescaped text: ${part}`);
      top.children.push(decodeEntities(part));
      continue;
    }
    const closing = CLOSING.exec(part);
    if (closing) {
      if (top.tag !== closing[1]) throw new Error(`${part} closes <${top.tag}>`);
      stack.pop();
      continue;
    }
    const element = openingTag(part);
    top.children.push(element);
    if (!VOID.has(element.tag)) stack.push(element);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.tag}>`);
  return root.children;
}

function openingTag(tag: string): ElementNode {
  for (const pattern of ALLOWED_TAGS) {
    const match = pattern.exec(tag);
    if (!match) continue;
    const [, name, ...pairs] = match;
    const attrs: Record<string, string> = {};
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      if (pairs[i] !== undefined) attrs[pairs[i]!] = decodeEntities(pairs[i + 1]!.replace(/^"|"$/g, ''));
    }
    return { tag: name!, attrs, children: [] };
  }
  throw new Error(`unexpected tag: ${tag}`);
}

export function textContent(nodes: readonly HtmlNode[]): string {
  return nodes.map((node) => (typeof node === 'string' ? node : textContent(node.children))).join('');
}

/** Every element matching `tag`, depth first in document order. */
export function findAll(nodes: readonly HtmlNode[], tag: string): ElementNode[] {
  const found: ElementNode[] = [];
  for (const node of nodes) {
    if (typeof node === 'string') continue;
    if (node.tag === tag) found.push(node);
    found.push(...findAll(node.children, tag));
  }
  return found;
}

/** The direct element children of `node` with tag `tag`. */
export function childElements(node: ElementNode, tag: string): ElementNode[] {
  return node.children.filter((child): child is ElementNode => typeof child !== 'string' && child.tag === tag);
}
