// The public path of a stored file: content-addressed, so it can be cached forever.
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
