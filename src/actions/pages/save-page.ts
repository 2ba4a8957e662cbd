// Saving a fixed page from its form: create a draft, or update a page from the version the
// form was loaded at. One transaction writes the row, its body's media links, the revision
// (shared with reports: store/revisions.ts), the audit entry and, when the public site
// changes, the content version. Who may do it is the report workflow's table
// (domain/report-workflow.ts): writers draft and edit their own drafts, editors and owners
// everything. A save from an old version writes nothing but the refused revision.
import type { Kysely } from 'kysely';
import { ValidationError, type FieldMessages } from '../../domain/errors.js';
import type { Page, PageFields, PageSummary } from '../../domain/page.js';
import { checkPageFields, makesCycle, type CheckedPageFields } from '../../domain/page-rules.js';
import { paths } from '../../domain/paths.js';
import { assertCanDo } from '../../domain/report-workflow.js';
import { REVISION_NOTES, type RevisionContent } from '../../domain/revision.js';
import type { Actor } from '../../domain/user.js';
import { recordAudit } from '../../store/audit-log.js';
import type { Database } from '../../store/database.js';
import { addRedirect } from '../../store/redirects.js';
import { getPage, insertPage, listPages, pageParents, pageSlugPath, siblingSlugExists, updatePageContent } from '../../store/pages.js';
import { pageTree } from '../../domain/page-tree.js';
import { countItemRevisions, insertItemRevision } from '../../store/revisions.js';
import { bumpContentVersion } from '../../store/site-state.js';
import { indexPage } from '../../store/page-search.js';
import { searchDocument } from '../../domain/search/document.js';
import type { ActionContext } from '../runtime/context.js';
import { renderBody } from '../render/report-body.js';
import { saveItem, withSlugField } from '../items/save-item.js';

type Q = Kysely<Database>;

export interface SavePageInput extends PageFields {
  /** Absent: create a new draft owned by the actor. */
  pageId?: number;
  /** Required with `pageId`: the version the form was loaded at. */
  expectedVersion?: number;
  note?: string;
  /** From an importer: long titles and slugs as WordPress allows them (domain/page-rules.ts). */
  isImported?: boolean;
}

export interface SavedPage {
  id: number;
  slug: string;
  version: number;
  revisionId: number | null;
  isChanged: boolean;
}

/** What an EditConflictError carries for a page. */
export interface PageEditConflict {
  pageId: number;
  currentVersion: number;
  baseVersion: number;
  refusedRevisionId: number;
}

/**
 * Throws ValidationError (fields: title, slug, parentId, position, summary, bodySource),
 * ForbiddenError, ReportStateError (a trashed page), PageNotFoundError, EditConflictError.
 */
export async function savePage(ctx: ActionContext, actor: Actor, input: SavePageInput): Promise<SavedPage> {
  return saveItem(
    ctx,
    actor,
    'page',
    { id: input.pageId, expectedVersion: input.expectedVersion },
    {
      create: (trx, nowIso) => createIn(trx, actor, input, nowIso),
      update: async (trx, pageId, expectedVersion, nowIso) => {
        const page = await getPage(trx, pageId);
        assertCanDo(actor, 'edit', workflowState(page));
        const fields = await checkPlace(trx, checkPageFields(input, { isImported: input.isImported, storedTitle: page.title, storedSlug: page.slug }), page.id);
        return updatePageIn(trx, actor, page, fields, { expectedVersion, note: input.note ?? '' }, nowIso);
      },
    },
  );
}

/** The page as the report workflow table sees it (pages are never submitted or scheduled). */
export function workflowState(page: Pick<Page, 'status' | 'authorId'>) {
  return { status: page.status, authorId: page.authorId, submittedAt: null, kind: 'page' as const };
}

/** A page's editable fields in the revision shape shared with reports (no date, category or tags). */
export function pageRevisionContent(fields: Pick<CheckedPageFields, 'title' | 'slug' | 'summary' | 'bodySource'>): RevisionContent {
  return {
    title: fields.title,
    slug: fields.slug,
    activityDate: '',
    categoryId: null,
    categoryName: null,
    tags: [],
    summary: fields.summary,
    bodySource: fields.bodySource,
  };
}

async function createIn(trx: Q, actor: Actor, input: SavePageInput, nowIso: string): Promise<SavedPage> {
  const fields = await checkPlace(trx, checkPageFields(input, { isImported: input.isImported }), undefined);
  const { rendered } = await renderBody(trx, fields.bodySource);
  const id = await withSlugField(
    () => insertPage(trx, { ...fields, bodyHtml: rendered.html, bodyText: rendered.text, outline: rendered.outline, authorId: actor.userId }, nowIso),
    SLUG_TAKEN_MESSAGE,
  );
  const revisionId = await insertItemRevision(
    trx,
    { kind: 'page', id },
    { version: 1, status: 'draft', authorId: actor.userId, note: input.note ?? '', content: pageRevisionContent(fields) },
    nowIso,
  );
  await recordAudit(trx, { userId: actor.userId, login: actor.login, ip: actor.ip, action: 'page.create', target: `page:${id}` }, nowIso);
  return { id, slug: fields.slug, version: 1, revisionId, isChanged: true };
}

export type PageUpdateOutcome = { saved: SavedPage } | { conflict: PageEditConflict };

