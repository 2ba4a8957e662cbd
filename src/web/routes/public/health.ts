// Health checks for process supervisors and load balancers (DESIGN.md URL list):
//   /healthz  liveness: the process runs and answers; 200 text, touches nothing else.
//   /readyz   readiness: database, migrations, native modules, the data directory's disk
//             (full: failed; below KATSUDO_MIN_FREE_MB: 'low', still ready) and, under
//             `katsudo serve`, a recent scheduler run (actions/runtime/check-readiness.ts);
//             200 JSON when all pass, else 503 JSON naming the failed checks (causes only
//             in the log, not in this public answer).
// Public, never cached, cookie-free, registered before any rate limit so that a supervisor
// polling them is never refused.
import type { FastifyPluginAsync } from 'fastify';
import { checkReadiness } from '../../../actions/runtime/check-readiness.js';
import type { WebDeps } from '../../deps.js';

export const healthRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  app.get('/healthz', async (_request, reply) => reply.header('Cache-Control', 'no-store').type('text/plain; charset=utf-8').send('ok\n'));

  // The failures last logged: a supervisor polling every few seconds logs a failure once, not each poll.
  let loggedFailures = '';
  app.get('/readyz', async (request, reply) => {
    const readiness = await checkReadiness(deps.ctx, {
      freeSpace: deps.freeSpace,
      ...(deps.schedulerLastRunAt === undefined ? {} : { schedulerLastRunAt: deps.schedulerLastRunAt }),
    });
    const failures = readiness.problems.map((p) => p.check).join(',');
    if (failures !== loggedFailures) {
      for (const { check, error } of readiness.problems) request.log.error({ err: error, check }, `readiness check failed: ${check}`);
      loggedFailures = failures;
    }
    return reply
      .code(readiness.isReady ? 200 : 503)
      .header('Cache-Control', 'no-store')
      .send({ status: readiness.isReady ? 'ready' : 'unavailable', checks: readiness.checks });
  });
};
