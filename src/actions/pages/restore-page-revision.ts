// Restoring an older revision of a fixed page: its content is saved as a new version (note
// 「版Nから復元」) through the same checks and writes as an ordinary save; the page keeps
// its current place in the tree (revisions hold the content, not the place).
import { REVISION_NOTES } from '../../domain/revision.js';
import { EditConflictError } from '../../domain/errors.js';
import { checkPageFields } from '../../domain/page-rules.js';
import { assertCanDo, WORKFLOW_MESSAGES } from '../../domain/report-workflow.js';
import type { Actor } from '../../domain/user.js';
import { getPage } from '../../store/pages.js';
import { getItemRevision } from '../../store/revisions.js';
import type { ActionContext } from '../runtime/context.js';
import { checkPlace, updatePageIn, workflowState, type SavedPage } from './save-page.js';

export interface RestorePageRevisionRequest {
  pageId: number;
  revisionId: number;
  expectedVersion: number;
}

/** Throws RevisionNotFoundError (also another item's revision), ValidationError, ForbiddenError, ReportStateError, PageNotFoundError, EditConflictError. */
export async function restorePageRevision(ctx: ActionContext, actor: Actor, request: RestorePageRevisionRequest): Promise<SavedPage> {
  const nowIso = ctx.now().toISOString();
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const page = await getPage(trx, request.pageId);
    assertCanDo(actor, 'edit', workflowState(page));
    const revision = await getItemRevision(trx, request.revisionId, { kind: 'page', id: page.id });
    // An old title or slug that was accepted once (an import) is accepted again.
    const fields = checkPageFields({ ...revision, parentId: page.parentId, position: page.position }, { storedTitle: revision.title, storedSlug: revision.slug });
    await checkPlace(trx, fields, page.id);
    return updatePageIn(
      trx,
      actor,
      page,
      fields,
      {
        expectedVersion: request.expectedVersion,
        note: REVISION_NOTES.restoredFrom(revision.version),
        refusedRevisionId: revision.id,
        auditAction: 'page.restore_revision',
      },
      nowIso,
    );
  });
  if ('conflict' in outcome) throw new EditConflictError(WORKFLOW_MESSAGES.staleVersion('page'), outcome.conflict);
  return outcome.saved;
}
