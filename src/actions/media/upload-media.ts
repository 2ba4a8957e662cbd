// Uploading a file for the media library: decide its type from the content, read its
// facts (image size and WebP variants, PDF page count and text), write the bytes content-addressed,
// then record it with an audit entry in one transaction. Files are written before the
// row; if the transaction fails, the files this upload added are removed again.
import type { Metadata } from 'sharp';
import { formatName } from '../../domain/attachment.js';
import { ValidationError } from '../../domain/errors.js';
import { checkUpload, DEFAULT_MAX_UPLOAD_BYTES, isImageType, mediaMessages, variantWidthsFor } from '../../domain/media-rules.js';
import type { Media } from '../../domain/media.js';
import { recordAudit } from '../../store/audit-log.js';
import { removeMediaFile, writeMediaFile } from '../../store/media-files.js';
import { findMediaByShaAndName, insertMediaVariants, isContentStored, listVariants, updateMediaAltText, upsertMedia, type MediaVariant } from '../../store/media.js';
import { bumpContentVersion } from '../../store/site-state.js';
import type { ActionContext } from '../runtime/context.js';
import { auditBy, type MediaActor } from './media-actor.js';
import { loadNativeModule } from '../runtime/native-modules.js';
import { rerenderItemsNaming } from '../render/rerender-items-naming.js';
import { readPdf, savePdfText } from './store-media.js';
import type { PdfFacts } from './inspect-pdf.js';

/**
 * libvips is loaded at the first image upload, not when the server starts. A failed load
 * throws NativeModuleError (503 with its cause logged), never "broken image".
 */
const loadSharp = async () => (await loadNativeModule('sharp')).default;

export interface UploadMediaInput {
  bytes: Uint8Array;
  /** As the browser sent it; only its last path part is kept (media-rules.ts cleanFileName). */
  fileName: string;
  /** Required for images, optional for documents (PDF, Word, Excel, PowerPoint). */
  altText: string;
  user: MediaActor;
  /** Largest accepted size; the web passes deps.maxUploadBytes (KATSUDO_MAX_UPLOAD_MB). */
  maxBytes?: number;
}

export interface UploadedMedia extends Media {
  /** The WebP copies (images wider than 640 or 1280 px), narrowest first. */
  variants: MediaVariant[];
  /** The same bytes were already stored under the same name: the existing record is returned. */
  isDuplicate: boolean;
  /** Why a PDF could not be read (it is stored all the same), for the caller's log. */
  pdfFailure?: string;
}

interface ContentFacts {
  /** What is stored as the original: the upload, or for a photo with metadata a copy without it. */
  bytes: Uint8Array;
  width: number | null;
  height: number | null;
  pages: number | null;
  variants: { width: number; height: number; bytes: Uint8Array }[];
  pdf?: PdfFacts;
}

/**
 * @throws ValidationError (fields `file`, `altText`): empty, too large, a refused type, a
 *   name promising a type the content is not, an image sharp cannot read, missing alt text.
 * @throws NativeModuleError when sharp cannot be loaded (a broken installation)
 */
export async function uploadMedia(ctx: ActionContext, input: UploadMediaInput): Promise<UploadedMedia> {
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const checked = await checkUpload({ bytes: input.bytes, fileName: input.fileName, altText: input.altText, maxBytes });
  const facts = await readFacts(ctx, input.bytes, checked.mime, maxBytes);

  const added: string[] = [];
  const write = (bytes: Uint8Array) => {
    const file = writeMediaFile(ctx, bytes);
    if (file.isNew) added.push(file.sha256);
    return file.sha256;
  };
  try {
    const sha256 = write(facts.bytes);
    const variants: MediaVariant[] = facts.variants.map((v) => ({
      sourceSha256: sha256,
      width: v.width,
      height: v.height,
      sha256: write(v.bytes),
      mime: 'image/webp',
      bytes: v.bytes.byteLength,
    }));
    const nowIso = ctx.now().toISOString();
    return await ctx.db.transaction().execute(async (trx) => {
      const existing = await findMediaByShaAndName(trx, sha256, checked.fileName);
      let media = await upsertMedia(
        trx,
        {
          sha256,
          originalName: checked.fileName,
          mime: checked.mime,
          bytes: facts.bytes.byteLength,
          width: facts.width,
          height: facts.height,
          pages: facts.pages,
          altText: checked.altText,
        },
        nowIso,
      );
      // An imported file may have no alt text yet; a new upload of it supplies one.
      if (existing && existing.altText === '' && checked.altText !== '') {
        await updateMediaAltText(trx, media.id, checked.altText);
        media = { ...media, altText: checked.altText };
      }
      await insertMediaVariants(trx, variants);
      if (facts.pdf) await savePdfText(trx, media.id, facts.pdf);
      // Reports and pages that named this file before it existed now link to it.
      if (!existing) await rerenderItemsNaming(trx, media);
      await recordAudit(
        trx,
        {
          ...auditBy(input.user),
          action: 'media.upload',
          target: `media:${media.id}`,
          detail: { fileName: media.originalName, mime: media.mime, bytes: media.bytes, ...(existing ? { duplicate: true } : {}) },
        },
        nowIso,
      );
      await bumpContentVersion(trx);
      const stored = (await listVariants(trx, [sha256])).get(sha256) ?? [];
      const failure = facts.pdf?.failure;
      return { ...media, variants: stored, isDuplicate: existing !== undefined, ...(failure === undefined ? {} : { pdfFailure: failure }) };
    });
  } catch (error) {
    await removeUnneededFiles(ctx, added);
    throw error;
  }
}

