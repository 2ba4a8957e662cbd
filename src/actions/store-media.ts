// Storing an uploaded or imported file: bytes on disk by content hash, facts in the
// database (type, size, PDF page count).
import { PDFDocument } from 'pdf-lib';
import { saveMediaFile } from '../store/media-files.js';
import { upsertMedia, type Media } from '../store/media.js';
import { bumpContentVersion } from '../store/site-state.js';
import type { ActionContext } from './context.js';

export interface MediaUpload {
  bytes: Uint8Array;
  fileName: string;
  /** Already established from the content (sniffed), never from the file name alone. */
  mime: string;
}

/** Page count of a PDF, or null when the file cannot be parsed (it is still stored). */
export async function countPdfPages(bytes: Uint8Array): Promise<number | null> {
  try {
    const pdf = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    return pdf.getPageCount();
  } catch {
    return null;
  }
}

export async function storeMedia(ctx: ActionContext, upload: MediaUpload): Promise<Media> {
  const pages = upload.mime === 'application/pdf' ? await countPdfPages(upload.bytes) : null;
  // The file is written first: a record never points at missing bytes, and an orphan
  // file left by a failed transaction is harmless (same content, same name next time).
  const sha256 = saveMediaFile(ctx.dataDir, upload.bytes);
  return ctx.db.transaction().execute(async (trx) => {
    const media = await upsertMedia(
      trx,
      {
        sha256,
        originalName: upload.fileName,
        mime: upload.mime,
        bytes: upload.bytes.byteLength,
        width: null,
        height: null,
        pages,
      },
      ctx.now().toISOString(),
    );
    await bumpContentVersion(trx);
    return media;
  });
}
