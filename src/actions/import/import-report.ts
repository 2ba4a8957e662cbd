// Writing one imported report (WordPress post, saved page, text file) inside the import
// runner's transaction: create it, or bring the report an earlier run created up to date
// with a revision, the way an editor's save would — but without an account, since an
// import is the system acting (audit entries carry the login 'import').
import type { Kysely } from 'kysely';
import { ValidationError } from '../../domain/errors.js';
import { paths } from '../../domain/paths.js';
import { checkDraft } from '../../domain/report-rules.js';
import { isSameContent, REVISION_NOTES, type RevisionContent } from '../../domain/revision.js';
import { searchDocument } from '../../domain/search/document.js';
import { isValidSlug, slugify } from '../../domain/slug.js';
import { recordAudit } from '../../store/audit-log.js';
import { findCategoryByName, findCategoryBySlug, listCategories, upsertCategory } from '../../store/categories.js';
import type { Database } from '../../store/database.js';
import { findReportAuthorName, setReportAuthorName } from '../../store/import-sources.js';
import { attachMedia, listAttachments } from '../../store/media.js';
import { addRedirects } from '../../store/redirects.js';
import { findEditableReport, setReportStatus, setReportTags, slugExists, updateReportContent } from '../../store/reports.js';
import { countRevisions, insertRevision } from '../../store/revisions.js';
import { indexReport, unindexReport } from '../../store/search.js';
import { bumpContentVersion } from '../../store/site-state.js';
import { createReportIn, IMPORT_CREATOR, searchDocumentFor, type PrebuiltSearch } from '../reports/create-report.js';
import { attachLinkedMedia, renderBody, type PrebuiltRender } from '../render/report-body.js';
import { contentColumns, contentOf } from '../reports/save-report.js';

type Q = Kysely<Database>;

export interface ImportedReportInput {
  title: string;
  /** `YYYY-MM-DD`. */
  activityDate: string;
  /** In the report text format (see importers/html-to-text.ts for HTML sources). */
  bodySource: string;
  summary?: string;
  /** A category to file it under, created when missing (slug as given, or made from the name). */
  category?: { slug?: string; name: string } | null;
  tags?: string[];
  status: 'published' | 'draft';
  /** When it was first public (ISO instant); now when absent. Ignored for drafts. */
  publishedAt?: string | null;
  /** The author as the old site named them. */
  authorName?: string | null;
  /** Media to list under the report besides those the body links to (e.g. a post's attachments). */
  attachments?: { mediaId: number; label: string }[];
  /** Old site paths (no host; may carry a query such as `/?p=12`) that must answer 301 here. */
  redirectsFrom?: string[];
  /** A URL name to keep (a katsudo site's own export): used for a new report when valid and free, else the date's. */
  slug?: string;
}

export type ImportReportOutcome = 'created' | 'updated' | 'unchanged';

export interface ImportReportResult {
  outcome: ImportReportOutcome;
  reportId: number;
  slug: string;
}

const IMPORT_LOGIN = IMPORT_CREATOR.login;

/**
 * Creates the report, or updates `existingReportId` (the report a previous run made from
 * the same item). The report's slug is kept on update, so its URL never moves.
 * @throws ValidationError from the report rules (title, date, body length, tags, summary).
 */
export async function importReportIn(
  trx: Q,
  existingReportId: number | undefined,
  input: ImportedReportInput,
  nowIso: string,
  prebuiltSearch?: PrebuiltSearch,
  prebuiltRender?: PrebuiltRender,
): Promise<ImportReportResult> {
  const existing = existingReportId === undefined ? undefined : await findEditableReport(trx, existingReportId);
  const category = input.category ? await ensureCategoryIn(trx, input.category) : null;
  const categorySlug = category?.slug ?? null;
  const checked = checkDraft(
    {
      title: input.title,
      activityDate: input.activityDate,
      bodySource: input.bodySource,
      summary: input.summary ?? '',
      tags: input.tags ?? [],
      categorySlug,
    },
    { isBodyRequired: input.status === 'published', isImported: true },
  );
  const publishedAt = input.status === 'published' ? (input.publishedAt ?? nowIso) : null;
  const authorName = input.authorName ?? null;

  if (!existing) {
    const created = await createReportIn(
      trx,
      { ...checked, categorySlug, slug: await keptSlug(trx, input.slug) },
      {
        status: input.status,
        by: IMPORT_CREATOR,
        attachments: input.attachments ?? [],
        ...(prebuiltSearch ? { prebuiltSearch } : {}),
        ...(prebuiltRender ? { prebuiltRender } : {}),
        ...(publishedAt === null ? {} : { publishedAt }),
        ...(category ? { knownCategory: category } : {}),
        authorName,
      },
      nowIso,
    );
    await redirectToReport(trx, input.redirectsFrom ?? [], created.slug, nowIso);
    return { outcome: 'created', reportId: created.id, slug: created.slug };
  }

  const categoryId = category?.id ?? null;
  const content: RevisionContent = {
    title: checked.title,
    slug: existing.slug,
    activityDate: checked.activityDate,
    categoryId,
    categoryName: input.category?.name ?? null,
    tags: checked.tags,
    summary: checked.summary,
    bodySource: checked.bodySource,
  };
  let isChanged = false;
  if (!isSameContent(contentOf(existing), content)) {
    await updateContent(trx, existing, content, nowIso, prebuiltSearch, prebuiltRender);
    isChanged = true;
  }
  const attached = new Set((await listAttachments(trx, existing.id)).map((a) => a.mediaId));
  const missing = (input.attachments ?? []).filter((a) => !attached.has(a.mediaId));
  if (missing.length > 0) {
    for (const [i, a] of missing.entries()) {
      await attachMedia(trx, { reportId: existing.id, mediaId: a.mediaId, label: a.label, summary: '', position: attached.size + i });
    }
    isChanged = true;
  }
  if (await applyStatus(trx, existing.id, existing.status, existing.publishedAt, input.status, publishedAt, nowIso)) isChanged = true;
  if ((await findReportAuthorName(trx, existing.id)) !== authorName) {
    await setReportAuthorName(trx, existing.id, authorName);
    isChanged = true;
  }
  await redirectToReport(trx, input.redirectsFrom ?? [], existing.slug, nowIso);
  if (isChanged) {
    await bumpContentVersion(trx);
    await recordAudit(trx, { login: IMPORT_LOGIN, action: 'report.import-update', target: `report:${existing.id}` }, nowIso);
  }
  return { outcome: isChanged ? 'updated' : 'unchanged', reportId: existing.id, slug: existing.slug };
}

