// The one markdown-it configuration of the text format: inline syntax only, and only the
// rules whose syntax authors actually mean. Everything else stays literal text, so that
// 「\」, 「`」, 「~~」, 「&amp;」 and raw HTML reach the reader exactly as typed.
import MarkdownIt, { type Token } from 'markdown-it';

const md = new MarkdownIt('default', { html: false, linkify: true, typographer: false });
md.disable(['escape', 'backticks', 'image', 'autolink', 'html_inline', 'entity', 'strikethrough']);
// Bare domains such as 「report.md」 (Moldova) must not turn into links; scheme links and
// e-mail addresses still do.
md.linkify.set({ fuzzyLink: false, fuzzyEmail: true });
// Our own allow-list (link-target.ts) decides which links survive, and it must see every
// link: markdown-it's validator would leave a refused link as literal `[label](url)`.
md.validateLink = () => true;
// Show link text exactly as written (no percent-decoding or punycode), so `text` keeps it.
md.normalizeLinkText = (url) => url;
// `media:` refs are looked up by the exact name the author wrote, not a percent-encoded one.
const normalizeWebLink = md.normalizeLink.bind(md);
md.normalizeLink = (url) => (/^media:/i.test(url) ? url : normalizeWebLink(url));

/** The inline tokens of `source` (flat: links and emphasis as open/close pairs). */
export function inlineTokens(source: string): Token[] {
  return md.parseInline(source, {})[0]?.children ?? [];
}

/** The href markdown-it would give `url`; used when a linkified URL is shortened. */
export function normalizeLink(url: string): string {
  return md.normalizeLink(url);
}
