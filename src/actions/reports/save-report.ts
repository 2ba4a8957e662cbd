// Saving a report from the editor: create a draft, or update a report from the version the
// form was loaded at. One transaction writes the row, tags, attachment links, search entry,
// redirect (a published report's slug changed), revision and audit entry. A save based on
// an old version changes nothing but keeps the refused text as a revision and throws
// EditConflictError (see EditConflict in domain/revision.ts).
import type { Kysely } from 'kysely';
import { ValidationError, type FieldMessages } from '../../domain/errors.js';
import { paths } from '../../domain/paths.js';
import { checkDraft } from '../../domain/report-rules.js';
import { assertCanDo } from '../../domain/report-workflow.js';
import type { Actor } from '../../domain/user.js';
import { isSameContent, REVISION_NOTES, type EditConflict, type RevisionContent } from '../../domain/revision.js';
import { firstFreeSlug } from '../../domain/slug.js';
import { searchDocument } from '../../domain/search/document.js';
import { recordAudit } from '../../store/audit-log.js';
import { findCategoryById } from '../../store/categories.js';
import type { Database } from '../../store/database.js';
import type { EditableReport } from '../../domain/editable-report.js';
import { listAttachments } from '../../store/media.js';
import { addRedirect } from '../../store/redirects.js';
import { getEditableReport, insertReport, setReportTags, slugExists, slugsStartingWith, updateReportContent, type ReportContentWrite } from '../../store/reports.js';
import { countRevisions, insertRevision } from '../../store/revisions.js';
import { indexReport } from '../../store/search.js';
import { bumpContentVersion } from '../../store/site-state.js';
import type { ActionContext } from '../runtime/context.js';
import { recordReportCreatedIn } from './create-report.js';
import { attachLinkedMedia, renderBody, type RenderedBody } from '../render/report-body.js';
import { saveItem, settleSave, withSlugField } from '../items/save-item.js';

type Q = Kysely<Database>;

/** What the editor form sends. An empty slug is generated from the activity date. */
export interface ReportFields {
  title: string;
  /** `YYYY-MM-DD`. */
  activityDate: string;
  categoryId: number | null;
  tags: string[];
  slug: string;
  summary: string;
  bodySource: string;
}

export interface SaveReportInput extends ReportFields {
  /** Absent: create a new draft owned by the actor. */
  reportId?: number;
  /** Required with `reportId`: the version the form was loaded at (EditableReport.version). */
  expectedVersion?: number;
  /** A remark kept with the revision (「誤字を修正」). */
  note?: string;
}

export interface SavedReport {
  id: number;
  slug: string;
  /** The version the form must send with its next save. */
  version: number;
  /** The revision this save wrote; null when nothing had changed. */
  revisionId: number | null;
  isChanged: boolean;
}

/**
 * Throws ValidationError (fields: title, activityDate, categoryId, tags, slug, summary,
 * bodySource), ForbiddenError / ReportStateError (domain/report-workflow.ts),
 * ReportNotFoundError, or EditConflictError (after committing the refused revision).
 */
export async function saveReport(ctx: ActionContext, actor: Actor, input: SaveReportInput): Promise<SavedReport> {
  return saveItem(
    ctx,
    actor,
    'report',
    { id: input.reportId, expectedVersion: input.expectedVersion },
    {
      create: (trx, nowIso) => createDraftIn(trx, actor, input, nowIso),
      update: async (trx, reportId, expectedVersion, nowIso) => {
        const report = await getEditableReport(trx, reportId);
        assertCanDo(actor, 'edit', report);
        const content = await checkFields(trx, input, report);
        return updateContentIn(trx, actor, report, content, { expectedVersion, note: input.note ?? '', keepRefused: true }, nowIso);
      },
    },
  );
}

