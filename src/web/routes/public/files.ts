// Stored media and the site's own assets (/assets/…).
//   /media/<sha256>/<original name>              the file as uploaded
//   /media/<sha256>/w<width>/<stem>-<width>w.webp an image's WebP variant (640 or 1280 px)
// A file is served to readers only while a published report uses it (store/media.ts
// isMediaPublic, through site/media/get-public-media.ts), decided on every request from the database; otherwise the Japanese 404.
// Staff reach every file through /admin/media/file/… (routes/admin/media-file.ts).
// How long each is cached: site/cache-control.ts.
import type { FastifyPluginAsync } from 'fastify';
import { CACHE_CONTROL } from '../../../site/cache-control.js';
import { getPublicMedia } from '../../../site/media/get-public-media.js';
import type { MediaParams } from '../../../site/media/get-served-media.js';
import type { WebDeps } from '../../deps.js';
import { sendMedia } from '../../send-media.js';

export const fileRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  app.get<{ Params: MediaParams }>('/media/:sha/:name', async (request, reply) =>
    sendMedia(request, reply, await getPublicMedia(deps, request.params), CACHE_CONTROL.media),
  );
  app.get<{ Params: MediaParams }>('/media/:sha/:variant/:name', async (request, reply) =>
    sendMedia(request, reply, await getPublicMedia(deps, request.params), CACHE_CONTROL.media),
  );

  for (const asset of Object.values(deps.assets)) {
    app.get(asset.path, async (_request, reply) => reply.type(asset.contentType).header('Cache-Control', CACHE_CONTROL.asset).send(asset.body));
  }
  app.get('/favicon.ico', async (_request, reply) => reply.redirect(deps.assets.icon.path, 301));
};
