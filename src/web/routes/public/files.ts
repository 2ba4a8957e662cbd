// Stored media (/media/<sha256>/<name>) and the site's own assets (/assets/…).
import type { FastifyPluginAsync } from 'fastify';
import { MediaNotFoundError } from '../../../domain/errors.js';
import { findMediaByShaAndName } from '../../../store/media.js';
import type { WebDeps } from '../../deps.js';

const SHA256 = /^[0-9a-f]{64}$/;
const FOREVER = 'public, max-age=31536000, immutable';

/** RFC 6266 attachment header with the original (often Japanese) file name. */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const fileRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  app.get<{ Params: { sha: string; name: string } }>('/media/:sha/:name', async (request, reply) => {
    const { sha, name } = request.params;
    if (!SHA256.test(sha)) throw new MediaNotFoundError(sha);
    const media = await findMediaByShaAndName(deps.ctx.db, sha, name);
    if (!media) throw new MediaNotFoundError(sha);
    const isImage = media.mime.startsWith('image/');
    // PDFs open in the browser's viewer; other documents download under their own name.
    const kind = isImage || media.mime === 'application/pdf' ? 'inline' : 'attachment';
    reply
      .header('Content-Type', media.mime)
      .header('Content-Disposition', contentDisposition(kind, media.originalName))
      .header('Cache-Control', FOREVER)
      .header('ETag', `"${media.sha256}"`);
    return reply.sendFile(`${sha.slice(0, 2)}/${sha}`, { contentType: false, cacheControl: false, etag: false, lastModified: false });
  });

  for (const asset of [deps.assets.css, deps.assets.icon]) {
    app.get(asset.path, async (_request, reply) =>
      reply.type(asset.contentType).header('Cache-Control', FOREVER).send(asset.body),
    );
  }
  app.get('/favicon.ico', async (_request, reply) => reply.redirect(deps.assets.icon.path, 301));
};
