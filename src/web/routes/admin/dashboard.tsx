// /admin/: the dashboard.
import type { FastifyPluginAsync } from 'fastify';
import { readBackupStatus } from '../../../actions/site/backup/scheduled-backup.js';
import { readExportStatus } from '../../../actions/site/export-status.js';
import { findDemoContent, isDemoContentFound } from '../../../actions/site/remove-demo.js';
import { countAdminReports } from '../../../actions/reports/count-admin-reports.js';
import { listAdminReports } from '../../../actions/reports/list-admin-reports.js';
import { adminPageContext, sendAdminPage } from '../../admin/page.js';
import type { WebDeps } from '../../deps.js';
import { DashboardPage } from '../../views/admin/dashboard-page.js';

export const dashboardRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  app.get('/', { config: { access: 'writer' } }, async (request, reply) => {
    const actor = request.admin!.actor;
    const [page, counts, drafts, demo, space] = await Promise.all([
      adminPageContext(deps, request, reply),
      countAdminReports(deps.ctx, actor),
      listAdminReports(deps.ctx, { status: 'draft', authorId: actor.userId }, { offset: 0, limit: 5 }),
      actor.role === 'owner' ? findDemoContent(deps.ctx) : undefined,
      actor.role === 'writer' ? undefined : deps.freeSpace.check(),
    ]);
    const reports = { counts, drafts: drafts.items, isOwnOnly: actor.role === 'writer' };
    const backup = actor.role === 'owner' && deps.backupDir !== undefined ? readBackupStatus(deps.backupDir) : undefined;
    const exportStatus = actor.role === 'writer' ? undefined : readExportStatus(deps.ctx.dataDir);
    const MB = 1024 * 1024;
    const lowSpace = space?.isLow
      ? { freeMb: space.freeBytes === undefined ? undefined : Math.floor(space.freeBytes / MB), minFreeMb: Math.round(space.minFreeBytes / MB) }
      : undefined;
    return sendAdminPage(
      reply,
      <DashboardPage
        page={{ ...page, user: page.user! }}
        reports={reports}
        hasDemo={demo !== undefined && isDemoContentFound(demo)}
        {...(backup === undefined ? {} : { backup })}
        {...(lowSpace === undefined ? {} : { lowSpace })}
        {...(exportStatus === undefined ? {} : { exportStatus })}
      />,
    );
  });
};