/** The report's columns for checked content and its rendering (a new draft and an update alike). */
export function contentColumns(content: RevisionContent, rendered: RenderedBody['rendered']): ReportContentWrite {
  return {
    slug: content.slug,
    title: content.title,
    activityDate: content.activityDate,
    bodySource: content.bodySource,
    bodyHtml: rendered.html,
    bodyText: rendered.text,
    outline: rendered.outline,
    summary: content.summary,
    categoryId: content.categoryId,
  };
}

async function createDraftIn(trx: Q, actor: Actor, input: SaveReportInput, nowIso: string): Promise<SavedReport> {
  const content = await checkFields(trx, input, undefined);
  const { rendered, media } = await renderBody(trx, content.bodySource);
  const id = await withSlugField(
    () => insertReport(trx, { ...contentColumns(content, rendered), status: 'draft', publishedAt: null, authorId: actor.userId }, nowIso),
    SLUG_TAKEN_MESSAGE,
  );
  await setReportTags(trx, id, content.tags);
  await attachLinkedMedia(trx, id, { source: content.bodySource, media }, new Set(), 0);
  const by = { userId: actor.userId, login: actor.login, ip: actor.ip, auditAction: 'report.create', note: input.note ?? '' } as const;
  const revisionId = await recordReportCreatedIn(trx, { id, status: 'draft', content }, by, nowIso);
  // A draft is not on the public site: the content version stays.
  return { id, slug: content.slug, version: 1, revisionId, isChanged: true };
}

/** The outcome of an update inside its transaction; a conflict is thrown only after the commit. */
export type UpdateOutcome = { saved: SavedReport } | { conflict: EditConflict };

export interface UpdateOptions {
  expectedVersion: number;
  note: string;
  /** Store the refused content as a revision (false when it is one already, as in a restore). */
  keepRefused: boolean;
  /** Revision id to report as the refused one when keepRefused is false. */
  refusedRevisionId?: number;
  auditAction?: string;
}

/** The update half of saveReport, for actions that apply content another way (restoreRevision). */
export async function updateContentIn(
  trx: Q,
  actor: Actor,
  report: EditableReport,
  content: RevisionContent,
  options: UpdateOptions,
  nowIso: string,
): Promise<UpdateOutcome> {
  if (report.version !== options.expectedVersion) return { conflict: await refuse(trx, actor, report, content, options, nowIso) };
  const current = contentOf(report);
  if (isSameContent(current, content)) {
    return { saved: { id: report.id, slug: report.slug, version: report.version, revisionId: null, isChanged: false } };
  }
  // Reports written before revisions existed (imports, the demo) get their original kept first.
  if ((await countRevisions(trx, report.id)) === 0) {
    await insertRevision(
      trx,
      { reportId: report.id, version: report.version, status: report.status, authorId: report.authorId, note: REVISION_NOTES.baseline, content: current },
      nowIso,
    );
  }
  const { rendered, media } = await renderBody(trx, content.bodySource);
  const isUpdated = await withSlugField(
    () => updateReportContent(trx, report.id, options.expectedVersion, contentColumns(content, rendered), nowIso),
    SLUG_TAKEN_MESSAGE,
  );
  if (!isUpdated) return { conflict: await refuse(trx, actor, report, content, options, nowIso) };
  const version = report.version + 1;
  await setReportTags(trx, report.id, content.tags);
  const attached = await listAttachments(trx, report.id);
  await attachLinkedMedia(trx, report.id, { source: content.bodySource, media }, new Set(attached.map((a) => a.mediaId)), attached.length);

  let isPublicChange = report.status === 'published';
  if (report.status === 'published') await indexReport(trx, report.id, searchDocument(content.title, rendered.text));
  // Once a report has been public at its old address, readers and search engines may
  // have it: keep it answering with a 301 to the new one.
  if (content.slug !== report.slug && report.publishedAt !== null) {
    await addRedirect(trx, paths.report(report.slug), paths.report(content.slug), nowIso);
    isPublicChange = true;
  }
  if (isPublicChange) await bumpContentVersion(trx);

  const revisionId = await insertRevision(trx, { reportId: report.id, version, status: report.status, authorId: actor.userId, note: options.note, content }, nowIso);
  await recordAudit(
    trx,
    {
      userId: actor.userId,
      login: actor.login,
      ip: actor.ip,
      action: options.auditAction ?? 'report.update',
      target: `report:${report.id}`,
      detail: { version, ...(content.slug !== report.slug && { slugFrom: report.slug, slugTo: content.slug }) },
    },
    nowIso,
  );
  return { saved: { id: report.id, slug: content.slug, version, revisionId, isChanged: true } };
}