/** The content half of an update: row, tags, linked media, search entry and a revision. */
async function updateContent(
  trx: Q,
  report: NonNullable<Awaited<ReturnType<typeof findEditableReport>>>,
  content: RevisionContent,
  nowIso: string,
  prebuiltSearch: PrebuiltSearch | undefined,
  prebuiltRender: PrebuiltRender | undefined,
): Promise<void> {
  // The imported original is kept first, as the editor does for reports without history.
  if ((await countRevisions(trx, report.id)) === 0) {
    await insertRevision(
      trx,
      { reportId: report.id, version: report.version, status: report.status, authorId: null, note: REVISION_NOTES.baseline, content: contentOf(report) },
      nowIso,
    );
  }
  const { rendered, media } = await renderBody(trx, content.bodySource, { prebuilt: prebuiltRender });
  const isUpdated = await updateReportContent(trx, report.id, report.version, contentColumns(content, rendered), nowIso);
  // Inside one transaction nobody else can have saved in between; this is a bug if it happens.
  if (!isUpdated) throw new Error(`importReportIn: report ${report.id} changed during its own transaction`);
  await setReportTags(trx, report.id, content.tags);
  const attached = await listAttachments(trx, report.id);
  await attachLinkedMedia(trx, report.id, { source: content.bodySource, media }, new Set(attached.map((a) => a.mediaId)), attached.length);
  if (report.status === 'published') await indexReport(trx, report.id, searchDocumentFor(content.title, rendered.text, prebuiltSearch));
  await insertRevision(trx, { reportId: report.id, version: report.version + 1, status: report.status, authorId: null, note: IMPORT_NOTE, content }, nowIso);
}

/** The revision note of a save made by an import. */
export const IMPORT_NOTE = '取り込みで更新';

/**
 * Follows the source's status: published ↔ draft. A report the site has since scheduled
 * or trashed is left alone (that was a decision taken here, not in the old site).
 */
async function applyStatus(
  trx: Q,
  id: number,
  current: string,
  currentPublishedAt: string | null,
  wanted: 'published' | 'draft',
  publishedAt: string | null,
  nowIso: string,
): Promise<boolean> {
  if (current !== 'published' && current !== 'draft') return false;
  if (current === wanted && (wanted === 'draft' || currentPublishedAt === publishedAt)) return false;
  await setReportStatus(trx, id, [current], { status: wanted, publishedAt: wanted === 'published' ? publishedAt : currentPublishedAt }, nowIso);
  const report = await findEditableReport(trx, id);
  if (wanted === 'published' && report) await indexReport(trx, id, searchDocument(report.title, report.bodyText));
  if (wanted === 'draft' && current === 'published') await unindexReport(trx, id);
  return true;
}

async function keptSlug(trx: Q, slug: string | undefined): Promise<string | undefined> {
  return slug !== undefined && isValidSlug(slug) && !(await slugExists(trx, slug)) ? slug : undefined;
}

async function redirectToReport(trx: Q, fromPaths: string[], slug: string, nowIso: string): Promise<void> {
  await addRedirects(
    trx,
    fromPaths.filter((from) => from !== '' && from !== '/'),
    paths.report(slug),
    nowIso,
  );
}

/** The category's id and slug; created (with the given slug, or one made from the name) when missing. */
export async function ensureCategoryIn(trx: Q, category: { slug?: string; name: string }): Promise<{ id: number; slug: string }> {
  const name = category.name.trim();
  const wantedSlug = category.slug?.trim();
  if (name === '') throw new ValidationError('カテゴリー名が空です。', { categorySlug: 'カテゴリー名がありません。' });
  const existing = (wantedSlug ? await findCategoryBySlug(trx, wantedSlug) : undefined) ?? (await findCategoryByName(trx, name));
  if (existing) return { id: existing.id, slug: existing.slug };
  const categories = await listCategories(trx);
  const taken = new Set(categories.map((c) => c.slug));
  const base = (wantedSlug ? slugify(wantedSlug) : '') || slugify(name) || 'category';
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  const created = await upsertCategory(trx, { slug, name, position: categories.length });
  return { id: created.id, slug: created.slug };
}
