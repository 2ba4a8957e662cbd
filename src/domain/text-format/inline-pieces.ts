// markdown-it's inline tokens reduced to the few kinds the text format knows, with
// linkified URLs cut where Japanese text resumes.
import type { Token } from 'markdown-it';
import { inlineTokens, normalizeLink } from './inline-tokens.js';

export type InlinePiece =
  | { kind: 'text'; content: string }
  | { kind: 'break' }
  | { kind: 'open'; tag: 'em' | 'strong' }
  | { kind: 'close'; tag: 'em' | 'strong' }
  | { kind: 'link-open'; href: string }
  | { kind: 'link-close' };

export function inlinePieces(source: string): InlinePiece[] {
  const tokens = inlineTokens(source);
  const pieces: InlinePiece[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const label = tokens[i + 1];
    if (token.type === 'link_open' && token.markup === 'linkify' && label?.type === 'text') {
      pieces.push(...linkifiedPieces(label.content, hrefOf(token)));
      i += 2; // the label and link_close are consumed
      continue;
    }
    pieces.push(piece(token));
  }
  return pieces;
}

function piece(token: Token): InlinePiece {
  switch (token.type) {
    case 'softbreak':
    case 'hardbreak':
      return { kind: 'break' };
    case 'em_open':
      return { kind: 'open', tag: 'em' };
    case 'em_close':
      return { kind: 'close', tag: 'em' };
    case 'strong_open':
      return { kind: 'open', tag: 'strong' };
    case 'strong_close':
      return { kind: 'close', tag: 'strong' };
    case 'link_open':
      return { kind: 'link-open', href: hrefOf(token) };
    case 'link_close':
      return { kind: 'link-close' };
    default:
      // `text`, and any token a future markdown-it might add: its content, as text.
      return { kind: 'text', content: token.content };
  }
}

function hrefOf(token: Token): string {
  return String(token.attrGet('href') ?? '');
}

// A linkified URL ends at the first character outside printable ASCII: Japanese text
// follows URLs without a space (「https://example.jp/をご覧ください」). Authors who need an
// IDN host or a Japanese path write `[label](url)`.
const ASCII_URL = /^[\u0021-\u007E]+/;
const SCHEME_ONLY = /^(?:[a-z][a-z0-9+.-]*:)?(?:\/\/)?$/i;

function linkifiedPieces(url: string, fullHref: string): InlinePiece[] {
  const head = ASCII_URL.exec(url)?.[0] ?? '';
  const tail = url.slice(head.length);
  if (head === '' || SCHEME_ONLY.test(head)) return [{ kind: 'text', content: url }];
  // Bare e-mail addresses are linkified with an implied mailto:.
  const isImpliedMailto = /^mailto:/i.test(fullHref) && !/^mailto:/i.test(head);
  const href = tail === '' ? fullHref : normalizeLink(isImpliedMailto ? `mailto:${head}` : head);
  const link: InlinePiece[] = [{ kind: 'link-open', href }, { kind: 'text', content: head }, { kind: 'link-close' }];
  return tail === '' ? link : [...link, { kind: 'text', content: tail }];
}
