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
  return trustedHtml(renderToString(tree));
}

/** A header or footer whose content is HTML from renderedHtml(). */
export function RenderedElement({ tag: Tag, class: className, html }: { tag: 'header' | 'footer'; class: string; html: TrustedHtml }) {
  return <Tag class={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
