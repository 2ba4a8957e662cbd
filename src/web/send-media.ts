// Sending a stored file or image variant, for the public /media/ routes and the staff route
// /admin/media/file/: the record behind a URL, Content-Type and -Disposition, ETag and 304.
// Whether the caller may see it, and for how long it may be cached, is the route's decision.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MediaNotFoundError } from '../domain/errors.js';
import { variantFileName } from '../domain/media-path.js';
import { isShownInline, VARIANT_WIDTHS } from '../domain/media-rules.js';
import type { Db } from '../store/database.js';
import { findMediaByShaAndName, findVariant, listMediaBySha } from '../store/media.js';

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

/** RFC 6266 attachment header with the original (often Japanese) file name. */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Whether an If-None-Match header names this entity tag (weak or strong, or `*`). */
function isNotModified(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

export function sendMedia(request: FastifyRequest, reply: FastifyReply, served: ServedMedia, cacheControl: string) {
  const etag = `"${served.sha256}"`;
  reply.header('Cache-Control', cacheControl).header('ETag', etag);
  if (isNotModified(request, etag)) return reply.code(304).send();
  // PDFs and images open in the browser; Office files and anything an import brought are
  // downloaded (with X-Content-Type-Options: nosniff from the security headers).
  const kind = isShownInline(served.mime) ? 'inline' : 'attachment';
  reply.header('Content-Type', served.mime).header('Content-Disposition', contentDisposition(kind, served.downloadName));
  return reply.sendFile(`${served.sha256.slice(0, 2)}/${served.sha256}`, {
    contentType: false,
    cacheControl: false,
    etag: false,
    lastModified: false,
  });
}
