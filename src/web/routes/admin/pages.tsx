// /admin/pages: the fixed page list (tree order), the new and edit forms with their buttons
// (save, preview, publish, unpublish, trash, restore). Rules live in actions/pages/save-page.ts,
// actions/pages/page-transition.ts and the report workflow table; every POST is checked there.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { deletePagePermanently } from '../../../actions/pages/delete-page-permanently.js';
import { findConflictCause } from '../../../actions/items/find-conflict-cause.js';
import { transitionPage, type PageAction } from '../../../actions/pages/page-transition.js';
import { savePage, workflowState, type PageEditConflict, type SavedPage } from '../../../actions/pages/save-page.js';
import { formRefusalOf, UNAVAILABLE_CODES } from '../../errors.js';
import { PAGE_STATUSES, type Page, type PageFields } from '../../../domain/page.js';
import { pageTree } from '../../../domain/page-tree.js';
import { paths } from '../../../domain/paths.js';
import { allowedActions } from '../../../domain/report-workflow.js';
import type { Actor } from '../../../domain/user.js';
import { listPages } from '../../../actions/pages/list-pages.js';
import { readPage } from '../../../actions/pages/read-page.js';
import { formField } from '../../admin/form-body.js';
import { withNotice } from '../../admin/notices.js';
import { adminPageContext, sendAdminPage } from '../../admin/page.js';
import { keyForNewForm, newSubmissionKey, oncePerSubmissionKey, settleSubmission } from '../../admin/submission-key.js';
import type { WebDeps } from '../../deps.js';
import { EMPTY_PAGE_FORM, PageEditPage, type PageForm } from '../../views/admin/page-edit-page.js';
import { PageListPage } from '../../views/admin/page-list-page.js';
import { ReportDeletePage } from '../../views/admin/report-delete-page.js';
import { pageHistoryRoutes } from './pages-history.js';
import { itemAttachmentRoutes, loadAttachmentPanel, type AttachmentFailure } from './item-attachments.js';
import { loadAutosaveState, withRestored } from '../../admin/autosave-slot.js';
import { conflictAdvice, conflictHeading } from '../../admin/conflict-cause.js';
import { saveButtonLabel } from '../../views/admin/workflow-buttons.js';
import { FORM_BODY_LIMIT } from './form-limits.js';
import { assertAllowed, diskFullProblem, parseId, refusalOf, reportIdOf, sendRefusal } from './reports-shared.js';

const WRITER = { access: 'writer' } as const;
const OWNER = { access: 'owner' } as const;
const WRITER_FORM = { config: WRITER, bodyLimit: FORM_BODY_LIMIT } as const;
const PREVIEW_BUSY_MESSAGE = 'サーバーが混み合っているため、プレビューを表示できませんでした。入力した内容はそのままです。少し待ってから、もう一度お試しください。';

type Intent = 'save' | 'preview' | PageAction;
const INTENTS: readonly Intent[] = ['save', 'preview', 'publish', 'unpublish', 'trash', 'restore'];
/** Status changes that act on the page as stored, without saving the form. */
const WITHOUT_SAVE: readonly Intent[] = ['trash', 'restore'];
const NOTICE = {
  save: 'page-saved',
  preview: 'page-saved',
  publish: 'page-published',
  unpublish: 'page-unpublished',
  trash: 'page-trashed',
  restore: 'page-restored',
} as const;

function intentOf(request: FastifyRequest): Intent {
  const value = formField(request, 'intent');
  return (INTENTS as readonly string[]).includes(value) ? (value as Intent) : 'save';
}

function formFromRequest(request: FastifyRequest): PageForm {
  const form = { ...EMPTY_PAGE_FORM };
  for (const key of Object.keys(form) as (keyof PageForm)[]) form[key] = formField(request, key);
  return form;
}

function formFromPage(page: Page): PageForm {
  return {
    title: page.title,
    slug: page.slug,
    parentId: page.parentId === null ? '' : String(page.parentId),
    position: String(page.position),
    summary: page.summary,
    bodySource: page.bodySource,
    note: '',
    expectedVersion: String(page.version),
  };
}

