// Stored media and the site's own assets (/assets/…).
//   /media/<sha256>/<original name>              the file as uploaded
//   /media/<sha256>/w<width>/<stem>-<width>w.webp an image's WebP variant (640 or 1280 px)
// A file is served to readers only while a published report uses it (store/media.ts
// isMediaPublic), decided on every request from the database; otherwise the Japanese 404.
// Staff reach every file through /admin/media/file/… (routes/admin/media-file.ts).
// Media are cached for 5 minutes, not for ever, so that a withdrawal takes effect within that
// time in browsers and shared caches; the ETag (the bytes' hash) makes revalidation a 304.
// Assets are content-addressed and never withdrawn: cached for a year (immutable).
import type { FastifyPluginAsync } from 'fastify';
import { MediaNotFoundError } from '../../../domain/errors.js';
import { isMediaPublic } from '../../../store/media.js';
import type { WebDeps } from '../../deps.js';
import { getServedMedia, sendMedia, type MediaParams } from '../../send-media.js';

export const PUBLIC_MEDIA_CACHE = 'public, max-age=300';
const FOREVER = 'public, max-age=31536000, immutable';

export const fileRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  const servePublic = async (params: MediaParams) => {
    const served = await getServedMedia(deps.ctx.db, params);
    if (!(await isMediaPublic(deps.ctx.db, served.sourceSha256))) throw new MediaNotFoundError(params.sha);
    return served;
  };
  app.get<{ Params: MediaParams }>('/media/:sha/:name', async (request, reply) =>
    sendMedia(request, reply, await servePublic(request.params), PUBLIC_MEDIA_CACHE),
  );
  app.get<{ Params: MediaParams }>('/media/:sha/:variant/:name', async (request, reply) =>
    sendMedia(request, reply, await servePublic(request.params), PUBLIC_MEDIA_CACHE),
  );

  for (const asset of Object.values(deps.assets)) {
    app.get(asset.path, async (_request, reply) =>
      reply.type(asset.contentType).header('Cache-Control', FOREVER).send(asset.body),
    );
  }
  app.get('/favicon.ico', async (_request, reply) => reply.redirect(deps.assets.icon.path, 301));
};
