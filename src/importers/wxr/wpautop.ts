// WordPress stores classic-editor posts without <p> tags: a blank line separates
// paragraphs and a single newline is a line break, added only when the post is shown
// (wpautop). An export carries the stored form, so the same rule is applied here, in a
// reduced form: a chunk between blank lines that starts with a block tag is left as it
// is; any other chunk becomes a paragraph with <br> for its newlines. Block-editor content
// (<!-- wp:paragraph --><p>…</p>) already has its tags and is left as it is.
const BLOCK_START =
  /^<(?:p|div|h[1-6]|ul|ol|li|table|thead|tbody|tr|td|th|blockquote|pre|figure|figcaption|hr|section|article|aside|header|footer|dl|dt|dd|iframe|video|audio|object|embed|form|address|center|style|script)\b/i;

export function wpautop(content: string): string {
  const text = content.replace(/\r\n?/g, '\n').replace(/<!--[^]*?-->/g, '');
  return text
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== '')
    .map((chunk) => (BLOCK_START.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`))
    .join('\n');
}
