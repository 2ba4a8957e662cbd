// Storing an uploaded or imported file: bytes on disk by content hash, facts in the
// database (type, size, PDF page count and text). Also the PDF reading shared with
// upload-media.ts: the file is parsed off the event loop, and its text is saved with the
// record and indexed with the published reports and pages that have it attached.
import type { Kysely } from 'kysely';
import { WorkTimeoutError } from '../../domain/errors.js';
import type { Database } from '../../store/database.js';
import { saveMediaFile } from '../../store/media-files.js';
import { hasMediaText, setMediaText } from '../../store/media-text.js';
import type { Media } from '../../domain/media.js';
import { itemsAttaching, upsertMedia } from '../../store/media.js';
import { bumpContentVersion } from '../../store/site-state.js';
import { refreshOwnerIndex } from '../items/attachment-owner.js';
import type { ActionContext } from '../runtime/context.js';
import { rerenderItemsNaming } from '../render/rerender-items-naming.js';
import { DEFAULT_PDF_LIMITS, type PdfFacts, type PdfLimits } from './inspect-pdf.js';

export interface MediaUpload {
  bytes: Uint8Array;
  fileName: string;
  /** Already established from the content (sniffed), never from the file name alone. */
  mime: string;
}

/**
 * Page count and text of a PDF, read in the work pool (off the event loop, within the
 * pool's time limit). A file pdfjs cannot open, or cannot read in time, is still accepted
 * (browsers often open such files): no page count, no text, and `failure` says why.
 * @throws ServerBusyError when the pool's queue is full (the upload may be tried again).
 */
export async function readPdf(ctx: ActionContext, bytes: Uint8Array, maxBytes: number): Promise<PdfFacts> {
  const limits: PdfLimits = { ...DEFAULT_PDF_LIMITS, maxBytes };
  try {
    return await ctx.work.run('pdf', { bytes, limits });
  } catch (error) {
    if (error instanceof WorkTimeoutError) {
      return { pages: null, text: '', isTruncated: false, failure: error.message };
    }
    throw error;
  }
}

/**
 * Saves a PDF's text with its record. When the record had none yet (a new upload, or a file
 * stored before texts were read), the published reports and pages listing it are indexed again.
 */
export async function savePdfText(trx: Kysely<Database>, mediaId: number, facts: PdfFacts): Promise<void> {
  if (await hasMediaText(trx, mediaId)) return;
  const status = facts.failure !== undefined ? 'failed' : facts.isTruncated ? 'truncated' : 'complete';
  await setMediaText(trx, mediaId, facts.text, status);
  for (const item of await itemsAttaching(trx, mediaId)) await refreshOwnerIndex(trx, item, item.status);
}

export async function storeMedia(ctx: ActionContext, upload: MediaUpload): Promise<Media> {
  const pdf = upload.mime === 'application/pdf' ? await readPdf(ctx, upload.bytes, upload.bytes.byteLength) : undefined;
  // The file is written first: a record never points at missing bytes, and an orphan
  // file left by a failed transaction is harmless (same content, same name next time).
  const sha256 = saveMediaFile(ctx, upload.bytes);
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
        pages: pdf?.pages ?? null,
      },
      ctx.now().toISOString(),
    );
    if (pdf) await savePdfText(trx, media.id, pdf);
    await rerenderItemsNaming(trx, media);
    await bumpContentVersion(trx);
    return media;
  });
}
