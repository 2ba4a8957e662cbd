// The status changes of a fixed page (publish, unpublish, trash, restore), built like the
// report's (reports/report-transition.ts) and checked by the same workflow table: load, check,
// change only if nobody changed it first, keep the page search index and the content
// version in step, and record it, in one transaction.
import { EditConflictError, ReportStateError, ValidationError } from '../../domain/errors.js';
import type { Page, PageStatus } from '../../domain/page.js';
import { assertCanDo, WORKFLOW_MESSAGES, type ReportAction } from '../../domain/report-workflow.js';
import { searchDocument } from '../../domain/search/document.js';
import type { Actor } from '../../domain/user.js';
import { recordAudit } from '../../store/audit-log.js';
import { indexPage, unindexPage } from '../../store/page-search.js';
import { getPage, listChildPages, setPageStatus, type PageStatusChange } from '../../store/pages.js';
import { bumpContentVersion } from '../../store/site-state.js';
import type { ActionContext } from '../runtime/context.js';
import { refuseWhileChildren, workflowState } from './save-page.js';

export interface PageTransitionRequest {
  pageId: number;
  /** The version the page showed; when the page was saved since, nothing happens (EditConflictError). */
  expectedVersion?: number;
}

export interface PageTransitionResult {
  id: number;
  slug: string;
  status: PageStatus;
  version: number;
}

export type PageAction = Extract<ReportAction, 'publish' | 'unpublish' | 'trash' | 'restore'>;

const CHANGES: Record<PageAction, (page: Page, nowIso: string) => PageStatusChange> = {
  publish: (page, nowIso) => ({ status: 'published', publishedAt: page.publishedAt ?? nowIso }),
  unpublish: () => ({ status: 'draft' }),
  trash: (_page, nowIso) => ({ status: 'trashed', trashedAt: nowIso }),
  restore: () => ({ status: 'draft', trashedAt: null }),
};

/**
 * Throws ForbiddenError, ReportStateError, PageNotFoundError, EditConflictError (stale
 * expectedVersion), ValidationError (publishing an empty body: field bodySource; trashing a
 * page that still has children: field children, naming them).
 */
export async function transitionPage(ctx: ActionContext, actor: Actor, action: PageAction, request: PageTransitionRequest): Promise<PageTransitionResult> {
  const nowIso = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const page = await getPage(trx, request.pageId);
    assertCanDo(actor, action, workflowState(page));
    if (request.expectedVersion !== undefined && request.expectedVersion !== page.version) {
      throw new EditConflictError(WORKFLOW_MESSAGES.staleVersion('page'), {
        pageId: page.id,
        currentVersion: page.version,
        baseVersion: request.expectedVersion,
      });
    }
    if (action === 'publish' && page.bodySource.trim() === '') {
      throw new ValidationError('入力内容に誤りがあります。', { bodySource: '本文を入力してから公開してください。' });
    }
    if (action === 'trash')
      refuseWhileChildren(
        (await listChildPages(trx, page.id)).filter((child) => child.status !== 'trashed'),
        'trash',
      );
    const change = CHANGES[action](page, nowIso);
    if (!(await setPageStatus(trx, page.id, [page.status], change, nowIso))) {
      throw new ReportStateError(WORKFLOW_MESSAGES.statusChanged('page'));
    }
    const wasPublic = page.status === 'published';
    const isPublic = change.status === 'published';
    if (isPublic) await indexPage(trx, page.id, searchDocument(page.title, page.bodyText));
    else if (wasPublic) await unindexPage(trx, page.id);
    if (wasPublic || isPublic) await bumpContentVersion(trx);
    await recordAudit(
      trx,
      { userId: actor.userId, login: actor.login, ip: actor.ip, action: `page.${action}`, target: `page:${page.id}`, detail: { from: page.status, to: change.status } },
      nowIso,
    );
    return { id: page.id, slug: page.slug, status: change.status, version: page.version };
  });
}
