// The public path of a stored file: content-addressed, so it can be cached forever.
export function mediaPath(sha256: string, fileName: string): string {
  return `/media/${sha256}/${encodeURIComponent(fileName)}`;
}
