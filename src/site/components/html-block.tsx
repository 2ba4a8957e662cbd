// The only place where markup enters a page unescaped. It accepts TrustedHtml alone,
// which only the text-format renderer, the JSON-LD serialiser, the QR code SVG and a
// view tree rendered ahead (renderedHtml: preact escapes every text and attribute) produce.
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { trustedHtml, type TrustedHtml } from '../../domain/trusted-html.js';

export function HtmlBlock({ html, class: className }: { html: TrustedHtml; class?: string }) {
  return <div class={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** A JSON-LD data block. `json` must come from jsonForScript(). */
export function JsonLdScript({ json }: { json: TrustedHtml }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}

/** A view tree rendered to HTML ahead of the pages that show it (the layout's header and footer). */
export function renderedHtml(tree: VNode): TrustedHtml {
  const html = renderToString(tree);
  // The renderer joins its pieces into a tree of strings; kept for many pages, the HTML is
  // better one flat string (less heap, and no tree to walk again on each page). Converting
  // a string to a number flattens it in place (V8).
  void Number(html);
  return trustedHtml(html);
}

/**
 * A tree rendered once per key object and kept as HTML while the object lives. For values of
 * the content version's memo (content-memo.ts: the archive counts, report summaries), which
 * are never changed in place: a write brings new objects, so old HTML is never shown for it.
 */
export function htmlKeptBy<K extends object>(): (key: K, tree: () => VNode) => TrustedHtml {
  const kept = new WeakMap<K, TrustedHtml>();
  return (key, tree) => {
    let html = kept.get(key);
    if (html === undefined) kept.set(key, (html = renderedHtml(tree())));
    return html;
  };
}

/** An element whose content is HTML from renderedHtml() or htmlKeptBy(). Its props are named (a rest copy per element cost more than the element). */
export function RenderedElement(props: { tag: 'header' | 'footer' | 'aside' | 'li'; html: TrustedHtml; class: string; 'aria-label'?: string }) {
  const Tag = props.tag;
  return <Tag class={props.class} aria-label={props['aria-label']} dangerouslySetInnerHTML={{ __html: props.html }} />;
}
