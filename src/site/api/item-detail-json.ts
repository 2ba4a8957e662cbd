import { attachmentMeta } from '../../domain/attachment.js';
import { mediaPath } from '../../domain/media-path.js';
import { absoluteUrl } from '../../domain/paths.js';
import type { Attachment } from '../../domain/report.js';
import type { OutlineEntry } from '../../domain/text-format/render.js';
import type { TrustedHtml } from '../../domain/trusted-html.js';
import { absolutizeLinks } from '../feeds/absolutize-links.js';

/** A report's or page's detail fields in the JSON API: summary, html (links made absolute), text, outline, attachments. */
export function itemDetailJson(item: { summary: string; bodyHtml: TrustedHtml; bodyText: string; outline: OutlineEntry[] }, attachments: Attachment[], baseUrl: string) {
  return {
    summary: item.summary,
    html: absolutizeLinks(item.bodyHtml, baseUrl),
    text: item.bodyText,
    outline: item.outline,
    attachments: attachments.map((a) => ({
      label: a.label,
      url: absoluteUrl(baseUrl, mediaPath(a.sha256, a.fileName)),
      mime: a.mime,
      bytes: a.bytes,
      pages: a.pages,
      description: attachmentMeta(a),
      summary: a.summary,
      /** An image's description in this report or page (its use's, else the file's default); '' for documents without one. */
      altText: a.altText,
    })),
  };
}
