// Deleting a fixed page for good (the owner, from the trash only, as for reports): the row
// with its revisions and attachment list, its search entry and the redirects leading to it.
// A page that still has child pages, in any status (trash included), is refused naming them:
// they would be left without their place in the tree.
import type { Kysely } from 'kysely';
import { assertCanDo } from '../../domain/report-workflow.js';
import { paths } from '../../domain/paths.js';
import type { Actor } from '../../domain/user.js';
import { recordAudit } from '../../store/audit-log.js';
import { unindexPage } from '../../store/page-search.js';
import { deletePageRow, getPage, listChildPages, pageSlugPath } from '../../store/pages.js';
import { deleteRedirectsTo } from '../../store/redirects.js';
import { bumpContentVersion } from '../../store/site-state.js';
import type { Database } from '../../store/database.js';
import type { ActionContext } from '../runtime/context.js';
import { refuseWhileChildren, workflowState } from './save-page.js';

/** The row with its search entry and the redirects to it (revisions and attachments go with it); checks are the caller's. Returns its path. */
export async function removePageIn(trx: Kysely<Database>, pageId: number): Promise<string> {
  const path = paths.page(await pageSlugPath(trx, pageId));
  await unindexPage(trx, pageId);
  await deleteRedirectsTo(trx, path);
  await deletePageRow(trx, pageId);
  return path;
}

/** Throws ForbiddenError (not the owner), ReportStateError (not in the trash), PageNotFoundError, ValidationError (field children). */
export async function deletePagePermanently(ctx: ActionContext, actor: Actor, pageId: number): Promise<void> {
  const nowIso = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const page = await getPage(trx, pageId);
    assertCanDo(actor, 'delete', workflowState(page));
    refuseWhileChildren(await listChildPages(trx, page.id), 'delete');
    const path = await removePageIn(trx, page.id);
    await bumpContentVersion(trx);
    // The title and path stay in the log: the page itself is gone.
    await recordAudit(
      trx,
      { userId: actor.userId, login: actor.login, ip: actor.ip, action: 'page.delete', target: `page:${page.id}`, detail: { title: page.title, path } },
      nowIso,
    );
  });
}
