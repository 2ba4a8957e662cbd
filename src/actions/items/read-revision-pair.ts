// Two revisions of one report or fixed page, for the difference its history page shows.
import type { Revision } from '../../domain/revision.js';
import { getItemRevision, type RevisionItem } from '../../store/revisions.js';
import type { ActionContext } from '../runtime/context.js';

/** Throws RevisionNotFoundError when either revision is missing or belongs to another item. */
export async function readRevisionPair(ctx: Pick<ActionContext, 'db'>, item: RevisionItem, olderId: number, newerId: number): Promise<[Revision, Revision]> {
  return [await getItemRevision(ctx.db, olderId, item), await getItemRevision(ctx.db, newerId, item)];
}
