// Creating a report: check the draft, render the body once, and write the report, its
// tags, its attachments, its search index entry and the new content version in one
// transaction.
import type { Kysely } from 'kysely';
import { ValidationError } from '../domain/errors.js';
import type { ReportDraft, ReportStatus } from '../domain/report.js';
import { checkDraft, type CheckedDraft } from '../domain/report-rules.js';
import { firstFreeSlug } from '../domain/slug.js';
import { searchDocument, type SearchDocument } from '../domain/search/document.js';
import { findCategoryBySlug } from '../store/categories.js';
import type { Database } from '../store/database.js';
import { attachMedia } from '../store/media.js';
import { insertReport, setReportTags, slugsStartingWith } from '../store/reports.js';
import { indexReport } from '../store/search.js';
import { bumpContentVersion } from '../store/site-state.js';
import type { ActionContext } from './context.js';
import { attachLinkedMedia, renderBody, type PrebuiltRender } from './report-body.js';

export interface CreateReportOptions {
  status: Extract<ReportStatus, 'draft' | 'published'>;
  /** Files to list under the report besides those its body links to. */
  attachments?: { mediaId: number; label: string; summary?: string }[];
  /** A search document built ahead (on a worker, by an import); used only if built from the same title and text. */
  prebuiltSearch?: PrebuiltSearch;
  /** The body rendered ahead (on a worker, by an import); used only as renderBody allows (same source, no stored file named). */
  prebuiltRender?: PrebuiltRender;
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

export async function createReport(
  ctx: ActionContext,
  draft: ReportDraft,
  options: CreateReportOptions,
): Promise<CreatedReport> {
  const checked = checkDraft(draft);
  return ctx.db.transaction().execute((trx) => createReportIn(trx, checked, options, ctx.now().toISOString()));
}

/** The body of createReport, for actions that write more in the same transaction. */
export async function createReportIn(
  trx: Kysely<Database>,
  checked: CheckedDraft,
  options: CreateReportOptions,
  nowIso: string,
): Promise<CreatedReport> {
  let categoryId: number | null = null;
  if (checked.categorySlug !== null) {
    const category = await findCategoryBySlug(trx, checked.categorySlug);
    if (!category) throw new ValidationError('入力内容に誤りがあります。', { categorySlug: 'そのカテゴリーはありません。' });
    categoryId = category.id;
  }
  const slug =
    checked.slug ?? firstFreeSlug(checked.activityDate, new Set(await slugsStartingWith(trx, checked.activityDate)));

  const { rendered, media } = await renderBody(trx, checked.bodySource, { prebuilt: options.prebuiltRender });

  const id = await insertReport(
    trx,
    {
      slug,
      title: checked.title,
      activityDate: checked.activityDate,
      status: options.status,
      publishedAt: options.status === 'published' ? nowIso : null,
      bodySource: checked.bodySource,
      bodyHtml: rendered.html,
      bodyText: rendered.text,
      outline: rendered.outline,
      summary: checked.summary,
      categoryId,
    },
    nowIso,
  );
  await setReportTags(trx, id, checked.tags);

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
