// /admin/reports: the list, the new-report and edit forms with their buttons (save, review,
// publish, schedule, unpublish, trash, restore), preview, and the permanent delete with its
// confirmation. Rules live in the actions and domain/report-workflow.ts; the buttons a page
// shows are only a convenience, every POST is checked again here and by the action.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import { applyToReports } from '../../../actions/reports/apply-to-reports.js';
import { deleteReportPermanently } from '../../../actions/reports/delete-report-permanently.js';
import { publishReport } from '../../../actions/reports/publish-report.js';
import type { TransitionResult } from '../../../actions/reports/report-transition.js';
import { restoreReport } from '../../../actions/reports/restore-report.js';
import { saveReport, type SavedReport } from '../../../actions/reports/save-report.js';
import { scheduleReport } from '../../../actions/reports/schedule-report.js';
import { submitForReview } from '../../../actions/reports/submit-for-review.js';
import { trashReport } from '../../../actions/reports/trash-report.js';
import { unpublishReport } from '../../../actions/reports/unpublish-report.js';
import { withdrawSubmission } from '../../../actions/reports/withdraw-submission.js';
import { formRefusalOf, UNAVAILABLE_CODES } from '../../errors.js';
import { bulkActionsFor, isBulkAction } from '../../../domain/report-bulk.js';
import type { ReportAction } from '../../../domain/report-workflow.js';
import type { EditConflict } from '../../../domain/revision.js';
import type { Actor } from '../../../domain/user.js';
import { listAttachments } from '../../../actions/items/list-attachments.js';
import { countAdminReports } from '../../../actions/reports/count-admin-reports.js';
import { listAdminReports } from '../../../actions/reports/list-admin-reports.js';
import { listCategories } from '../../../actions/reports/list-categories.js';
import { readEditableReport } from '../../../actions/reports/read-editable-report.js';
import { readViewableReport } from '../../../actions/reports/read-viewable-report.js';
import { listUsers } from '../../../actions/users/list-users.js';
import { ADMIN_STATUSES, type EditableReport } from '../../../domain/editable-report.js';
import type { Attachment } from '../../../domain/report.js';
import type { ItemKind } from '../../../domain/item-ref.js';
import { formField, formPairs, shortRawField } from '../../admin/form-body.js';
import { withNotice, type NOTICES } from '../../admin/notices.js';
import { adminPageContext, sendAdminPage } from '../../admin/page.js';
import { keyForNewForm, oncePerSubmissionKey, settleSubmission } from '../../admin/submission-key.js';
import { PREVIEW_IN_FLIGHT_MESSAGE, PREVIEW_RETRY_AFTER_SECONDS, PreviewGate } from '../../admin/preview-gate.js';
import type { WebDeps } from '../../deps.js';
import { PreviewContent } from '../../views/admin/body-preview.js';
import { ReportDeletePage } from '../../views/admin/report-delete-page.js';
import type { ReportForm } from '../../views/admin/report-edit-page.js';
import { ReportBulkResultPage } from '../../views/admin/report-bulk-result-page.js';
import { ReportListPage, type ReportListQuery } from '../../views/admin/report-list-page.js';
import { itemAttachmentRoutes } from './item-attachments.js';
import { FORM_BODY_LIMIT } from './form-limits.js';
import { reportHistoryRoutes } from './reports-history.js';
import {
  actionsForNew,
  assertAllowed,
  diskFullProblem,
  fieldsOf,
  formFromRequest,
  newReportState,
  parseId,
  refusalOf,
  reportIdOf,
  sendEditPage,
  sendRefusal,
} from './reports-shared.js';

const WRITER = { access: 'writer' } as const;
const OWNER = { access: 'owner' } as const;
const PER_PAGE = 20;
const WRITER_FORM = { config: WRITER, bodyLimit: FORM_BODY_LIMIT } as const;
/**
 * The live preview posts the body alone: 200,000 characters of 3-byte UTF-8 are 1.8 MB
 * URL-encoded, so 2 MiB holds any body that saving accepts and refuses (413) far longer ones
 * before they are read.
 */
const PREVIEW_BODY_LIMIT = 2 * 1024 * 1024;
const PREVIEW_BUSY_MESSAGE = 'サーバーが混み合っているため、プレビューを表示できませんでした。入力した内容はそのままです。少し待ってから、もう一度お試しください。';

