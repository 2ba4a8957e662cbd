// The only place where markup enters a page unescaped. It accepts TrustedHtml alone,
// which only the text-format renderer, the JSON-LD serialiser and the QR code SVG produce.
import type { TrustedHtml } from '../../domain/trusted-html.js';

export function HtmlBlock({ html, class: className }: { html: TrustedHtml; class?: string }) {
  return <div class={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** A JSON-LD data block. `json` must come from jsonForScript(). */
export function JsonLdScript({ json }: { json: TrustedHtml }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
