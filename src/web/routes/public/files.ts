// Stored media and the site's own assets (/assets/…).
//   /media/<sha256>/<original name>              the file as uploaded
//   /media/<sha256>/w<width>/<stem>-<width>w.webp an image's WebP variant (640 or 1280 px)
// Both paths name the original's content hash, so responses are cached for a year
// (immutable) and carry the served bytes' hash as ETag; GET and HEAD, 304 on If-None-Match.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { MediaNotFoundError } from '../../../domain/errors.js';
import { variantFileName } from '../../../domain/media-path.js';
import { isAcceptedMediaType, VARIANT_WIDTHS } from '../../../domain/media-rules.js';
import { findMediaByShaAndName, findVariant, listMediaBySha } from '../../../store/media.js';
import type { WebDeps } from '../../deps.js';

const SHA256 = /^[0-9a-f]{64}$/;
const VARIANT = /^w(\d{1,5})$/;
const FOREVER = 'public, max-age=31536000, immutable';

/** RFC 6266 attachment header with the original (often Japanese) file name. */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Whether an If-None-Match header names this entity tag (weak or strong, or `*`). */
function isNotModified(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

interface Served {
  /** Hash of the bytes sent: the file on disk and the ETag. */
  sha256: string;
  mime: string;
  downloadName: string;
}

function send(request: FastifyRequest, reply: FastifyReply, served: Served) {
  const etag = `"${served.sha256}"`;
  reply.header('Cache-Control', FOREVER).header('ETag', etag);
  if (isNotModified(request, etag)) return reply.code(304).send();
  // Only the types uploads accept are shown in the browser; anything else (an imported
  // document, say) is downloaded, so no stored file is ever rendered as a page of this site.
  const kind = isAcceptedMediaType(served.mime) ? 'inline' : 'attachment';
  reply.header('Content-Type', served.mime).header('Content-Disposition', contentDisposition(kind, served.downloadName));
  return reply.sendFile(`${served.sha256.slice(0, 2)}/${served.sha256}`, {
    contentType: false,
    cacheControl: false,
    etag: false,
    lastModified: false,
  });
}

export const fileRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  app.get<{ Params: { sha: string; name: string } }>('/media/:sha/:name', async (request, reply) => {
    const { sha, name } = request.params;
    if (!SHA256.test(sha)) throw new MediaNotFoundError(sha);
    const media = await findMediaByShaAndName(deps.ctx.db, sha, name);
    if (!media) throw new MediaNotFoundError(sha);
    return send(request, reply, { sha256: media.sha256, mime: media.mime, downloadName: media.originalName });
  });

  app.get<{ Params: { sha: string; variant: string; name: string } }>('/media/:sha/:variant/:name', async (request, reply) => {
    const { sha, variant, name } = request.params;
    const width = Number(VARIANT.exec(variant)?.[1]);
    if (!SHA256.test(sha) || !(VARIANT_WIDTHS as readonly number[]).includes(width)) throw new MediaNotFoundError(sha);
    const found = await findVariant(deps.ctx.db, sha, width);
    const records = found ? await listMediaBySha(deps.ctx.db, sha) : [];
    if (!found || !records.some((m) => variantFileName(m.originalName, width) === name)) throw new MediaNotFoundError(sha);
    return send(request, reply, { sha256: found.sha256, mime: found.mime, downloadName: name });
  });

  for (const asset of Object.values(deps.assets)) {
    app.get(asset.path, async (_request, reply) =>
      reply.type(asset.contentType).header('Cache-Control', FOREVER).send(asset.body),
    );
  }
  app.get('/favicon.ico', async (_request, reply) => reply.redirect(deps.assets.icon.path, 301));
};
