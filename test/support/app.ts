// The web application over a fresh test site, for app.inject() tests.
import type { FastifyInstance } from 'fastify';
import { threadPool, type ThreadPoolOptions } from '../../src/actions/runtime/work-pool.js';
import type { RateLimits } from '../../src/web/rate-limits.js';
import { buildServer } from '../../src/web/server.js';
import { createTestSite, type TestSite } from './db.js';

export const TEST_BASE_URL = 'https://www.example.jp';

/** Tests that are not about rate limits must not meet them (the search fuzz sends thousands). */
export const NO_RATE_LIMITS: RateLimits = { searchPerMinute: 0, apiPerMinute: 0, feedsPerMinute: 0 };

export interface TestApp {
  app: FastifyInstance;
  site: TestSite;
  close: () => Promise<void>;
}

export interface TestAppOptions {
  seed?: (site: TestSite) => Promise<void>;
  /** Run slow work on worker threads, as `katsudo serve` does (default: inline). */
  threads?: Omit<ThreadPoolOptions, 'database'>;
  rateLimits?: RateLimits;
  /** KATSUDO_MIN_FREE_MB in bytes (tests make it larger than any disk to see the warning). */
  minFreeBytes?: number;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const site = await createTestSite();
  if (options.seed) await options.seed(site);
  if (options.threads) site.work = threadPool({ ...options.threads, database: site.database });
  const app = await buildServer({
    ctx: site,
    baseUrl: TEST_BASE_URL,
    logLevel: 'silent',
    rateLimits: options.rateLimits ?? NO_RATE_LIMITS,
    ...(options.minFreeBytes === undefined ? {} : { minFreeBytes: options.minFreeBytes }),
  });
  return {
    app,
    site,
    close: async () => {
      await app.close();
      await site.work.close();
      await site.cleanup();
    },
  };
}
