// Every stored file for signed-in staff (writer and up), whether or not a published report
// uses it: /admin/media/file/<sha256>/<name> and /admin/media/file/<sha256>/w<width>/<name>,
// the public /media/ paths under /admin (domain/media-path.ts staffMediaPath), where the
// session cookie (Path=/admin) is sent. Never stored by caches.
import type { FastifyPluginAsync } from 'fastify';
import type { WebDeps } from '../../deps.js';
import { getServedMedia, type MediaParams } from '../../../site/media/get-served-media.js';
import { sendMedia } from '../../send-media.js';

const WRITER = { access: 'writer' } as const;
const STAFF_MEDIA_CACHE = 'private, no-store';

export const mediaFileRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  app.get<{ Params: MediaParams }>('/media/file/:sha/:name', { config: WRITER }, async (request, reply) =>
    sendMedia(request, reply, await getServedMedia(deps.ctx.db, request.params), STAFF_MEDIA_CACHE),
  );
  // The variant's middle segment shares the parameter name of the file route's last one, as
  // the router keeps one name per position (and the admin route list reads the tree).
  app.get<{ Params: { sha: string; name: string; variantName: string } }>('/media/file/:sha/:name/:variantName', { config: WRITER }, async (request, reply) => {
    const { sha, name: variant, variantName: name } = request.params;
    return sendMedia(request, reply, await getServedMedia(deps.ctx.db, { sha, variant, name }), STAFF_MEDIA_CACHE);
  });
};