/** What each button does after (or instead of) saving the text. */
type Intent = 'save' | 'preview' | Exclude<ReportAction, 'edit' | 'delete'>;
const INTENTS: readonly Intent[] = ['save', 'preview', 'submit', 'withdraw', 'publish', 'schedule', 'unpublish', 'trash', 'restore'];
/** Status changes that act on the report as stored, without saving the form. */
const WITHOUT_SAVE: readonly Intent[] = ['trash', 'restore'];

type NoticeCode = keyof typeof NOTICES;

function intentOf(request: FastifyRequest): Intent {
  const value = formField(request, 'intent');
  return (INTENTS as readonly string[]).includes(value) ? (value as Intent) : 'save';
}

async function transition(
  deps: WebDeps,
  actor: Actor,
  intent: Intent,
  reportId: number,
  expectedVersion: number,
  form: ReportForm,
): Promise<TransitionResult | undefined> {
  const request = { reportId, expectedVersion };
  switch (intent) {
    case 'submit':
      return submitForReview(deps.ctx, actor, request);
    case 'withdraw':
      return withdrawSubmission(deps.ctx, actor, request);
    case 'publish':
      return publishReport(deps.ctx, actor, request);
    case 'schedule':
      return scheduleReport(deps.ctx, actor, { ...request, publishAt: form.scheduledAt });
    case 'unpublish':
      return unpublishReport(deps.ctx, actor, request);
    case 'trash':
      return trashReport(deps.ctx, actor, request);
    case 'restore':
      return restoreReport(deps.ctx, actor, request);
    default:
      return undefined;
  }
}

function noticeFor(intent: Intent, saved: SavedReport | undefined, wasPublished: boolean): NoticeCode {
  switch (intent) {
    case 'submit':
      return 'report-submitted';
    case 'withdraw':
      return 'report-withdrawn';
    case 'publish':
      return 'report-published';
    case 'schedule':
      return 'report-scheduled';
    case 'unpublish':
      return 'report-unpublished';
    case 'trash':
      return 'report-trashed';
    case 'restore':
      return 'report-restored';
    default:
      if (saved && !saved.isChanged) return 'report-unchanged';
      return wasPublished ? 'report-saved-live' : 'report-saved';
  }
}

/**
 * The live preview's `item` (`report:5`, `page:2`): that stored item's attachments, listed
 * under the body as published; none for a report the actor may not open (a writer's are their own).
 */
async function previewAttachments(deps: WebDeps, actor: Actor, item: string): Promise<Attachment[]> {
  const match = /^(report|page):([1-9][0-9]{0,15})$/.exec(item);
  if (!match) return [];
  const ref = { kind: match[1] as ItemKind, id: Number(match[2]) };
  if (ref.kind === 'report') {
    try {
      await readViewableReport(deps.ctx, actor, ref.id);
    } catch {
      return [];
    }
  }
  return listAttachments(deps.ctx, ref);
}

function listQueryOf(request: FastifyRequest, actor: Actor): { query: ReportListQuery; page: number } {
  const q = request.query as Record<string, unknown>;
  const text = (name: string) => (typeof q[name] === 'string' ? (q[name] as string) : '');
  const status = ADMIN_STATUSES.find((s) => s === text('status'));
  // Writers see only their own reports, whatever the address says.
  const authorId = actor.role === 'writer' ? actor.userId : parseId(text('author'));
  return {
    query: { status, categoryId: parseId(text('category')), authorId, text: text('q').slice(0, 200) },
    page: parseId(text('page')) ?? 1,
  };
}

