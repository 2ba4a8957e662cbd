// /admin/audit (owner): the audit log, newest first; ?before=ID pages back.
import type { FastifyPluginAsync } from 'fastify';
import { AUDIT_FOLD_WINDOW_MS } from '../../../domain/audit-policy.js';
import { PageNotFoundError } from '../../../domain/errors.js';
import { listAuditEntries } from '../../../actions/site/list-audit-entries.js';
import { adminPageContext, sendAdminPage } from '../../admin/page.js';
import type { WebDeps } from '../../deps.js';
import { AuditPage } from '../../views/admin/audit-page.js';

const PER_PAGE = 50;

export const auditRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  app.get<{ Querystring: { before?: string } }>('/audit', { config: { access: 'owner' } }, async (request, reply) => {
    const beforeText = request.query.before;
    if (beforeText !== undefined && !/^[1-9][0-9]{0,15}$/.test(beforeText)) throw new PageNotFoundError(`audit before=${beforeText}`);
    const beforeId = beforeText === undefined ? undefined : Number(beforeText);
    // One more than shown tells whether an older page exists.
    const rows = await listAuditEntries(deps.ctx, { limit: PER_PAGE + 1, beforeId });
    if (beforeId !== undefined && rows.length === 0) throw new PageNotFoundError(`audit before=${beforeId}`);
    const shown = rows.slice(0, PER_PAGE);
    const olderHref = rows.length > PER_PAGE ? `/admin/audit?before=${shown[shown.length - 1]!.id}` : undefined;
    const page = await adminPageContext(deps, request, reply);
    const newestHref = beforeId === undefined ? undefined : '/admin/audit';
    const foldMinutes = AUDIT_FOLD_WINDOW_MS / 60_000;
    return sendAdminPage(
      reply,
      <AuditPage page={page} rows={shown} retentionDays={deps.auditRetentionDays} foldMinutes={foldMinutes} olderHref={olderHref} newestHref={newestHref} />,
    );
  });
};
