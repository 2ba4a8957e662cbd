// Sending a stored file or image variant, for the public /media/ routes and the staff route
// /admin/media/file/ (the record behind a URL: site/media/get-served-media.ts):
// Content-Type and -Disposition, ETag and 304.
// Whether the caller may see it, and for how long it may be cached, is the route's decision.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isShownInline } from '../domain/media-rules.js';
import type { ServedMedia } from '../site/media/get-served-media.js';

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
