// /admin/pages/:id/history: a fixed page's revisions, the difference between any two, and
// restoring one. The view, the diff and the revisions store are the reports' (shared).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { restorePageRevision } from '../../../actions/pages/restore-page-revision.js';
import { workflowState } from '../../../actions/pages/save-page.js';
import type { Page } from '../../../domain/page.js';
import { diffRevisions } from '../../../domain/report-diff.js';
import { canDo } from '../../../domain/report-workflow.js';
import { listRevisions } from '../../../actions/items/list-revisions.js';
import { readRevisionPair } from '../../../actions/items/read-revision-pair.js';
import { readPage } from '../../../actions/pages/read-page.js';
import { formField } from '../../admin/form-body.js';
import { withNotice } from '../../admin/notices.js';
import { adminPageContext, sendAdminPage } from '../../admin/page.js';
import type { WebDeps } from '../../deps.js';
import { formRefusalOf } from '../../errors.js';
import { ReportHistoryPage, type ReportHistoryPageProps } from '../../views/admin/report-history-page.js';
import { parseId, reportIdOf, sendRefusal } from './reports-shared.js';

const WRITER = { access: 'writer' } as const;

export const pageHistoryRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  async function sendHistory(
    request: FastifyRequest,
    reply: FastifyReply,
    stored: Page,
    pair: { from?: number; to?: number },
    problem?: string,
    status = 200,
    confirmId?: number,
  ) {
    const item = { kind: 'page', id: stored.id } as const;
    const revisions = await listRevisions(deps.ctx, item);
    let compared: ReportHistoryPageProps['compared'];
    if (pair.from !== undefined && pair.to !== undefined) {
      const [a, b] = pair.from <= pair.to ? [pair.from, pair.to] : [pair.to, pair.from];
      const [older, newer] = await readRevisionPair(deps.ctx, item, a, b);
      const summaryOf = (id: number) => revisions.find((r) => r.id === id)!;
      compared = { from: summaryOf(older.id), to: summaryOf(newer.id), diff: diffRevisions(older, newer) };
    }
    const page = await adminPageContext(deps, request, reply);
    const canRestore = canDo(request.admin!.actor, 'edit', workflowState(stored));
    return sendAdminPage(
      reply,
      <ReportHistoryPage
        page={page}
        report={stored}
        revisions={revisions}
        compared={compared}
        canRestore={canRestore}
        problem={problem}
        item={{ kind: 'page' }}
        isPublished={stored.status === 'published'}
        confirm={revisions.find((r) => r.id === confirmId)}
      />,
      status,
    );
  }

  app.get<{ Params: { id: string }; Querystring: Record<string, string | undefined> }>('/pages/:id/history', { config: WRITER }, async (request, reply) => {
    const stored = await readPage(deps.ctx, reportIdOf(request.params.id));
    return sendHistory(request, reply, stored, { from: parseId(request.query.from), to: parseId(request.query.to) });
  });

  app.post<{ Params: { id: string; revisionId: string } }>('/pages/:id/history/:revisionId/restore', { config: WRITER }, async (request, reply) => {
    const actor = request.admin!.actor;
    const id = reportIdOf(request.params.id);
    const stored = await readPage(deps.ctx, id);
    const revisionId = parseId(request.params.revisionId) ?? 0;
    const isPublished = stored.status === 'published';
    // A published page's restore changes the live page: a confirmation step first (no JS needed).
    if (isPublished && formField(request, 'confirmed') !== '1') return sendHistory(request, reply, stored, {}, undefined, 200, revisionId);
    try {
      await restorePageRevision(deps.ctx, actor, { pageId: id, revisionId, expectedVersion: parseId(formField(request, 'expectedVersion')) ?? 0 });
    } catch (error) {
      const refused = formRefusalOf(error, ['VALIDATION_FAILED', 'EDIT_CONFLICT']);
      if (refused?.code === 'VALIDATION_FAILED')
        return sendHistory(request, reply, stored, {}, `この版には戻せませんでした。${Object.values(refused.fields).join(' ')}`, refused.status);
      if (refused) {
        const problem = 'この履歴を開いたあとに、ほかの人がページを保存しました。最新の履歴を確認してから、もう一度戻してください。';
        return sendHistory(request, reply, await readPage(deps.ctx, id), {}, problem, refused.status);
      }
      return sendRefusal(deps, request, reply, error, undefined, 'page');
    }
    return reply.redirect(withNotice(`/admin/pages/${id}/edit`, isPublished ? 'revision-restored-live' : 'revision-restored'), 303);
  });
};