/** The typed form as action input; a position that is not a number is left for the action to refuse. */
function fieldsOf(form: PageForm): PageFields {
  const position = form.position.trim() === '' ? 0 : Number(form.position.normalize('NFKC').trim());
  return {
    title: form.title,
    slug: form.slug,
    parentId: parseId(form.parentId) ?? null,
    position: Number.isNaN(position) ? -1 : position,
    summary: form.summary,
    bodySource: form.bodySource,
  };
}

export const pageAdminRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  /** The editor's form: a repeated submission key leads where the first post went (web/admin/submission-key.ts). */
  const writerOnce = { ...WRITER_FORM, ...oncePerSubmissionKey(deps) };
  async function sendEditPage(
    request: FastifyRequest,
    reply: FastifyReply,
    options: {
      stored?: Page;
      form?: PageForm;
      errors?: Record<string, string>;
      preview?: Awaited<ReturnType<typeof previewOf>>;
      problem?: string;
      status?: number;
      submissionKey?: string;
    } & Partial<AttachmentFailure>,
  ): Promise<FastifyReply> {
    const actor = request.admin!.actor;
    const [page, all] = await Promise.all([adminPageContext(deps, request, reply), listPages(deps.ctx)]);
    const canEdit = options.stored ? allowedActions(actor, workflowState(options.stored)).includes('edit') : true;
    const autosave = canEdit && !options.form ? await loadAutosaveState(deps, request, 'page', options.stored?.id, page.csrfToken) : {};
    const tree = pageTree(all);
    // A page cannot go under itself or its subtree: those are not offered (the action refuses them too).
    const own = options.stored && tree.find((e) => e.page.id === options.stored!.id);
    const parents = tree
      .filter((e) => e.page.status !== 'trashed' && !(own && e.slugs.length >= own.slugs.length && own.slugs.every((s, i) => e.slugs[i] === s)))
      .map((e) => ({ id: e.page.id, title: e.page.title, depth: e.depth }));
    const stored = options.stored && {
      id: options.stored.id,
      status: options.stored.status,
      version: options.stored.version,
      path: paths.page(own?.slugs ?? [options.stored.slug]),
    };
    const actions = allowedActions(actor, options.stored ? workflowState(options.stored) : { status: 'draft', authorId: actor.userId, submittedAt: null });
    const attachments =
      options.stored && actions.includes('edit')
        ? await loadAttachmentPanel(deps, { kind: 'page', id: options.stored.id }, page.csrfToken, {
            errors: options.errors,
            attachForm: options.attachForm,
            uploadForm: options.uploadForm,
          })
        : undefined;
    return sendAdminPage(
      reply,
      <PageEditPage
        page={page}
        stored={stored}
        form={options.form ?? withRestored(options.stored ? formFromPage(options.stored) : EMPTY_PAGE_FORM, autosave.restored)}
        autosave={autosave}
        draftScriptHref={canEdit ? deps.assets.editorDraftJs.path : undefined}
        errors={options.errors ?? {}}
        actions={options.stored ? actions : actions.filter((a) => a === 'edit')}
        parents={parents}
        preview={options.preview}
        problem={options.problem}
        attachments={attachments}
        scriptHref={deps.assets.adminEditorJs.path}
        submissionKey={options.submissionKey ?? newSubmissionKey()}
      />,
      options.status ?? 200,
    );
  }

  async function previewOf(bodySource: string) {
    return (await deps.ctx.work.run('preview', { bodySource })).html;
  }

  /** The form again with the body rendered below it; nothing saved. */
  async function sendPreview(request: FastifyRequest, reply: FastifyReply, form: PageForm, stored?: Page) {
    try {
      return await sendEditPage(request, reply, { stored, form, preview: await previewOf(form.bodySource) });
    } catch (error) {
      const refused = formRefusalOf(error, ['VALIDATION_FAILED', ...UNAVAILABLE_CODES]);
      if (!refused) throw error;
      if (refused.code === 'VALIDATION_FAILED') return sendEditPage(request, reply, { stored, form, errors: refused.fields, status: refused.status });
      reply.header('Retry-After', String(refused.retryAfterSeconds));
      return sendEditPage(request, reply, { stored, form, problem: PREVIEW_BUSY_MESSAGE, status: refused.status });
    }
  }

  app.get('/pages', { config: WRITER }, async (request, reply) => {
    const asked = (request.query as Record<string, unknown>).status;
    const status = PAGE_STATUSES.find((s) => s === asked);
    const [page, all] = await Promise.all([adminPageContext(deps, request, reply), listPages(deps.ctx)]);
    const counts = { draft: 0, published: 0, trashed: 0 };
    for (const p of all) counts[p.status] += 1;
    const items = pageTree(all)
      .filter((e) => (status === undefined ? e.page.status !== 'trashed' : e.page.status === status))
      .map((e) => ({ id: e.page.id, title: e.page.title, depth: e.depth, status: e.page.status, path: paths.page(e.slugs), position: e.page.position }));
    return sendAdminPage(reply, <PageListPage page={page} items={items} status={status} counts={counts} />);
  });

  app.get('/pages/new', { config: WRITER }, async (request, reply) => {
    const { key, sentTo } = await keyForNewForm(deps, request);
    if (sentTo) return reply.redirect(withNotice(sentTo, 'form-already-sent'), 303);
    return sendEditPage(request, reply, { submissionKey: key });
  });

  app.post('/pages/new', writerOnce, async (request, reply) => {
    const actor = request.admin!.actor;
    const form = formFromRequest(request);
    const intent = intentOf(request);
    if (intent === 'preview') return sendPreview(request, reply, form);
    // A button this user does not have (a writer's forged 公開する): refused before anything is written.
    const refusal = intent === 'publish' ? refusalOf(actor, 'publish', { status: 'draft', authorId: actor.userId, submittedAt: null }) : undefined;
    if (refusal) return sendRefusal(deps, request, reply, refusal, undefined, 'page');
    const saved = await saveForm(request, reply, form);
    // A new page is saved as a draft first; 公開する then publishes it (if the user may).
    return saved ? finish(request, reply, actor, intent === 'publish' ? 'publish' : 'save', saved.id, saved, form) : reply;
  });

  app.get<{ Params: { id: string } }>('/pages/:id/edit', { config: WRITER }, async (request, reply) => {
    const stored = await readPage(deps.ctx, reportIdOf(request.params.id));
    return sendEditPage(request, reply, { stored });
  });

  app.post<{ Params: { id: string } }>('/pages/:id/edit', writerOnce, async (request, reply) => {
    const actor = request.admin!.actor;
    const id = reportIdOf(request.params.id);
    const form = formFromRequest(request);
    const intent = intentOf(request);
    const stored = await readPage(deps.ctx, id);
    if (intent === 'preview') return sendPreview(request, reply, form, stored);
    const expectedVersion = parseId(form.expectedVersion) ?? 0;
    if (WITHOUT_SAVE.includes(intent)) return finish(request, reply, actor, intent, id, undefined, form, expectedVersion);
    const saved = await saveForm(request, reply, form, stored);
    return saved ? finish(request, reply, actor, intent, id, saved, form) : reply;
  });

  /**
   * The form's text saved (a new draft without `stored`); undefined when the form was sent
   * back instead: with its errors, the conflict, or a full disk. `problem` is put before the
   * form's own message (the save-and-attach button: the file was not stored).
   */
  async function saveForm(request: FastifyRequest, reply: FastifyReply, form: PageForm, stored?: Page, problem?: string): Promise<SavedPage | undefined> {
    const actor = request.admin!.actor;
    const expectedVersion = parseId(form.expectedVersion) ?? 0;
    const withProblem = (text?: string) => [problem, text].filter(Boolean).join(' ') || undefined;
    try {
      const saved = await savePage(deps.ctx, actor, { ...fieldsOf(form), ...(stored ? { pageId: stored.id, expectedVersion } : {}), note: form.note });
      // Saved: whatever the post meets next, its key now leads here (a repeat makes no second draft).
      settleSubmission(request, `/admin/pages/${saved.id}/edit`);
      return saved;
    } catch (error) {
      const refused = formRefusalOf(error, ['VALIDATION_FAILED', 'EDIT_CONFLICT']);
      if (refused?.code === 'VALIDATION_FAILED') await sendEditPage(request, reply, { stored, form, errors: refused.fields, problem, status: refused.status });
      else if (refused && stored) {
        const current = await readPage(deps.ctx, stored.id);
        const { refusedRevisionId } = refused.details as PageEditConflict;
        const cause = await findConflictCause(deps.ctx.db, actor, { kind: 'page', id: stored.id }, refusedRevisionId);
        const conflict = `${conflictHeading(cause, 'page')}。${conflictAdvice(saveButtonLabel(current.status === 'published'), 'page')}`;
        await sendEditPage(request, reply, {
          stored: current,
          form: { ...form, expectedVersion: String(current.version) },
          problem: withProblem(conflict),
          status: refused.status,
        });
      } else {
        const full = diskFullProblem(request, error);
        if (full) await sendEditPage(request, reply, { stored, form, problem: withProblem(full.message), status: full.status });
        else await sendRefusal(deps, request, reply, error, undefined, 'page');
      }
      return undefined;
    }
  }

  /** After the text is saved (or instead, for trash/restore): the status change, then 303 to the edit page with its notice. */
  async function finish(
    request: FastifyRequest,
    reply: FastifyReply,
    actor: Actor,
    intent: Intent,
    id: number,
    saved: SavedPage | undefined,
    form: PageForm,
    expectedVersion?: number,
  ) {
    if (intent !== 'save' && intent !== 'preview') {
      try {
        await transitionPage(deps.ctx, actor, intent, { pageId: id, expectedVersion: saved?.version ?? expectedVersion });
      } catch (error) {
        const stored = await readPage(deps.ctx, id);
        const problem = saved?.isChanged ? '入力した内容は保存しましたが、次の理由で操作できませんでした。' : undefined;
        const refused = formRefusalOf(error, ['VALIDATION_FAILED', 'EDIT_CONFLICT']);
        if (refused?.code === 'VALIDATION_FAILED') {
          return sendEditPage(request, reply, {
            stored,
            form: { ...form, expectedVersion: String(stored.version) },
            errors: refused.fields,
            problem,
            status: refused.status,
          });
        }
        if (refused) return sendEditPage(request, reply, { stored, problem: refused.message, status: refused.status });
        const full = diskFullProblem(request, error);
        // The form again as typed, from the version now stored, so pressing the button again works.
        if (full)
          return sendEditPage(request, reply, {
            stored,
            form: { ...form, expectedVersion: String(stored.version) },
            problem: `${problem ?? ''}${full.message}`,
            status: full.status,
          });
        return sendRefusal(deps, request, reply, error, undefined, 'page');
      }
    }
    return reply.redirect(withNotice(`/admin/pages/${id}/edit`, NOTICE[intent]), 303);
  }

  app.get<{ Params: { id: string } }>('/pages/:id/delete', { config: OWNER }, async (request, reply) => {
    const stored = await readPage(deps.ctx, reportIdOf(request.params.id));
    try {
      assertAllowed(request.admin!.actor, 'delete', workflowState(stored));
    } catch (error) {
      return sendRefusal(deps, request, reply, error, undefined, 'page');
    }
    const page = await adminPageContext(deps, request, reply);
    return sendAdminPage(reply, <ReportDeletePage page={page} report={stored} kind="page" />);
  });

  app.post<{ Params: { id: string } }>('/pages/:id/delete', { config: OWNER }, async (request, reply) => {
    const id = reportIdOf(request.params.id);
    try {
      await deletePagePermanently(deps.ctx, request.admin!.actor, id);
    } catch (error) {
      const refused = formRefusalOf(error);
      if (refused) return sendEditPage(request, reply, { stored: await readPage(deps.ctx, id), errors: refused.fields, status: refused.status });
      return sendRefusal(deps, request, reply, error, undefined, 'page');
    }
    return reply.redirect(withNotice('/admin/pages', 'page-deleted'), 303);
  });

  await app.register(pageHistoryRoutes, { deps });
  const attachmentRoutes = itemAttachmentRoutes({
    kind: 'page',
    loadEditable: async (request, id) => {
      const stored = await readPage(deps.ctx, id);
      assertAllowed(request.admin!.actor, 'edit', workflowState(stored));
      return stored;
    },
    sendEditPage: (request, reply, stored, failure) => sendEditPage(request, reply, { stored, status: 422, ...failure }),
    saveForm: async (request, reply, id, problem) =>
      (await saveForm(request, reply, formFromRequest(request), id === undefined ? undefined : await readPage(deps.ctx, id), problem))?.id,
    sendRefusal: (request, reply, error, id) => sendRefusal(deps, request, reply, error, id, 'page'),
  });
  await app.register(attachmentRoutes, { deps });
};
