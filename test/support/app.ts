// The web application over a fresh test site, for app.inject() tests.
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/web/server.js';
import { createTestSite, type TestSite } from './db.js';

export const TEST_BASE_URL = 'https://www.example.jp';

export interface TestApp {
  app: FastifyInstance;
  site: TestSite;
  close: () => Promise<void>;
}

export async function createTestApp(options: { seed?: (site: TestSite) => Promise<void> } = {}): Promise<TestApp> {
  const site = await createTestSite();
  if (options.seed) await options.seed(site);
  const app = await buildServer({ ctx: site, baseUrl: TEST_BASE_URL, logLevel: 'silent' });
  return {
    app,
    site,
    close: async () => {
      await app.close();
      await site.cleanup();
    },
  };
}
