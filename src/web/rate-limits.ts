// Per-client rate limits (issue 9) on what a script can call in a loop: search, the API and
// the feeds. One limiter per class, keyed by request.ip (which KATSUDO_TRUST_PROXY decides),
// counted in this process's memory over a one-minute window (@fastify/rate-limit with our
// store, web/rate-limit-store.ts). The hooks
// are attached to the limited routes only, when they are registered: report pages and
// assets never run a limiter. Over the limit: 429 with Retry-After, through the error
// handler (web/errors.tsx: a Japanese page, JSON under /api/).
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, onRequestHookHandler, RouteOptions } from 'fastify';
import { activityDataPaths } from '../domain/activity-record/data-paths.js';
import { paths } from '../domain/paths.js';
import { RateLimitStore } from './rate-limit-store.js';

/** Requests per minute from one client address; 0 means no limit. */
export interface RateLimits {
  searchPerMinute: number;
  apiPerMinute: number;
  feedsPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { searchPerMinute: 60, apiPerMinute: 300, feedsPerMinute: 60 };

/** The feeds, and the activity records' calendar and open data files (issue 16), which scripts fetch alike. */
const FEEDS = new Set<string>([paths.rss(), paths.atom(), paths.jsonFeed(), ...Object.values(activityDataPaths)]);

type LimitClass = keyof RateLimits;

/** Which limit a route falls under, if any: /search and /api/v1/search share one. */
function classOf(url: string): LimitClass | undefined {
  if (url === paths.search() || url === paths.apiSearch()) return 'searchPerMinute';
  if (url.startsWith('/api/')) return 'apiPerMinute';
  if (FEEDS.has(url)) return 'feedsPerMinute';
  return undefined;
}

/** Call before registering the routes: it limits those registered after it. */
export async function registerRateLimits(app: FastifyInstance, limits: RateLimits): Promise<void> {
  await app.register(rateLimit, { global: false, store: RateLimitStore });
  // One limiter (one counter per address) per class, made once and shared by its routes.
  const limiters = new Map<LimitClass, onRequestHookHandler>();
  for (const name of Object.keys(limits) as LimitClass[]) {
    if (limits[name] > 0) limiters.set(name, app.rateLimit({ max: limits[name], timeWindow: 60_000 }) as onRequestHookHandler);
  }
  app.addHook('onRoute', (route: RouteOptions) => {
    const name = classOf(route.url);
    const limiter = name && limiters.get(name);
    if (!limiter) return;
    const existing = route.onRequest;
    route.onRequest = existing === undefined ? [limiter] : [...(Array.isArray(existing) ? existing : [existing]), limiter];
  });
}
