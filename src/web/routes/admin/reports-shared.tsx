// What the report routes share: ids from the URL, the form as typed and as the save action
// wants it, and the edit page with everything around the form.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findConflictCause } from '../../../actions/items/find-conflict-cause.js';
import type { ReportFields } from '../../../actions/reports/save-report.js';
import { ForbiddenError, ReportNotFoundError, ReportStateError } from '../../../domain/errors.js';
import type { ItemKind } from '../../../domain/item-ref.js';
import { japanLocalMinuteOf } from '../../../domain/japan-time.js';
import { diffRevisions } from '../../../domain/report-diff.js';
import { splitTags } from '../../../domain/report-rules.js';
import { allowedActions, workflowRefusal, type ReportAction, type WorkflowState } from '../../../domain/report-workflow.js';
import type { EditConflict } from '../../../domain/revision.js';
import type { TrustedHtml } from '../../../domain/trusted-html.js';
import type { Actor } from '../../../domain/user.js';
import { listCategories } from '../../../actions/reports/list-categories.js';
import type { EditableReport } from '../../../domain/editable-report.js';
import { formField } from '../../admin/form-body.js';
import { loadAutosaveState, withRestored } from '../../admin/autosave-slot.js';
import { conflictAdvice, conflictHeading } from '../../admin/conflict-cause.js';
import { adminPageContext, sendAdminPage } from '../../admin/page.js';
import { newSubmissionKey } from '../../admin/submission-key.js';
import type { WebDeps } from '../../deps.js';
import { formRefusalOf } from '../../errors.js';
import type { FieldErrors } from '../../views/admin/form.js';
import type { AttachmentForm } from '../../views/admin/report-attachments.js';
import { loadAttachmentPanel } from './item-attachments.js';
import { loadRecordPanel, type RecordPanelShown } from './reports-record.js';
import { EMPTY_REPORT_FORM, ReportEditPage, type ReportConflict, type ReportForm } from '../../views/admin/report-edit-page.js';
import { ReportRefusalPage } from '../../views/admin/report-refusal-page.js';
import { saveButtonLabel } from '../../views/admin/workflow-buttons.js';

/** A numeric id from the URL; anything else is a report (or revision, media) nobody has. */
export function parseId(text: string | undefined): number | undefined {
  return text !== undefined && /^[1-9][0-9]{0,15}$/.test(text) ? Number(text) : undefined;
}

export function reportIdOf(text: string): number {
  const id = parseId(text);
  if (id === undefined) throw new ReportNotFoundError(text);
  return id;
}

const FORM_FIELDS = ['title', 'activityDate', 'categoryId', 'tags', 'slug', 'summary', 'bodySource', 'note', 'scheduledAt', 'expectedVersion'] as const;

export function formFromRequest(request: FastifyRequest): ReportForm {
  return Object.fromEntries(FORM_FIELDS.map((name) => [name, formField(request, name)])) as unknown as ReportForm;
}

export function formFromReport(report: EditableReport): ReportForm {
  return {
    title: report.title,
    activityDate: report.activityDate,
    categoryId: report.category ? String(report.category.id) : '',
    tags: report.tags.join('、'),
    slug: report.slug,
    summary: report.summary,
    bodySource: report.bodySource,
    note: '',
    scheduledAt: report.scheduledAt ? japanLocalMinuteOf(report.scheduledAt) : '',
    expectedVersion: String(report.version),
  };
}

export function fieldsOf(form: ReportForm): ReportFields {
  const category = form.categoryId.trim();
  return {
    title: form.title,
    activityDate: form.activityDate,
    // An id that is not a number names no category: the action says so at the field.
    categoryId: category === '' ? null : (parseId(category) ?? -1),
    tags: splitTags(form.tags),
    slug: form.slug,
    summary: form.summary,
    bodySource: form.bodySource,
  };
}

/** Actions that exist only for a stored report. */
const STORED_ONLY: readonly ReportAction[] = ['withdraw', 'unpublish', 'trash', 'restore', 'delete'];

/** What the actor may do to a report not yet written: what they may do to their own fresh draft. */
export function actionsForNew(actor: Actor): ReportAction[] {
  return allowedActions(actor, newReportState(actor)).filter((a) => !STORED_ONLY.includes(a));
}

/** The 403 or 409 page for an action the rules refuse on a report (or a page: `item`); other errors are thrown on. */
export async function sendRefusal(
  deps: WebDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
  id?: number,
  item: ItemKind = 'report',
): Promise<FastifyReply> {
  const refused = formRefusalOf(error, ['FORBIDDEN', 'REPORT_STATE_CONFLICT']);
  if (!refused) throw error;
  const page = await adminPageContext(deps, request, reply);
  const kind = refused.code === 'FORBIDDEN' ? 'forbidden' : 'state';
  return sendAdminPage(reply, <ReportRefusalPage page={page} kind={kind} message={refused.message} item={item} id={id} />, refused.status);
}

