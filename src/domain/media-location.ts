// Where a site's media files are: KATSUDO_MEDIA_DIR when set (a folder several instances
// share, issue 15), else the data directory's media/. The one rule for it: the store writes
// and reads files under it (store/media-files.ts), the server serves from it.

/** An ActionContext or a Config is one. */
export interface MediaLocation {
  dataDir: string;
  /** KATSUDO_MEDIA_DIR (absolute); <dataDir>/media when absent. */
  mediaDir?: string | undefined;
}

/** A data directory alone (a string) means its media/. */
export function mediaRoot(location: string | MediaLocation): string {
  const { dataDir, mediaDir } = typeof location === 'string' ? { dataDir: location, mediaDir: undefined } : location;
  return mediaDir ?? `${dataDir.replace(/\/+$/, '')}/media`;
}
