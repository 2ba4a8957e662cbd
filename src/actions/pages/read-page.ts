// A fixed page as its edit, history and delete pages show it, whatever its status.
import type { Page } from '../../domain/page.js';
import { getPage } from '../../store/pages.js';
import type { ActionContext } from '../runtime/context.js';

/** Throws PageNotFoundError. */
export function readPage(ctx: Pick<ActionContext, 'db'>, pageId: number): Promise<Page> {
  return getPage(ctx.db, pageId);
}
