// /admin/reports/:id/history: the revisions of a report, the difference between any two,
// and restoring one (which saves its content as a new version).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { restoreRevision } from '../../../actions/reports/restore-revision.js';
import { diffRevisions } from '../../../domain/report-diff.js';
import { canDo } from '../../../domain/report-workflow.js';
import type { EditableReport } from '../../../domain/editable-report.js';
import { listRevisions } from '../../../actions/items/list-revisions.js';
import { readRevisionPair } from '../../../actions/items/read-revision-pair.js';
import { formField } from '../../admin/form-body.js';
import { withNotice } from '../../admin/notices.js';
import { adminPageContext, sendAdminPage } from '../../admin/page.js';
import type { WebDeps } from '../../deps.js';
import { formRefusalOf } from '../../errors.js';
import { ReportHistoryPage, type ReportHistoryPageProps } from '../../views/admin/report-history-page.js';
import { readViewableReport } from '../../../actions/reports/read-viewable-report.js';
import { parseId, reportIdOf, sendRefusal } from './reports-shared.js';

const WRITER = { access: 'writer' } as const;

export const reportHistoryRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  async function sendHistory(
    request: FastifyRequest,
    reply: FastifyReply,
    report: EditableReport,
    pair: { from?: number; to?: number },
    problem?: string,
    status = 200,
    confirmId?: number,
  ): Promise<FastifyReply> {
    const actor = request.admin!.actor;
    const revisions = await listRevisions(deps.ctx, { kind: 'report', id: report.id });
    let compared: ReportHistoryPageProps['compared'];
    if (pair.from !== undefined && pair.to !== undefined) {
      // Older first, whichever way round they were chosen.
      const [a, b] = pair.from <= pair.to ? [pair.from, pair.to] : [pair.to, pair.from];
      const [older, newer] = await readRevisionPair(deps.ctx, { kind: 'report', id: report.id }, a, b);
      const summaryOf = (id: number) => revisions.find((r) => r.id === id)!;
      compared = { from: summaryOf(older.id), to: summaryOf(newer.id), diff: diffRevisions(older, newer) };
    }
    const page = await adminPageContext(deps, request, reply);
    return sendAdminPage(
      reply,
      <ReportHistoryPage
        page={page}
        report={report}
        revisions={revisions}
        compared={compared}
        canRestore={canDo(actor, 'edit', report)}
        problem={problem}
        isPublished={report.status === 'published'}
        confirm={revisions.find((r) => r.id === confirmId)}
      />,
      status,
    );
  }

  app.get<{ Params: { id: string }; Querystring: Record<string, string | undefined> }>('/reports/:id/history', { config: WRITER }, async (request, reply) => {
    const id = reportIdOf(request.params.id);
    let report;
    try {
      report = await readViewableReport(deps.ctx, request.admin!.actor, id);
    } catch (error) {
      return sendRefusal(deps, request, reply, error, id);
    }
    const { from, to } = request.query;
    return sendHistory(request, reply, report, { from: parseId(from), to: parseId(to) });
  });

  app.post<{ Params: { id: string; revisionId: string } }>('/reports/:id/history/:revisionId/restore', { config: WRITER }, async (request, reply) => {
    const actor = request.admin!.actor;
    const id = reportIdOf(request.params.id);
    let report;
    try {
      report = await readViewableReport(deps.ctx, actor, id);
    } catch (error) {
      return sendRefusal(deps, request, reply, error, id);
    }
    const revisionId = parseId(request.params.revisionId) ?? 0;
    const isPublished = report.status === 'published';
    // A published report's restore changes the live page: a confirmation step first (no JS needed).
    if (isPublished && formField(request, 'confirmed') !== '1') return sendHistory(request, reply, report, {}, undefined, 200, revisionId);
    try {
      await restoreRevision(deps.ctx, actor, { reportId: id, revisionId, expectedVersion: parseId(formField(request, 'expectedVersion')) ?? 0 });
    } catch (error) {
      const refused = formRefusalOf(error, ['VALIDATION_FAILED', 'EDIT_CONFLICT']);
      if (refused?.code === 'VALIDATION_FAILED') {
        const problem = `この版には戻せませんでした。${Object.values(refused.fields).join(' ')}`;
        return sendHistory(request, reply, report, {}, problem, refused.status);
      }
      if (refused) {
        const problem = 'この履歴を開いたあとに、ほかの人が報告を保存しました。最新の履歴を確認してから、もう一度戻してください。';
        return sendHistory(request, reply, await readViewableReport(deps.ctx, actor, id), {}, problem, refused.status);
      }
      return sendRefusal(deps, request, reply, error, id);
    }
    return reply.redirect(withNotice(`/admin/reports/${id}/edit`, isPublished ? 'revision-restored-live' : 'revision-restored'), 303);
  });
};
