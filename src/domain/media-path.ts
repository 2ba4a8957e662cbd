// Paths of stored files: public (content-addressed) and for staff, and the hashes a rendered body links to.
export function mediaPath(sha256: string, fileName: string): string {
  return `/media/${sha256}/${encodeURIComponent(fileName)}`;
}

/** 「写真.jpg」 at 640 px → 「写真-640w.webp」: the name a WebP variant is served under. */
export function variantFileName(fileName: string, width: number): string {
  const dot = fileName.lastIndexOf('.');
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  return `${stem}-${width}w.webp`;
}

/**
 * The path of an image's WebP variant: /media/<original sha256>/w<width>/<name>-<width>w.webp.
 * Derived from the original's hash and a fixed width, so it is as immutable as the original.
 */
export function mediaVariantPath(sha256: string, fileName: string, width: number): string {
  return `/media/${sha256}/w${width}/${encodeURIComponent(variantFileName(fileName, width))}`;
}

/**
 * The same file (or variant) for signed-in staff: /admin/media/file/… answers whether or not
 * a published report uses the file, so admin pages link there (public paths 404 once withdrawn).
 */
export function staffMediaPath(publicPath: string): string {
  return publicPath.startsWith('/media/') ? `/admin/media/file/${publicPath.slice('/media/'.length)}` : publicPath;
}

const MEDIA_URL_SHA = /\/media\/([0-9a-f]{64})\//g;

/** The content hashes of every /media/ URL (file or variant) in rendered HTML, each once. */
export function mediaShasInHtml(html: string): string[] {
  return [...new Set(Array.from(html.matchAll(MEDIA_URL_SHA), (m) => m[1]!))];
}
