// HTML that may be inserted into a page without escaping. Only producers that escape
// everything they did not generate themselves (the text-format renderer, the JSON-LD
// serialiser, the QR code SVG of web/qr-code-svg.ts, renderedHtml() of
// site/components/html-block.tsx: a view tree that preact rendered, escaping every text and
// attribute) may call trustedHtml(); views accept nothing else as raw markup.

declare const trusted: unique symbol;

export type TrustedHtml = string & { readonly [trusted]: true };

export function trustedHtml(html: string): TrustedHtml {
  return html as TrustedHtml;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}
