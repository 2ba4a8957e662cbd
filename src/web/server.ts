// Builds the Fastify application. It never listens: cli/commands/serve.ts does, and
// tests use app.inject().
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ActionContext } from '../actions/runtime/context.js';
import { DEFAULT_MIN_FREE_MB, freeSpaceMonitor } from '../actions/runtime/free-space.js';
import { DEFAULT_AUDIT_RETENTION_DAYS } from '../domain/audit-policy.js';
import { mediaRoot } from '../domain/media-location.js';
import { DEFAULT_MAX_UPLOAD_BYTES } from '../domain/media-rules.js';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from '../domain/session-policy.js';
import { withoutNul } from '../domain/without-nul.js';
import { adminPlugin } from './admin/admin-plugin.js';
import { loadAssets } from './assets.js';
import type { WebDeps } from './deps.js';
import { installErrorHandlers, sendError } from './errors.js';
import { PageCache } from './page-cache.js';
import { DEFAULT_RATE_LIMITS, registerRateLimits, type RateLimits } from './rate-limits.js';
import { apiPageRoutes } from './routes/api/pages.js';
import { apiReportRoutes } from './routes/api/reports.js';
import { apiSearchRoutes } from './routes/api/search.js';
import { activityRoutes } from './routes/public/activity.js';
import { activityDataRoutes } from './routes/public/activity-data.js';
import { archiveRoutes } from './routes/public/archives.js';
import { discoveryRoutes } from './routes/public/discovery.js';
import { feedRoutes } from './routes/public/feeds.js';
import { fileRoutes } from './routes/public/files.js';
import { healthRoutes } from './routes/public/health.js';
import { homeRoutes } from './routes/public/home.js';
import { pageRoutes } from './routes/public/pages.js';
import { peopleRoutes } from './routes/public/people.js';
import { searchRoutes } from './routes/public/search.js';
import { securityHeaders } from '../site/security-headers.js';
import { NO_TRUSTED_PROXIES, trustProxyOption, type TrustedProxies } from './trusted-proxies.js';

export interface ServerOptions {
  ctx: ActionContext;
  baseUrl: string;
  /** Who may set X-Forwarded-For/-Proto (KATSUDO_TRUST_PROXY); nobody when not given. */
  trustProxy?: TrustedProxies;
  logLevel?: string;
  /** Where log lines go (stdout when not given); tests read what was logged. */
  logStream?: { write(line: string): void };
  /** Memory for rendered pages per process. */
  pageCacheBytes?: number;
  /** Per-client limits on search, the API and feeds (KATSUDO_RATE_LIMIT_*); DEFAULT_RATE_LIMITS when not given. */
  rateLimits?: RateLimits;
  /** Largest accepted upload (config KATSUDO_MAX_UPLOAD_MB); DEFAULT_MAX_UPLOAD_BYTES when not given. */
  maxUploadBytes?: number;
  /** Admin session expiry (KATSUDO_SESSION_IDLE_MINUTES, KATSUDO_SESSION_MAX_HOURS); 2 h idle, 12 h at most by default. */
  session?: SessionPolicy;
  /** Days the audit log keeps entries; DEFAULT_AUDIT_RETENTION_DAYS when not given. */
  auditRetentionDays?: number;
  /** Where the scheduled backups go (KATSUDO_BACKUP_DIR): the dashboard shows how they went. */
  backupDir?: string;
  /** The running scheduler's last run, checked by /readyz (katsudo serve). */
  schedulerLastRunAt?: () => Date | undefined;
  /** Free space below which the dashboard and /readyz warn (KATSUDO_MIN_FREE_MB); DEFAULT_MIN_FREE_MB when not given. */
  minFreeBytes?: number;
}

/** Holds about four hundred report pages with their compressed variants. */
const DEFAULT_PAGE_CACHE_BYTES = 8 * 1024 * 1024;