/** The update half of savePage, shared with restorePageRevision. */
export async function updatePageIn(
  trx: Q,
  actor: Actor,
  page: Page,
  fields: CheckedPageFields,
  options: { expectedVersion: number; note: string; refusedRevisionId?: number; auditAction?: string },
  nowIso: string,
): Promise<PageUpdateOutcome> {
  const content = pageRevisionContent(fields);
  const refuse = async (): Promise<PageUpdateOutcome> => {
    const refusedRevisionId =
      options.refusedRevisionId ??
      (await insertItemRevision(
        trx,
        { kind: 'page', id: page.id },
        { version: options.expectedVersion, status: page.status, authorId: actor.userId, note: REVISION_NOTES.conflict, content },
        nowIso,
      ));
    await recordAudit(
      trx,
      {
        userId: actor.userId,
        login: actor.login,
        ip: actor.ip,
        action: 'page.conflict',
        target: `page:${page.id}`,
        detail: { baseVersion: options.expectedVersion, currentVersion: page.version },
      },
      nowIso,
    );
    return { conflict: { pageId: page.id, currentVersion: page.version, baseVersion: options.expectedVersion, refusedRevisionId } };
  };
  if (page.version !== options.expectedVersion) return refuse();
  const isSame =
    page.title === fields.title &&
    page.slug === fields.slug &&
    page.parentId === fields.parentId &&
    page.position === fields.position &&
    page.summary === fields.summary &&
    page.bodySource === fields.bodySource;
  if (isSame) return { saved: { id: page.id, slug: page.slug, version: page.version, revisionId: null, isChanged: false } };
  const oldSlugs = await pageSlugPath(trx, page.id);
  const { rendered } = await renderBody(trx, fields.bodySource);
  const isUpdated = await withSlugField(
    () => updatePageContent(trx, page.id, options.expectedVersion, { ...fields, bodyHtml: rendered.html, bodyText: rendered.text, outline: rendered.outline }, nowIso),
    SLUG_TAKEN_MESSAGE,
  );
  if (!isUpdated) return refuse();
  const version = page.version + 1;
  // Pages imported or written before revisions were shared get their original kept first.
  if ((await countItemRevisions(trx, { kind: 'page', id: page.id })) === 0) {
    await insertItemRevision(
      trx,
      { kind: 'page', id: page.id },
      { version: page.version, status: page.status, authorId: page.authorId, note: REVISION_NOTES.baseline, content: pageRevisionContent(page) },
      nowIso,
    );
  }
  let isPublicChange = page.status === 'published';
  if (page.status === 'published') await indexPage(trx, page.id, searchDocument(fields.title, rendered.text));
  // A page that has been public keeps answering at its old address (a 301 to the new one),
  // and so do its public descendants, whose paths start with it.
  const newSlugs = await pageSlugPath(trx, page.id);
  if (newSlugs.join('/') !== oldSlugs.join('/')) {
    const moved = pageTree(await listPages(trx)).filter(
      (entry) => entry.page.publishedAt !== null && newSlugs.every((slug, i) => entry.slugs[i] === slug) && entry.slugs.length >= newSlugs.length,
    );
    for (const entry of moved) {
      const rest = entry.slugs.slice(newSlugs.length);
      await addRedirect(trx, paths.page([...oldSlugs, ...rest]), paths.page(entry.slugs), nowIso);
      isPublicChange = true;
    }
  }
  if (isPublicChange) await bumpContentVersion(trx);
  const revisionId = await insertItemRevision(
    trx,
    { kind: 'page', id: page.id },
    { version, status: page.status, authorId: actor.userId, note: options.note, content },
    nowIso,
  );
  await recordAudit(
    trx,
    { userId: actor.userId, login: actor.login, ip: actor.ip, action: options.auditAction ?? 'page.update', target: `page:${page.id}`, detail: { version } },
    nowIso,
  );
  return { saved: { id: page.id, slug: fields.slug, version, revisionId, isChanged: true } };
}

const SLUG_TAKEN_MESSAGE = 'このURL名は同じ階層のほかのページで使われています。別のURL名にしてください。';

/**
 * Checks the page's place in the tree: the parent exists, is not the page itself or one of
 * its descendants, and no sibling there has the slug. Throws ValidationError (parentId, slug).
 */
export async function checkPlace(trx: Q, fields: CheckedPageFields, pageId: number | undefined): Promise<CheckedPageFields> {
  const messages: FieldMessages = {};
  if (fields.parentId !== null) {
    const parents = await pageParents(trx);
    if (!parents.has(fields.parentId)) messages.parentId = 'その親ページはありません。一覧から選んでください。';
    else if (pageId !== undefined && makesCycle(pageId, fields.parentId, parents)) {
      messages.parentId = 'このページ自身やその子ページを親ページにはできません。';
    }
  }
  if (!messages.parentId && (await siblingSlugExists(trx, fields.parentId, fields.slug, pageId))) messages.slug = SLUG_TAKEN_MESSAGE;
  if (Object.keys(messages).length > 0) throw new ValidationError('入力内容に誤りがあります。', messages);
  return fields;
}

/**
 * Refuses to trash or delete a page while it has these child pages, naming them (field
 * `children`); nothing is written. Throws ValidationError.
 */
export function refuseWhileChildren(children: readonly Pick<PageSummary, 'title'>[], action: 'trash' | 'delete'): void {
  if (children.length === 0) return;
  const names = children.map((child) => `「${child.title}」`).join('');
  const [what, advice] =
    action === 'trash'
      ? ['ゴミ箱に移せません', '先に子ページを移動するか、ゴミ箱に移してください。']
      : ['完全に削除できません', '先に子ページをほかの親ページの下に移すか、完全に削除してください。'];
  throw new ValidationError(`子ページがあるページは${what}。`, { children: `子ページ${names}があるため、${what}。${advice}` });
}