/** Removes files this upload created that no record holds (another upload may have claimed one meanwhile). */
async function removeUnneededFiles(ctx: ActionContext, sha256s: string[]): Promise<void> {
  for (const sha256 of sha256s) {
    if (!(await isContentStored(ctx.db, sha256))) removeMediaFile(ctx, sha256);
  }
}

/**
 * A photo's EXIF, XMP or IPTC can hold where it was taken (GPS), the camera's serial number
 * and the author's name: a public site must not give those away. Such an image is stored
 * re-encoded in its own format without them (orientation applied, colour profile kept);
 * an image without metadata is stored byte for byte.
 */
async function withoutMetadata(bytes: Uint8Array, metadata: Metadata): Promise<Uint8Array> {
  if (!metadata.exif && !metadata.xmp && !metadata.iptc) return bytes;
  const sharp = await loadSharp();
  const image = sharp(bytes).autoOrient().keepIccProfile();
  const encoded =
    metadata.format === 'png'
      ? image.png({ compressionLevel: 9 })
      : metadata.format === 'webp'
        ? image.webp({ quality: 90 })
        : image.jpeg({ quality: 92, mozjpeg: true });
  return new Uint8Array(await encoded.toBuffer());
}

/** Office files are stored as they are: nothing is read from them (no text, no page count). */
async function readFacts(ctx: ActionContext, bytes: Uint8Array, mime: string, maxBytes: number): Promise<ContentFacts> {
  if (isImageType(mime)) return readImage(bytes, mime);
  if (mime === 'application/pdf') return readPdfFacts(ctx, bytes, maxBytes);
  return { bytes, width: null, height: null, pages: null, variants: [] };
}

async function readPdfFacts(ctx: ActionContext, bytes: Uint8Array, maxBytes: number): Promise<ContentFacts> {
  // A PDF that file-type recognises but pdfjs cannot open (unusual structure, damage) is
  // still accepted: browsers often open such files. Its label then shows no page count.
  const pdf = await readPdf(ctx, bytes, maxBytes);
  return { bytes, width: null, height: null, pages: pdf.pages, variants: [], pdf };
}

/** Size as displayed (EXIF orientation applied) and the WebP variants; a full decode proves the file readable. */
async function readImage(bytes: Uint8Array, mime: string): Promise<ContentFacts> {
  const sharp = await loadSharp();
  try {
    const metadata = await sharp(bytes).metadata();
    const { width, height } = metadata.autoOrient;
    if (!width || !height) throw new Error('image without dimensions');
    const variants: ContentFacts['variants'] = [];
    for (const target of variantWidthsFor(width)) {
      const { data, info } = await sharp(bytes)
        .autoOrient()
        .resize({ width: target, withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer({ resolveWithObject: true });
      variants.push({ width: info.width, height: info.height, bytes: new Uint8Array(data) });
    }
    if (variants.length === 0) await sharp(bytes).raw().toBuffer();
    return { bytes: await withoutMetadata(bytes, metadata), width, height, pages: null, variants };
  } catch {
    const message = mediaMessages.brokenImage(formatName(mime));
    throw new ValidationError(message, { file: message });
  }
}
