// The admin (/admin/*): cookies, form bodies and CSRF protection registered for it alone
// (public pages parse no cookies and look up no session), the session of each request,
// access enforcement, no-store and noindex on every response, and the admin routes.
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { ADMIN_ROUTE_PLUGINS } from '../routes/admin/admin-routes.js';
import type { WebDeps } from '../deps.js';
import { enforceAccess, recordAdminRoute, type AdminRouteInfo } from './access.js';
import { registerCsrf } from './csrf.js';
import { loadAdminSession } from './session.js';

/** Registered on the root instance, so the route check sees every /admin route wherever it is registered. */
export const adminPlugin = fp<{ deps: WebDeps }>(
  async (root, { deps }) => {
    const routes: AdminRouteInfo[] = [];
    root.decorate('adminRoutes', routes);
    root.addHook('onRoute', (route) => recordAdminRoute(routes, route));
    await root.register(adminContext, { prefix: '/admin', deps });
  },
  { name: 'katsudo-admin' },
);

const adminContext: FastifyPluginAsync<{ deps: WebDeps }> = async (app: FastifyInstance, { deps }) => {
  await registerCsrf(app, deps);
  await app.register(formbody);
  app.decorateRequest('admin', null);
  app.addHook('onRequest', async (request, reply) => {
    // Set first, so that even a failure page is neither stored nor indexed.
    reply.header('Cache-Control', 'no-store').header('X-Robots-Tag', 'noindex, nofollow');
    await loadAdminSession(deps, request, reply);
  });
  app.addHook('preHandler', async (request, reply) => enforceAccess(app, deps, request, reply));
  for (const plugin of ADMIN_ROUTE_PLUGINS) await app.register(plugin, { deps });
};
