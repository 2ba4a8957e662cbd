// Inline Markdown (links, emphasis, line breaks) to HTML and to plain text in one walk, so
// both always show the same words. Every character of text is escaped here.
import { attachmentMeta, type AttachmentFacts } from '../attachment.js';
import { escapeHtml } from '../trusted-html.js';
import { inlinePieces } from './inline-pieces.js';
import { linkTarget } from './link-target.js';
import { phraseHtml } from './phrases.js';

export interface InlineOptions {
  /** Attachments by the ref written after `media:`. */
  media?: ReadonlyMap<string, AttachmentFacts & { url: string }>;
  /** Mark phrase boundaries with <wbr> (headings). */
  breakPhrases?: boolean;
}

export interface InlineResult {
  html: string;
  text: string;
}

export function renderInline(source: string, options: InlineOptions = {}): InlineResult {
  let html = '';
  let text = '';
  // What closes each open link: `</a>`, an attachment's label tail, or nothing for a refused link.
  const linkClosers: string[] = [];
  for (const piece of inlinePieces(source)) {
    switch (piece.kind) {
      case 'text':
        html += options.breakPhrases ? phraseHtml(piece.content) : escapeHtml(piece.content);
        text += piece.content;
        break;
      case 'break':
        html += '<br>';
        text += '\n';
        break;
      case 'open':
        html += `<${piece.tag}>`;
        break;
      case 'close':
        html += `</${piece.tag}>`;
        break;
      case 'link-open': {
        const [open, close] = linkTags(piece.href, options);
        html += open;
        linkClosers.push(close);
        break;
      }
      case 'link-close':
        html += linkClosers.pop() ?? '';
        break;
    }
  }
  return { html: html + linkClosers.reverse().join(''), text };
}

/** The opening and closing markup around a link's label. */
function linkTags(href: string, options: InlineOptions): [string, string] {
  const target = linkTarget(href);
  switch (target.kind) {
    case 'web':
      return [`<a href="${escapeHtml(target.href)}">`, '</a>'];
    case 'refused':
      return ['', ''];
    case 'media': {
      const media = options.media?.get(target.ref);
      if (!media) return ['<span class="attachment-missing">', '</span>'];
      const meta = `<span class="meta">(${escapeHtml(attachmentMeta(media))})</span>`;
      return [`<a class="attachment" href="${escapeHtml(media.url)}">`, `${meta}</a>`];
    }
  }
}