/** Returns the saved report or throws the conflict, once the transaction has committed. */
export function settle(outcome: UpdateOutcome): SavedReport {
  return settleSave('report', outcome);
}

async function refuse(trx: Q, actor: Actor, report: EditableReport, content: RevisionContent, options: UpdateOptions, nowIso: string): Promise<EditConflict> {
  const refusedRevisionId = options.keepRefused
    ? await insertRevision(
        trx,
        { reportId: report.id, version: options.expectedVersion, status: report.status, authorId: actor.userId, note: REVISION_NOTES.conflict, content },
        nowIso,
      )
    : (options.refusedRevisionId ?? 0);
  await recordAudit(
    trx,
    {
      userId: actor.userId,
      login: actor.login,
      ip: actor.ip,
      action: 'report.conflict',
      target: `report:${report.id}`,
      detail: { baseVersion: options.expectedVersion, currentVersion: report.version, refusedRevisionId },
    },
    nowIso,
  );
  return {
    reportId: report.id,
    current: { version: report.version, content: contentOf(report) },
    submitted: content,
    baseVersion: options.expectedVersion,
    refusedRevisionId,
  };
}

/** The report's stored content in revision form. */
export function contentOf(report: EditableReport): RevisionContent {
  return {
    title: report.title,
    slug: report.slug,
    activityDate: report.activityDate,
    categoryId: report.category?.id ?? null,
    categoryName: report.category?.name ?? null,
    tags: report.tags,
    summary: report.summary,
    bodySource: report.bodySource,
  };
}

/**
 * Checks and tidies the form: every problem at once, as Japanese messages by field. The
 * slug must be free (other than the report's own); empty, it is generated from the date.
 */
export async function checkFields(trx: Q, input: ReportFields, report: EditableReport | undefined): Promise<RevisionContent> {
  const fields: FieldMessages = {};
  let checked: ReturnType<typeof checkDraft> | undefined;
  try {
    checked = checkDraft(
      { title: input.title, activityDate: input.activityDate, bodySource: input.bodySource, summary: input.summary, tags: input.tags, slug: input.slug },
      { isBodyRequired: false, ...(report ? { storedTitle: report.title } : {}) },
    );
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    Object.assign(fields, error.fields);
  }
  let categoryName: string | null = null;
  if (input.categoryId !== null) {
    const category = await findCategoryById(trx, input.categoryId);
    if (category) categoryName = category.name;
    else fields.categoryId = 'そのカテゴリーはありません。一覧から選んでください。';
  }
  let slug = checked?.slug;
  if (slug !== undefined && !fields.slug) {
    if (slug !== report?.slug && (await slugExists(trx, slug))) fields.slug = SLUG_TAKEN_MESSAGE;
  }
  if (Object.keys(fields).length > 0 || !checked) throw new ValidationError('入力内容に誤りがあります。', fields);
  if (slug === undefined) {
    const taken = new Set(await slugsStartingWith(trx, checked.activityDate));
    if (report) taken.delete(report.slug);
    slug = firstFreeSlug(checked.activityDate, taken);
  }
  return {
    title: checked.title,
    slug,
    activityDate: checked.activityDate,
    categoryId: input.categoryId,
    categoryName,
    tags: checked.tags,
    summary: checked.summary,
    bodySource: checked.bodySource,
  };
}

const SLUG_TAKEN_MESSAGE = 'このURL名はほかの報告で使われています。別のURL名にするか、空欄にして自動で付けてください。';