/** The refusal (ForbiddenError or ReportStateError) when the workflow forbids `action`, else undefined. */
export function refusalOf(actor: Actor, action: ReportAction, report: WorkflowState): ForbiddenError | ReportStateError | undefined {
  const refusal = workflowRefusal(actor, action, report);
  if (!refusal) return undefined;
  return refusal.kind === 'forbidden' ? new ForbiddenError(refusal.message) : new ReportStateError(refusal.message);
}

export function assertAllowed(actor: Actor, action: ReportAction, report: WorkflowState): void {
  const refusal = refusalOf(actor, action, report);
  if (refusal) throw refusal;
}

/**
 * A save refused by a full disk (issue 13): its message for the top of the form, which is
 * shown again with everything typed, and its status (507); the original error goes to the
 * log. Undefined for any other error.
 */
export function diskFullProblem(request: FastifyRequest, error: unknown): { message: string; status: number } | undefined {
  const refused = formRefusalOf(error, ['DISK_FULL']);
  if (refused) request.log.error({ err: error }, 'save refused: the disk is full');
  return refused && { message: refused.message, status: refused.status };
}

/** A report not yet written, as the rules see it: the actor's own fresh draft. */
export function newReportState(actor: Actor): WorkflowState {
  return { status: 'draft', authorId: actor.userId, submittedAt: null };
}

export interface EditPageOptions {
  /** Absent for a new report. */
  report?: EditableReport;
  form?: ReportForm;
  errors?: FieldErrors;
  preview?: TrustedHtml;
  conflict?: EditConflict;
  problem?: string;
  attachForm?: AttachmentForm;
  uploadForm?: AttachmentForm;
  status?: number;
  /** The form's one-time key when it is not a fresh one (a new form opened from a link: keyForNewForm). */
  submissionKey?: string;
  /** The 「活動の記録」 panel as a refused save or a new proposal left it (else the record as stored). */
  record?: RecordPanelShown;
}

export async function sendEditPage(deps: WebDeps, request: FastifyRequest, reply: FastifyReply, options: EditPageOptions): Promise<FastifyReply> {
  const actor = request.admin!.actor;
  const { report } = options;
  const errors = options.errors ?? {};
  const actions = report ? allowedActions(actor, report) : actionsForNew(actor);
  const categories = await listCategories(deps.ctx);
  let conflict: ReportConflict | undefined;
  if (options.conflict) {
    const cause = await findConflictCause(deps.ctx.db, actor, { kind: 'report', id: options.conflict.reportId }, options.conflict.refusedRevisionId);
    conflict = {
      diff: diffRevisions(options.conflict.current.content, options.conflict.submitted),
      currentVersion: options.conflict.current.version,
      heading: conflictHeading(cause, 'report'),
      advice: conflictAdvice(saveButtonLabel(report?.status === 'published'), 'report'),
    };
  }
  const page = await adminPageContext(deps, request, reply);
  const autosave = actions.includes('edit') && !options.form ? await loadAutosaveState(deps, request, 'report', report?.id, page.csrfToken) : {};
  const form = options.form ?? withRestored(report ? formFromReport(report) : EMPTY_REPORT_FORM, autosave.restored);
  const attachments =
    report && actions.includes('edit')
      ? await loadAttachmentPanel(deps, { kind: 'report', id: report.id }, page.csrfToken, { errors, attachForm: options.attachForm, uploadForm: options.uploadForm })
      : undefined;
  const record = report && actions.includes('edit') ? await loadRecordPanel(deps, report, page.csrfToken, options.record) : undefined;
  const readOnlyReason = report && !actions.includes('edit') ? workflowRefusal(actor, 'edit', report)?.message : undefined;
  return sendAdminPage(
    reply,
    <ReportEditPage
      page={page}
      report={report}
      form={form}
      autosave={autosave}
      draftScriptHref={actions.includes('edit') ? deps.assets.editorDraftJs.path : undefined}
      errors={errors}
      actions={actions}
      categories={categories}
      preview={options.preview}
      conflict={conflict}
      problem={options.problem}
      readOnlyReason={readOnlyReason}
      attachments={attachments}
      scriptHref={deps.assets.adminEditorJs.path}
      recordScriptHref={deps.assets.adminRecordJs.path}
      submissionKey={options.submissionKey ?? newSubmissionKey()}
      record={record}
    />,
    options.status ?? 200,
  );
}
