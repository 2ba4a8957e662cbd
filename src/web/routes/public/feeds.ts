// Feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1): site/feeds/render-feed.ts.
import type { FastifyPluginAsync } from 'fastify';
import { paths } from '../../../domain/paths.js';
import { FEED_CONTENT_TYPES, renderFeed, type FeedFormat } from '../../../site/feeds/render-feed.js';
import type { WebDeps } from '../../deps.js';
import { sendCached } from '../../send-cached.js';

const FEED_PATHS: Record<FeedFormat, string> = { rss: paths.rss(), atom: paths.atom(), json: paths.jsonFeed() };

export const feedRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  for (const [format, path] of Object.entries(FEED_PATHS) as [FeedFormat, string][]) {
    app.get(path, (request, reply) => sendCached(deps, request, reply, `feed:${format}`, FEED_CONTENT_TYPES[format], () => renderFeed(deps, format)));
  }
};
