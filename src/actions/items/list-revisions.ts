// The revisions of a report or a fixed page, newest first, for its history page.
import type { RevisionSummary } from '../../domain/revision.js';
import { listItemRevisions, type RevisionItem } from '../../store/revisions.js';
import type { ActionContext } from '../runtime/context.js';

export function listRevisions(ctx: Pick<ActionContext, 'db'>, item: RevisionItem): Promise<RevisionSummary[]> {
  return listItemRevisions(ctx.db, item);
}
