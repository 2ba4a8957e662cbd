// Creating a report: check the draft, render the body once, and write the report, its
// tags, its attachments, its first revision, its audit entry, its search index entry and
// the new content version in one transaction. Every way a report comes into being (the
// editor's new draft, imports, the demo) writes the first revision and the audit entry
// through recordReportCreatedIn below.
import type { Kysely } from 'kysely';
import { ValidationError } from '../../domain/errors.js';
import type { ReportDraft, ReportStatus } from '../../domain/report.js';
import { checkDraft, type CheckedDraft } from '../../domain/report-rules.js';
import { firstFreeSlug } from '../../domain/slug.js';
import { searchDocument, type SearchDocument } from '../../domain/search/document.js';
import type { RevisionContent } from '../../domain/revision.js';
import { recordAudit } from '../../store/audit-log.js';
import { findCategoryBySlug } from '../../store/categories.js';
import type { Database } from '../../store/database.js';
import { attachMedia } from '../../store/media.js';
import { insertReport, setReportTags, slugsStartingWith } from '../../store/reports.js';
import { addRevision } from '../../store/revisions.js';
import { indexReport } from '../../store/search.js';
import { bumpContentVersion } from '../../store/site-state.js';
import type { ActionContext } from '../runtime/context.js';
import { attachLinkedMedia, renderBody, type PrebuiltRender } from '../render/report-body.js';

/** Who brings a report into being, as its first revision and the audit log name them. */
export interface ReportCreator {
  /** The account; null for the system (an import, the demo). */
  userId: number | null;
  /** The login the audit log shows: the account's, or 'import' / 'demo' for the system. */
  login: string;
  ip?: string;
  /** The audit log's action code. */
  auditAction: 'report.create' | 'report.import';
  /** The first revision's note. */
  note?: string;
}

/** An import (WordPress, saved pages, text files): the system acting, as the audit log has always named it. */
export const IMPORT_CREATOR: ReportCreator = { userId: null, login: 'import', auditAction: 'report.import', note: '取り込み' };
/** The demo content written on first start. */
export const DEMO_CREATOR: ReportCreator = { userId: null, login: 'demo', auditAction: 'report.create' };
/** Anything else the system writes without an account (benchmarks, tests' factories). */
export const SYSTEM_CREATOR: ReportCreator = { userId: null, login: 'system', auditAction: 'report.create' };

export interface CreateReportOptions {
  status: Extract<ReportStatus, 'draft' | 'published'>;
  /** Who creates it (default SYSTEM_CREATOR). */
  by?: ReportCreator;
  /** Files to list under the report besides those its body links to. */
  attachments?: { mediaId: number; label: string; summary?: string }[];
  /** A search document built ahead (on a worker, by an import); used only if built from the same title and text. */
  prebuiltSearch?: PrebuiltSearch;
  /** The body rendered ahead (on a worker, by an import); used only as renderBody allows (same source, no stored file named). */
  prebuiltRender?: PrebuiltRender;
  /** When a published report was first public, if not now (an import keeps the old site's date). */
  publishedAt?: string;
  /** The author as an imported site named them. */
  authorName?: string | null;
  /** The draft's category as the caller has just read or created it in this transaction (saves looking it up again). */
  knownCategory?: { id: number; slug: string };
}

export interface PrebuiltSearch {
  title: string;
  bodyText: string;
  doc: SearchDocument;
}

/** The prebuilt document when it was built from exactly this title and text, else one built now. */
export function searchDocumentFor(title: string, bodyText: string, prebuilt: PrebuiltSearch | undefined): SearchDocument {
  return prebuilt && prebuilt.title === title && prebuilt.bodyText === bodyText ? prebuilt.doc : searchDocument(title, bodyText);
}

export interface CreatedReport {
  id: number;
  slug: string;
}

export async function createReport(ctx: ActionContext, draft: ReportDraft, options: CreateReportOptions): Promise<CreatedReport> {
  const checked = checkDraft(draft);
  return ctx.db.transaction().execute((trx) => createReportIn(trx, checked, options, ctx.now().toISOString()));
}

/** The body of createReport, for actions that write more in the same transaction. */
export async function createReportIn(trx: Kysely<Database>, checked: CheckedDraft, options: CreateReportOptions, nowIso: string): Promise<CreatedReport> {
  let categoryId: number | null = null;
  if (checked.categorySlug !== null) {
    const known = options.knownCategory;
    const category = known?.slug === checked.categorySlug ? known : await findCategoryBySlug(trx, checked.categorySlug);
    if (!category) throw new ValidationError('入力内容に誤りがあります。', { categorySlug: 'そのカテゴリーはありません。' });
    categoryId = category.id;
  }
  const slug = checked.slug ?? firstFreeSlug(checked.activityDate, new Set(await slugsStartingWith(trx, checked.activityDate)));

  const { rendered, media } = await renderBody(trx, checked.bodySource, { prebuilt: options.prebuiltRender });

  const id = await insertReport(
    trx,
    {
      slug,
      title: checked.title,
      activityDate: checked.activityDate,
      status: options.status,
      publishedAt: options.status === 'published' ? (options.publishedAt ?? nowIso) : null,
      bodySource: checked.bodySource,
      bodyHtml: rendered.html,
      bodyText: rendered.text,
      outline: rendered.outline,
      summary: checked.summary,
      categoryId,
      authorName: options.authorName ?? null,
    },
    nowIso,
  );
  await setReportTags(trx, id, checked.tags, { isNew: true });
  const content = {
    title: checked.title,
    slug,
    activityDate: checked.activityDate,
    categoryId,
    tags: checked.tags,
    summary: checked.summary,
    bodySource: checked.bodySource,
  };
  await recordReportCreatedIn(trx, { id, status: options.status, content }, options.by ?? SYSTEM_CREATOR, nowIso);

  const explicit = options.attachments ?? [];
  for (const [position, a] of explicit.entries()) {
    await attachMedia(trx, { reportId: id, mediaId: a.mediaId, label: a.label, summary: a.summary ?? '', position });
  }
  // Files the body links to are listed too, labelled with the link text.
  const explicitIds = new Set(explicit.map((a) => a.mediaId));
  await attachLinkedMedia(trx, id, { source: checked.bodySource, media }, explicitIds, explicit.length);
  // Only published reports are searchable; a draft enters the index when it is published.
  if (options.status === 'published') await indexReport(trx, id, searchDocumentFor(checked.title, rendered.text, options.prebuiltSearch));
  await bumpContentVersion(trx);
  return { id, slug };
}

/**
 * A new report's first revision (version 1, as written) and its audit entry; returns the
 * revision's id (null when the transaction holds its rows back: an import's batch). The one
 * place both are written for a creation.
 */
export async function recordReportCreatedIn(
  trx: Kysely<Database>,
  report: { id: number; status: ReportStatus; content: Omit<RevisionContent, 'categoryName'> },
  by: ReportCreator,
  nowIso: string,
): Promise<number | null> {
  const revisionId = await addRevision(
    trx,
    { reportId: report.id, version: 1, status: report.status, authorId: by.userId, note: by.note ?? '', content: report.content },
    nowIso,
  );
  await recordAudit(
    trx,
    { ...(by.userId === null ? {} : { userId: by.userId }), login: by.login, ip: by.ip, action: by.auditAction, target: `report:${report.id}` },
    nowIso,
  );
  return revisionId;
}
