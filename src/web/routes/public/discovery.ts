// /sitemap.xml and /robots.txt (site/discovery/).
import type { FastifyPluginAsync } from 'fastify';
import { paths } from '../../../domain/paths.js';
import { renderRobots, ROBOTS_CONTENT_TYPE, ROBOTS_PATH } from '../../../site/discovery/render-robots.js';
import { renderSitemap, SITEMAP_CONTENT_TYPE } from '../../../site/discovery/render-sitemap.js';
import type { WebDeps } from '../../deps.js';
import { sendCached } from '../../send-cached.js';

export const discoveryRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  app.get(paths.sitemap(), (request, reply) => sendCached(deps, request, reply, 'sitemap', SITEMAP_CONTENT_TYPE, () => renderSitemap(deps)));

  app.get(ROBOTS_PATH, async (_request, reply) => reply.type(ROBOTS_CONTENT_TYPE).header('Cache-Control', 'public, max-age=3600').send(renderRobots(deps.baseUrl)));
};