export const reportRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  /** One preview per account at a time, live or by the プレビュー button (admin/preview-gate.ts). */
  const previewGate = new PreviewGate();
  /** The editor's form: a repeated submission key leads where the first post went (web/admin/submission-key.ts). */
  const writerOnce = { ...WRITER_FORM, ...oncePerSubmissionKey(deps) };
  app.get('/reports', { config: WRITER }, async (request, reply) => {
    const actor = request.admin!.actor;
    const { query, page: pageNumber } = listQueryOf(request, actor);
    const filter = { status: query.status, categoryId: query.categoryId, authorId: query.authorId, text: query.text };
    const list = await listAdminReports(deps.ctx, filter, { offset: (pageNumber - 1) * PER_PAGE, limit: PER_PAGE });
    const pageCount = Math.max(1, Math.ceil(list.total / PER_PAGE));
    const [counts, categories, users, page] = await Promise.all([
      countAdminReports(deps.ctx, actor),
      listCategories(deps.ctx),
      actor.role === 'writer' ? Promise.resolve([]) : listUsers(deps.ctx),
      adminPageContext(deps, request, reply),
    ]);
    const authors = users.map((u) => ({ id: u.id, name: u.displayName || u.login }));
    const status = pageNumber > pageCount ? 404 : 200;
    return sendAdminPage(
      reply,
      <ReportListPage
        page={page}
        query={query}
        items={list.items}
        total={list.total}
        pageNumber={pageNumber}
        pageCount={pageCount}
        counts={counts}
        categories={categories}
        authors={authors}
        canCreate
        bulkActions={bulkActionsFor(actor.role)}
      />,
      status,
    );
  });

  // Several reports at once, each through its own action (actions/reports/apply-to-reports.ts).
  app.post('/reports/bulk', { config: WRITER }, async (request, reply) => {
    const actor = request.admin!.actor;
    const action = formField(request, 'bulkAction');
    const returnTo = formField(request, 'returnTo');
    const listPath = /^\/admin\/reports(\?[^#]*)?$/.test(returnTo) ? returnTo : '/admin/reports';
    if (!isBulkAction(action) || !bulkActionsFor(actor.role).includes(action)) return reply.redirect(listPath, 303);
    const ids = formPairs(request)
      .filter(([name]) => name === 'ids')
      .map(([, value]) => parseId(value))
      .filter((id): id is number => id !== undefined);
    const categoryId = parseId(formField(request, 'categoryId')) ?? null;
    const outcome = await applyToReports(deps.ctx, actor, { reportIds: ids, action, categoryId }, (id) => readViewableReport(deps.ctx, actor, id));
    const page = await adminPageContext(deps, request, reply);
    return sendAdminPage(reply, <ReportBulkResultPage page={page} action={action} done={outcome.done} refused={outcome.refused} returnTo={listPath} />);
  });

  app.get('/reports/new', { config: WRITER }, async (request, reply) => {
    const { key, sentTo } = await keyForNewForm(deps, request);
    if (sentTo) return reply.redirect(withNotice(sentTo, 'form-already-sent'), 303);
    return sendEditPage(deps, request, reply, { submissionKey: key });
  });

  app.post('/reports/new', writerOnce, async (request, reply) => {
    const actor = request.admin!.actor;
    const form = formFromRequest(request);
    let intent = intentOf(request);
    if (intent === 'preview') return sendPreviewPage(request, reply, form);
    if (intent !== 'save' && !actionsForNew(actor).includes(intent)) {
      // A button this user does not have (a writer's forged 公開する): refused before anything is written.
      const refusal = refusalOf(actor, intent, newReportState(actor));
      if (refusal) return sendRefusal(deps, request, reply, refusal);
      intent = 'save';
    }
    const saved = await saveForm(request, reply, form);
    return saved ? finish(request, reply, actor, intent, saved.id, saved, false, form) : reply;
  });

  app.get<{ Params: { id: string } }>('/reports/:id/edit', { config: WRITER }, async (request, reply) => {
    try {
      const report = await readViewableReport(deps.ctx, request.admin!.actor, reportIdOf(request.params.id));
      return await sendEditPage(deps, request, reply, { report });
    } catch (error) {
      return sendRefusal(deps, request, reply, error);
    }
  });

  app.post<{ Params: { id: string } }>('/reports/:id/edit', writerOnce, async (request, reply) => {
    const actor = request.admin!.actor;
    const id = reportIdOf(request.params.id);
    const form = formFromRequest(request);
    const intent = intentOf(request);
    let report;
    try {
      report = await readViewableReport(deps.ctx, actor, id);
      if (intent === 'preview') return await sendPreviewPage(request, reply, form, report);
      assertAllowed(actor, intent === 'save' ? 'edit' : intent, report);
    } catch (error) {
      return sendRefusal(deps, request, reply, error, id);
    }
    const expectedVersion = parseId(form.expectedVersion) ?? 0;
    if (WITHOUT_SAVE.includes(intent)) return finish(request, reply, actor, intent, id, undefined, report.status === 'published', form, expectedVersion);
    const saved = await saveForm(request, reply, form, report);
    return saved ? finish(request, reply, actor, intent, id, saved, report.status === 'published', form) : reply;
  });

  /**
   * The form's text saved (a new draft without `report`); undefined when the form was sent
   * back instead: with its errors, or the conflict with the stored version. `problem` is
   * shown above it (the save-and-attach button: the file was not stored).
   */
  async function saveForm(request: FastifyRequest, reply: FastifyReply, form: ReportForm, report?: EditableReport, problem?: string): Promise<SavedReport | undefined> {
    const actor = request.admin!.actor;
    const expectedVersion = parseId(form.expectedVersion) ?? 0;
    try {
      const saved = await saveReport(deps.ctx, actor, { ...fieldsOf(form), ...(report ? { reportId: report.id, expectedVersion } : {}), note: form.note });
      // Saved: whatever the post meets next, its key now leads here (a repeat makes no second draft).
      settleSubmission(request, `/admin/reports/${saved.id}/edit`);
      return saved;
    } catch (error) {
      const refused = formRefusalOf(error, ['VALIDATION_FAILED', 'EDIT_CONFLICT']);
      if (refused?.code === 'VALIDATION_FAILED') await sendEditPage(deps, request, reply, { report, form, errors: refused.fields, problem, status: refused.status });
      else if (refused && report) {
        const conflict = refused.details as EditConflict;
        const current = await readEditableReport(deps.ctx, report.id);
        await sendEditPage(deps, request, reply, {
          report: current,
          form: { ...form, expectedVersion: String(conflict.current.version) },
          conflict,
          problem,
          status: refused.status,
        });
      } else {
        const full = diskFullProblem(request, error);
        if (full) await sendEditPage(deps, request, reply, { report, form, problem: full.message, status: full.status });
        else await sendRefusal(deps, request, reply, error, report?.id);
      }
      return undefined;
    }
  }

  /**
   * After the text is saved (or for trash/restore, instead): the status change the button
   * asked for, then 303 to the edit page with its notice. A refused change re-renders the
   * page, saying that the text itself was saved.
   */
  async function finish(
    request: FastifyRequest,
    reply: FastifyReply,
    actor: Actor,
    intent: Intent,
    id: number,
    saved: SavedReport | undefined,
    wasPublished: boolean,
    form: ReportForm,
    expectedVersion?: number,
  ): Promise<FastifyReply> {
    let moved: TransitionResult | undefined;
    try {
      moved = await transition(deps, actor, intent, id, saved?.version ?? expectedVersion ?? 0, form);
    } catch (error) {
      const isSaved = saved !== undefined && saved.isChanged;
      const report = await readEditableReport(deps.ctx, id);
      const problem = isSaved ? '入力した内容は保存しましたが、次の理由で操作できませんでした。' : undefined;
      const refused = formRefusalOf(error, ['VALIDATION_FAILED', 'EDIT_CONFLICT']);
      if (refused?.code === 'VALIDATION_FAILED') {
        return sendEditPage(deps, request, reply, {
          report,
          form: { ...form, expectedVersion: String(report.version) },
          errors: refused.fields,
          problem,
          status: refused.status,
        });
      }
      if (refused) return sendEditPage(deps, request, reply, { report, problem: refused.message, status: refused.status });
      const full = diskFullProblem(request, error);
      if (full) {
        // The form again as typed, from the version now stored, so pressing the button again works.
        return sendEditPage(deps, request, reply, {
          report,
          form: { ...form, expectedVersion: String(report.version) },
          problem: `${problem ?? ''}${full.message}`,
          status: full.status,
        });
      }
      return sendRefusal(deps, request, reply, error, id);
    }
    const isNowPublished = moved ? moved.status === 'published' : wasPublished;
    return reply.redirect(withNotice(`/admin/reports/${id}/edit`, noticeFor(intent, saved, isNowPublished)), 303);
  }

  /**
   * The form again with the body rendered below it, as the public page would show it;
   * nothing saved. Rendering runs in the work pool; a body saving would refuse is refused
   * here with save's message, beside the field.
   */
  async function sendPreviewPage(request: FastifyRequest, reply: FastifyReply, form: ReportForm, report?: EditableReport) {
    const userId = request.admin!.user.id;
    if (!previewGate.enter(userId, request)) {
      reply.header('Retry-After', String(PREVIEW_RETRY_AFTER_SECONDS));
      return sendEditPage(deps, request, reply, { report, form, problem: PREVIEW_IN_FLIGHT_MESSAGE, status: 429 });
    }
    try {
      const { html } = await deps.ctx.work.run('preview', { bodySource: form.bodySource });
      return await sendEditPage(deps, request, reply, { report, form, preview: html });
    } catch (error) {
      const refused = formRefusalOf(error, ['VALIDATION_FAILED', ...UNAVAILABLE_CODES]);
      if (!refused) throw error;
      if (refused.code === 'VALIDATION_FAILED') return sendEditPage(deps, request, reply, { report, form, errors: refused.fields, status: refused.status });
      // A full pool: the form again with what was typed, rather than an error page that loses it.
      reply.header('Retry-After', String(refused.retryAfterSeconds));
      return sendEditPage(deps, request, reply, { report, form, problem: PREVIEW_BUSY_MESSAGE, status: refused.status });
    } finally {
      previewGate.leave(userId, request);
    }
  }

  // The live preview's fragment: the same renderer and the same wrapper as the public page,
  // or (422) save's message for a body it would refuse. At most one per account at a time
  // (admin/preview-gate.ts): a second is refused before its body is read. The form is not
  // decoded here but on the worker (task previewForm): its own context keeps it as bytes.
  // Only the short CSRF field is read here (the body may carry it instead of the header).
  const rawForms = new WeakMap<FastifyRequest, Buffer>();
  await app.register(async (raw) => {
    raw.removeContentTypeParser('application/x-www-form-urlencoded');
    raw.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (request, body, done) => {
      rawForms.set(request, body as Buffer);
      done(null, { _csrf: shortRawField(body as Buffer, '_csrf'), item: shortRawField(body as Buffer, 'item') });
    });
    raw.post('/preview', { config: WRITER, bodyLimit: PREVIEW_BODY_LIMIT, ...previewGate.hooks() }, async (request, reply) => {
      const html = reply.type('text/html; charset=utf-8');
      const form = rawForms.get(request) ?? Buffer.alloc(0);
      try {
        const [preview, attachments] = await Promise.all([
          deps.ctx.work.run('previewForm', { form }),
          previewAttachments(deps, request.admin!.actor, formField(request, 'item')),
        ]);
        return html.send(renderToString(<PreviewContent html={preview.html} attachments={attachments} />));
      } catch (error) {
        const refused = formRefusalOf(error);
        if (!refused) throw error;
        return html.code(refused.status).send(
          renderToString(
            <p class="field-error" role="alert">
              {Object.values(refused.fields).join(' ')}
            </p>,
          ),
        );
      }
    });
  });

  app.get<{ Params: { id: string } }>('/reports/:id/delete', { config: OWNER }, async (request, reply) => {
    const id = reportIdOf(request.params.id);
    try {
      const report = await readEditableReport(deps.ctx, id);
      assertAllowed(request.admin!.actor, 'delete', report);
      const page = await adminPageContext(deps, request, reply);
      return await sendAdminPage(reply, <ReportDeletePage page={page} report={report} />);
    } catch (error) {
      return sendRefusal(deps, request, reply, error, id);
    }
  });

  app.post<{ Params: { id: string } }>('/reports/:id/delete', { config: OWNER }, async (request, reply) => {
    const id = reportIdOf(request.params.id);
    try {
      await deleteReportPermanently(deps.ctx, request.admin!.actor, id);
    } catch (error) {
      return sendRefusal(deps, request, reply, error, id);
    }
    return reply.redirect(withNotice('/admin/reports?status=trashed', 'report-deleted'), 303);
  });

  await app.register(reportHistoryRoutes, { deps });
  const attachmentRoutes = itemAttachmentRoutes({
    kind: 'report',
    loadEditable: async (request, id) => {
      const report = await readViewableReport(deps.ctx, request.admin!.actor, id);
      assertAllowed(request.admin!.actor, 'edit', report);
      return report;
    },
    sendEditPage: (request, reply, report, failure) => sendEditPage(deps, request, reply, { report, status: 422, ...failure }),
    sendRefusal: (request, reply, error, id) => sendRefusal(deps, request, reply, error, id),
    saveForm: async (request, reply, id, problem) => {
      const report = id === undefined ? undefined : await readViewableReport(deps.ctx, request.admin!.actor, id);
      return (await saveForm(request, reply, formFromRequest(request), report, problem))?.id;
    },
  });
  await app.register(attachmentRoutes, { deps });
};
