// One media record by id, or undefined: for a form that names a file to attach, where a
// missing one is the form's error rather than a 404.
import type { Media } from '../../domain/media.js';
import { findMedia as findStoredMedia } from '../../store/media.js';
import type { ActionContext } from '../runtime/context.js';

export function findMedia(ctx: Pick<ActionContext, 'db'>, mediaId: number): Promise<Media | undefined> {
  return findStoredMedia(ctx.db, mediaId);
}
