// Who caused an edit conflict (issue 12 item 7): the saves made since the version the form
// was loaded at. When all of them are the user's own, it was their other tab or window;
// otherwise the others are named, so 「ほかの人が」 is never said of one's own second tab.
import type { ItemKind } from '../../domain/item-ref.js';
import { REVISION_NOTES } from '../../domain/revision.js';
import type { Actor } from '../../domain/user.js';
import type { Db } from '../../store/database.js';
import { listItemRevisions } from '../../store/revisions.js';

export interface ConflictCause {
  isOwnOtherTab: boolean;
  /** Display names of the others who saved since, in saving order (empty for one's own tab). */
  otherNames: string[];
}

/** `refusedRevisionId`: the revision that keeps the refused text; its version is the one the form was loaded at. */
export async function findConflictCause(db: Db, actor: Actor, item: { kind: ItemKind; id: number }, refusedRevisionId: number): Promise<ConflictCause> {
  const revisions = await listItemRevisions(db, item.kind === 'report' ? { kind: 'report', id: item.id } : { kind: 'page', id: item.id });
  const baseVersion = revisions.find((r) => r.id === refusedRevisionId)?.version ?? 0;
  const since = revisions.filter((r) => r.version > baseVersion && r.note !== REVISION_NOTES.conflict).reverse();
  const others = since.filter((r) => r.authorId !== actor.userId);
  if (since.length > 0 && others.length === 0) return { isOwnOtherTab: true, otherNames: [] };
  const names = [...new Set(others.map((r) => r.authorName ?? '削除されたアカウント'))];
  return { isOwnOtherTab: false, otherNames: names };
}
