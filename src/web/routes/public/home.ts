// The home page and the profile page (site/home/, site/profile/).
import type { FastifyPluginAsync } from 'fastify';
import { paths } from '../../../domain/paths.js';
import { upcomingClockKey } from '../../../site/events/load-upcoming.js';
import { HTML, sitePages } from '../../../site/site-pages.js';
import type { WebDeps } from '../../deps.js';
import { sendCached } from '../../send-cached.js';

export const homeRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  // The home page sums up this year and lists the activities not started yet: both change with the clock.
  app.get(paths.home(), (request, reply) => sendCached(deps, request, reply, `home:${upcomingClockKey(deps.ctx.now())}`, HTML, () => sitePages.home(deps)));
  app.get(paths.profile(), (request, reply) => sendCached(deps, request, reply, 'profile', HTML, () => sitePages.profile(deps)));
};
