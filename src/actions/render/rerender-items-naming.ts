// A file stored after the text that names it: the reports and pages whose body names it
// after `media:` (by id, content hash or file name, the refs findMediaByRefs resolves) are
// rendered again in the storing transaction, so their link works as soon as the file is
// there. Rendered on this thread: a work thread's connection cannot see the uncommitted
// record, and the items naming one file are few.
import type { Kysely } from 'kysely';
import type { Database } from '../../store/database.js';
import type { Media } from '../../domain/media.js';
import { idsNamingRefs, RENDERED_KINDS } from '../../store/render-versions.js';
import { applyRerendered, renderStoredBodies } from './render-stored-bodies.js';

/** Returns how many items were rendered again (the caller bumps the content version). */
export async function rerenderItemsNaming(trx: Kysely<Database>, media: Pick<Media, 'id' | 'sha256' | 'originalName'>): Promise<number> {
  const refs = [String(media.id), media.sha256, media.originalName];
  let count = 0;
  for (const kind of RENDERED_KINDS) {
    const ids = await idsNamingRefs(trx, kind, refs);
    for (const item of await renderStoredBodies(trx, { kind, ids })) {
      if (await applyRerendered(trx, kind, item)) count++;
    }
  }
  return count;
}
