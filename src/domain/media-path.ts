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

/** `/media/<sha256>/` and the path after it, up to where a URL ends in HTML or text. */
const MEDIA_URL = /\/media\/([0-9a-f]{64})\/([^\s"'<>?#]*)/g;
const VARIANT_DIR = /^w(\d+)$/;
const HTML_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** A /media/ URL found in a body: the file `fileName` of `sha256`, or its variant `width` px wide. */
export interface MediaUrl {
  sha256: string;
  fileName: string;
  width?: number;
}

/**
 * Every /media/ URL in rendered HTML (a link, an image, or a URL written as text; a full
 * https://… address too), its name decoded whether written percent-encoded or as typed.
 */
export function mediaUrlsInHtml(html: string): MediaUrl[] {
  return Array.from(html.matchAll(MEDIA_URL), (m) => {
    const parts = m[2]!.split('/').map(decodeSegment);
    const width = parts.length === 2 ? VARIANT_DIR.exec(parts[0]!)?.[1] : undefined;
    return width === undefined ? { sha256: m[1]!, fileName: parts.join('/') } : { sha256: m[1]!, fileName: parts[1]!, width: Number(width) };
  });
}

/** Whether `url` is the address of the record (`/media/<sha>/<name>`) or of one of its variants. */
export function isMediaUrlOf(url: MediaUrl, media: { sha256: string; originalName: string }): boolean {
  if (url.sha256 !== media.sha256) return false;
  return url.fileName === (url.width === undefined ? media.originalName : variantFileName(media.originalName, url.width));
}

/** The content hashes of every /media/ URL (file or variant) in rendered HTML, each once. */
export function mediaShasInHtml(html: string): string[] {
  return [...new Set(mediaUrlsInHtml(html).map((url) => url.sha256))];
}

function decodeSegment(segment: string): string {
  const text = segment.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => HTML_ENTITIES[entity]!);
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a stray % written as text: compared as written
  }
}
