// One media record by id, for its page in the library.
import type { Media } from '../../domain/media.js';
import { getMedia } from '../../store/media.js';
import type { ActionContext } from '../runtime/context.js';

/** Throws MediaNotFoundError. */
export function readMedia(ctx: Pick<ActionContext, 'db'>, mediaId: number): Promise<Media> {
  return getMedia(ctx.db, mediaId);
}
