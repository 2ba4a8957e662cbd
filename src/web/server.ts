// Builds the Fastify application. It never listens: cli/commands/serve.ts does, and
// tests use app.inject().
import { join } from 'node:path';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ActionContext } from '../actions/context.js';
import { loadAssets } from './assets.js';
import type { WebDeps } from './deps.js';
import { installErrorHandlers, sendError } from './errors.js';
import { PageCache } from './page-cache.js';
import { apiReportRoutes } from './routes/api/reports.js';
import { activityRoutes } from './routes/public/activity.js';
import { archiveRoutes } from './routes/public/archives.js';
import { discoveryRoutes } from './routes/public/discovery.js';
import { feedRoutes } from './routes/public/feeds.js';
import { fileRoutes } from './routes/public/files.js';
import { homeRoutes } from './routes/public/home.js';

export interface ServerOptions {
  ctx: ActionContext;
  baseUrl: string;
  trustProxy?: boolean;
  logLevel?: string;
  /** Memory for rendered pages per process. */
  pageCacheBytes?: number;
}

const DEFAULT_PAGE_CACHE_BYTES = 48 * 1024 * 1024;

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logLevel && options.logLevel !== 'silent' ? { level: options.logLevel } : false,
    trustProxy: options.trustProxy ?? false,
    // Long enough for any real slug or tag, short enough to refuse absurd paths early.
    routerOptions: { maxParamLength: 200, ignoreDuplicateSlashes: false },
    // Bad percent-encoding or an over-long parameter are the client's mistake: a Japanese 400/404 page.
    frameworkErrors: (error, request, reply) => {
      const status = error.code === 'FST_ERR_BAD_URL' ? 400 : 404;
      void sendError(deps, request, reply, status);
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const deps: WebDeps = {
    ctx: options.ctx,
    baseUrl: options.baseUrl,
    cache: new PageCache(options.pageCacheBytes ?? DEFAULT_PAGE_CACHE_BYTES),
    assets: loadAssets(),
  };

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // Feeds, the API and media are meant to be read from other origins.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(fastifyStatic, { root: join(options.ctx.dataDir, 'media'), serve: false });

  installErrorHandlers(app, deps);
  await app.register(homeRoutes, { deps });
  await app.register(activityRoutes, { deps });
  await app.register(archiveRoutes, { deps });
  await app.register(feedRoutes, { deps });
  await app.register(discoveryRoutes, { deps });
  await app.register(fileRoutes, { deps });
  await app.register(apiReportRoutes, { deps });
  return app;
}
