// The file a /media/ URL names (its two or three parts), for the public /media/ routes and
// the staff route /admin/media/file/; whether the caller may see it is the caller's
// decision (getPublicMedia for readers).
import { MediaNotFoundError } from '../../domain/errors.js';
import { variantFileName } from '../../domain/media-path.js';
import { VARIANT_WIDTHS } from '../../domain/media-rules.js';
import type { Db } from '../../store/database.js';
import { findMediaByShaAndName, findVariant, listMediaBySha } from '../../store/media.js';

const SHA256 = /^[0-9a-f]{64}$/;
const VARIANT = /^w(\d{1,5})$/;

export interface ServedMedia {
  /** Hash of the original's content: what decides who may see it. */
  sourceSha256: string;
  /** Hash of the bytes sent: the file on disk and the ETag. */
  sha256: string;
  mime: string;
  downloadName: string;
}

export interface MediaParams {
  sha: string;
  /** `w640` or `w1280` for an image's WebP variant; absent for the file itself. */
  variant?: string;
  name: string;
}

/**
 * The file a /media/ URL names (its two or three parts), or `MediaNotFoundError`.
 * @throws MediaNotFoundError for anything that is not a stored record or variant
 */
export async function getServedMedia(db: Db, params: MediaParams): Promise<ServedMedia> {
  const { sha, variant, name } = params;
  if (!SHA256.test(sha)) throw new MediaNotFoundError(sha);
  if (variant === undefined) {
    const media = await findMediaByShaAndName(db, sha, name);
    if (!media) throw new MediaNotFoundError(sha);
    return { sourceSha256: sha, sha256: media.sha256, mime: media.mime, downloadName: media.originalName };
  }
  const width = Number(VARIANT.exec(variant)?.[1]);
  if (!(VARIANT_WIDTHS as readonly number[]).includes(width)) throw new MediaNotFoundError(sha);
  const found = await findVariant(db, sha, width);
  const records = found ? await listMediaBySha(db, sha) : [];
  if (!found || !records.some((m) => variantFileName(m.originalName, width) === name)) throw new MediaNotFoundError(sha);
  return { sourceSha256: sha, sha256: found.sha256, mime: found.mime, downloadName: name };
}
