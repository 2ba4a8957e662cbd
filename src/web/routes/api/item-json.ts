// What the read-only JSON API's routes share (reports, pages, search): the content type, the
// id parameter, open CORS (anyone may reuse the record from any site), and the detail fields
// of a report or fixed page: its body in three forms and its attachments.
import type { FastifyInstance } from 'fastify';
import { attachmentMeta } from '../../../domain/attachment.js';
import { mediaPath } from '../../../domain/media-path.js';
import { absoluteUrl } from '../../../domain/paths.js';
import type { Attachment } from '../../../domain/report.js';
import type { OutlineEntry } from '../../../domain/text-format/render.js';
import type { TrustedHtml } from '../../../domain/trusted-html.js';
import { absolutizeLinks } from '../../../site/feeds/absolutize-links.js';

export const JSON_TYPE = 'application/json; charset=utf-8';

/** `/…/:id` with a positive integer id (anything else is a 400 from the schema). */
export const ID_PARAMS = { schema: { params: { type: 'object', properties: { id: { type: 'string', pattern: '^[1-9][0-9]{0,15}$' } } } } };

export function allowAnyOrigin(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('Access-Control-Allow-Origin', '*');
  });
}

/** A report's or page's detail fields: summary, html (links made absolute), text, outline, attachments. */
export function itemDetailJson(
  item: { summary: string; bodyHtml: TrustedHtml; bodyText: string; outline: OutlineEntry[] },
  attachments: Attachment[],
  baseUrl: string,
) {
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
