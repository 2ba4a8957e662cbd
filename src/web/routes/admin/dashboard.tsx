// /admin/: the dashboard.
import type { FastifyPluginAsync } from 'fastify';
import { adminPageContext, sendAdminPage } from '../../admin/page.js';
import type { WebDeps } from '../../deps.js';
import { DashboardPage } from '../../views/admin/dashboard-page.js';

export const dashboardRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  app.get('/', { config: { access: 'writer' } }, async (request, reply) => {
    const page = await adminPageContext(deps, request, reply);
    return sendAdminPage(reply, <DashboardPage page={{ ...page, user: page.user! }} />);
  });
};
