// The home page and the profile page (site/home/, site/profile/).
import type { FastifyPluginAsync } from 'fastify';
import { japanDayOf } from '../../../domain/japan-time.js';
import { paths } from '../../../domain/paths.js';
import { HTML, sitePages } from '../../../site/site-pages.js';
import type { WebDeps } from '../../deps.js';
import { sendCached } from '../../send-cached.js';

export const homeRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  // The home page sums up this year (Japan time): a new year is a new page even before any write.
  app.get(paths.home(), (request, reply) => sendCached(deps, request, reply, `home:${japanDayOf(deps.ctx.now()).slice(0, 4)}`, HTML, () => sitePages.home(deps)));
  app.get(paths.profile(), (request, reply) => sendCached(deps, request, reply, 'profile', HTML, () => sitePages.profile(deps)));
};
