import { MediaNotFoundError } from '../../domain/errors.js';
import { isMediaPublic } from '../../store/media.js';
import type { SiteDeps } from '../site-deps.js';
import { getServedMedia, type MediaParams, type ServedMedia } from './get-served-media.js';

/**
 * The file a public /media/ URL names, while a published report or page uses it (decided on
 * every request from the database: a withdrawal takes effect at once).
 * @throws MediaNotFoundError for anything else, stored or not
 */
export async function getPublicMedia(deps: SiteDeps, params: MediaParams): Promise<ServedMedia> {
  const served = await getServedMedia(deps.ctx.db, params);
  if (!(await isMediaPublic(deps.ctx.db, served.sourceSha256))) throw new MediaNotFoundError(params.sha);
  return served;
}