/**
 * Report summaries the server keeps per content version (SiteDeps.summariesKept): a page's
 * neighbours and a hundred list pages' worth. A crawl of every report kept them all (15 MB
 * at 10,000 reports, docs/performance.md); the page cache holds the pages read again.
 */
const SERVER_SUMMARIES_KEPT = 1_000;

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const deps: WebDeps = {
    ctx: options.ctx,
    baseUrl: options.baseUrl,
    cache: new PageCache(options.pageCacheBytes ?? DEFAULT_PAGE_CACHE_BYTES),
    assets: loadAssets(),
    summariesKept: SERVER_SUMMARIES_KEPT,
    maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    session: options.session ?? DEFAULT_SESSION_POLICY,
    auditRetentionDays: options.auditRetentionDays ?? DEFAULT_AUDIT_RETENTION_DAYS,
    ...(options.backupDir === undefined ? {} : { backupDir: options.backupDir }),
    ...(options.schedulerLastRunAt === undefined ? {} : { schedulerLastRunAt: options.schedulerLastRunAt }),
    freeSpace: freeSpaceMonitor(options.ctx.dataDir, options.minFreeBytes ?? DEFAULT_MIN_FREE_MB * 1024 * 1024),
  };
  const headers = securityHeaders();

  const app = Fastify({
    logger: options.logLevel && options.logLevel !== 'silent' ? { level: options.logLevel, ...(options.logStream ? { stream: options.logStream } : {}) } : false,
    trustProxy: trustProxyOption(options.trustProxy ?? NO_TRUSTED_PROXIES),
    // Long enough for any real slug or tag, short enough to refuse absurd paths early.
    routerOptions: { maxParamLength: 200 },
    // Bad percent-encoding or an over-long parameter are the client's mistake: a Japanese
    // 400/404 page. These are answered before routing, so the onRequest hook has not run.
    frameworkErrors: (error, request, reply) => {
      reply.headers(headers);
      void sendError(deps, request, reply, error.code === 'FST_ERR_BAD_URL' ? 400 : 404);
    },
  });

  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(headers);
    // A NUL (%00) in the path names nothing here, and PostgreSQL refuses it in any text it is
    // sent (a lookup would fail with a 500): the client's mistake, as bad percent-encoding is.
    if (/%00/.test(request.url.split('?', 1)[0]!)) {
      void sendError(deps, request, reply, 400);
      return;
    }
    done();
  });
  // The same rule for the query string and every parsed body (forms, JSON, an upload's fields:
  // a preHandler runs after all of them are read): NUL removed (domain/without-nul.ts).
  app.addHook('preHandler', (request, _reply, done) => {
    request.query = withoutNul(request.query);
    request.body = withoutNul(request.body);
    done();
  });
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(fastifyStatic, { root: mediaRoot(options.ctx), serve: false });

  installErrorHandlers(app, deps);
  // Before the routes: it attaches its hooks to the limited ones as they are registered.
  await registerRateLimits(app, options.rateLimits ?? DEFAULT_RATE_LIMITS);
  // First, before any rate limit or other hook a later plugin adds to routes registered after it.
  await app.register(healthRoutes, { deps });
  await app.register(homeRoutes, { deps });
  await app.register(activityRoutes, { deps });
  await app.register(archiveRoutes, { deps });
  await app.register(peopleRoutes, { deps });
  await app.register(feedRoutes, { deps });
  await app.register(activityDataRoutes, { deps });
  await app.register(discoveryRoutes, { deps });
  await app.register(fileRoutes, { deps });
  await app.register(searchRoutes, { deps });
  await app.register(apiReportRoutes, { deps });
  await app.register(apiSearchRoutes, { deps });
  await app.register(apiPageRoutes, { deps });
  await app.register(adminPlugin, { deps });
  // Last: fixed pages take the paths nothing else serves.
  await app.register(pageRoutes, { deps });
  return app;
}
