// A media record: one uploaded or imported file under one name (the bytes are shared by
// content hash, see store/media-files.ts).

export interface Media {
  id: number;
  sha256: string;
  originalName: string;
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
  pages: number | null;
  /** Required for images (media-rules.ts); '' for documents imported without one. */
  altText: string;
  createdAt: string;
}
