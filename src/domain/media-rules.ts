// What may be uploaded and how it is named: the type decided from the content (never the
// file name or the browser's Content-Type), the size limit, the stored file name, alt
// text for images and attachment labels. Every refusal carries a Japanese message for
// the field it concerns ('file', 'altText', 'label', 'summary').
import { fileTypeFromBuffer } from 'file-type/core';
import { formatName } from './attachment.js';
import { legacyOfficeType } from './compound-file.js';
import { ValidationError } from './errors.js';

const OFFICE_TYPES = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
] as const;

export const ACCEPTED_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp', ...OFFICE_TYPES] as const;
export type AcceptedMediaType = (typeof ACCEPTED_MEDIA_TYPES)[number];

export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** In characters (code points), extension included; long enough for any real document title. */
export const MAX_FILE_NAME_LENGTH = 120;
export const MAX_ALT_TEXT_LENGTH = 200;
export const MAX_LABEL_LENGTH = 100;
export const MAX_SUMMARY_LENGTH = 200;
/** Widths of the WebP variants made for every image wider than them. */
export const VARIANT_WIDTHS = [640, 1280] as const;

const EXTENSIONS: Record<AcceptedMediaType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/msword': ['doc'],
  'application/vnd.ms-excel': ['xls'],
  'application/vnd.ms-powerpoint': ['ppt'],
};

const ACCEPTED_LIST = 'PDF・JPEG・PNG・WebP・Word・Excel・PowerPoint';

/** The `accept` attribute of upload fields: extensions first (older pickers read only those), then types. */
export const UPLOAD_ACCEPT = [
  ...Object.values(EXTENSIONS)
    .flat()
    .map((e) => `.${e}`),
  ...ACCEPTED_MEDIA_TYPES,
].join(',');

export function isAcceptedMediaType(mime: string): mime is AcceptedMediaType {
  return (ACCEPTED_MEDIA_TYPES as readonly string[]).includes(mime);
}

export function isImageType(mime: string): boolean {
  return mime.startsWith('image/');
}

/** Word, Excel and PowerPoint files: stored as they are, never read (no text is extracted or indexed). */
export function isOfficeType(mime: string): boolean {
  return (OFFICE_TYPES as readonly string[]).includes(mime);
}

/**
 * Whether a browser may show the file in the page (PDF and images). Everything else, Office
 * files and whatever an import brought, is sent as a download, so no stored file is ever
 * rendered as a page of this site.
 */
export function isShownInline(mime: string): boolean {
  return mime === 'application/pdf' || (isAcceptedMediaType(mime) && isImageType(mime));
}

/**
 * The MIME type found in the bytes, or undefined when the content has no known signature (text, say).
 * OOXML (a zip) is typed by file-type from its [Content_Types].xml; a legacy Office file is a
 * compound file (CFB) that file-type leaves untyped, so its top-level streams decide.
 */
export async function sniffMediaType(bytes: Uint8Array): Promise<string | undefined> {
  const mime = (await fileTypeFromBuffer(bytes))?.mime;
  if (mime === 'application/x-cfb') return legacyOfficeType(bytes) ?? mime;
  return mime;
}

/** "20MB", "23.4MB", "512KB": the sizes quoted in messages. */
export function formatMegabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.ceil(bytes / 1024))}KB`;
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb}MB` : `${mb.toFixed(1)}MB`;
}

export const mediaMessages = {
  empty: 'ファイルが空です（0バイト）。もう一度ファイルを選んでください。',
  tooLarge: (maxBytes: number, bytes: number) =>
    `ファイルが大きすぎます（上限${formatMegabytes(maxBytes)}、このファイルは${formatMegabytes(bytes)}）。画像は縮小し、文書は分割するかPDFで保存し直してから選んでください。`,
  refusedType: (what: string) => `${ACCEPTED_LIST}以外のファイルは登録できません（このファイルは${what}です）。これらの形式で保存し直してから選んでください。`,
  /** The name promises an accepted type that the content is not: 「報告.pdf」 holding text. */
  misnamed: (extension: string, expected: string, what: string) =>
    `ファイル名は「.${extension}」ですが、中身は${expected}ではありません（このファイルは${what}です）。${ACCEPTED_LIST}のファイルを選んでください。`,
  brokenImage: (format: string) => `${format}画像として読み込めません。ファイルが壊れている可能性があります。別のファイルを選んでください。`,
  altRequired: '画像の内容を説明する代替テキストを入力してください（画面読み上げで読まれます）。',
  altTooLong: (length: number) => `代替テキストは${MAX_ALT_TEXT_LENGTH}文字以内で入力してください（現在${length}文字）。`,
  labelRequired: 'リンクに表示する名前を入力してください（例：ファクトシート）。',
  labelTooLong: (length: number) => `名前は${MAX_LABEL_LENGTH}文字以内で入力してください（現在${length}文字）。`,
  summaryTooLong: (length: number) => `説明は${MAX_SUMMARY_LENGTH}文字以内で入力してください（現在${length}文字）。`,
} as const;

/** How a refused file is described to the user: 「GIF形式」, or that its type is unknown. */
function describeContent(mime: string | undefined): string {
  if (mime === 'application/x-cfb') return '種類を判別できないOffice形式';
  return mime === undefined ? '種類を判別できない形式' : `${formatName(mime)}形式`;
}

/** The last part of a path as Windows or Unix browsers send it. */
function baseName(rawName: string): string {
  return rawName.split(/[\\/]/).pop() ?? '';
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function typeForExtension(extension: string): AcceptedMediaType | undefined {
  return ACCEPTED_MEDIA_TYPES.find((type) => EXTENSIONS[type].includes(extension));
}

// C0 and C1 controls, DEL, and the bidirectional overrides that can disguise an
// extension (「資料‮fdp.exe」).
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The name a file is stored and downloaded under: the last path part of what the browser
 * sent, without control characters, NFC, at most MAX_FILE_NAME_LENGTH characters, and with
 * an extension that matches the content (「写真.pdf」 holding a PNG becomes 「写真.png」; a
 * name without a known extension gets one appended). Never empty, never only dots.
 */
export function cleanFileName(rawName: string, mime: AcceptedMediaType): string {
  let name = baseName(rawName).replace(UNSAFE_CHARACTERS, '').normalize('NFC').trim();
  if (/^\.*$/.test(name)) name = 'file';
  const expected = EXTENSIONS[mime];
  const extension = extensionOf(name);
  if (!expected.includes(extension)) {
    const stem = typeForExtension(extension) ? name.slice(0, name.lastIndexOf('.')) : name;
    name = `${stem}.${expected[0]}`;
  }
  const chars = [...name];
  if (chars.length <= MAX_FILE_NAME_LENGTH) return name;
  const tail = `.${extensionOf(name)}`;
  return (
    chars
      .slice(0, MAX_FILE_NAME_LENGTH - tail.length)
      .join('')
      .trimEnd() + tail
  );
}

/** Trimmed, NFC alt text; required (non-empty) for images, optional for documents. */
export function checkAltText(mime: string, rawAltText: string): string {
  const altText = rawAltText.normalize('NFC').replace(/\s+/g, ' ').trim();
  const length = [...altText].length;
  if (isImageType(mime) && length === 0) throw new ValidationError(mediaMessages.altRequired, { altText: mediaMessages.altRequired });
  if (length > MAX_ALT_TEXT_LENGTH) {
    const message = mediaMessages.altTooLong(length);
    throw new ValidationError(message, { altText: message });
  }
  return altText;
}

export interface UploadInput {
  bytes: Uint8Array;
  /** As the browser or the command line gave it; may hold a path. */
  fileName: string;
  altText: string;
  maxBytes: number;
}

export interface CheckedUpload {
  mime: AcceptedMediaType;
  fileName: string;
  altText: string;
}

/**
 * Decides whether an upload is accepted, from its size and content only.
 * @throws ValidationError with a message for `file` (empty, too large, refused type, a name
 *   promising a type the content is not) and/or `altText` (missing for an image, too long).
 */
export async function checkUpload(input: UploadInput): Promise<CheckedUpload> {
  const size = input.bytes.byteLength;
  const fileError = (message: string) => namedFileError(input.fileName, message);
  if (size === 0) throw fileError(mediaMessages.empty);
  if (size > input.maxBytes) throw fileError(mediaMessages.tooLarge(input.maxBytes, size));
  const sniffed = await sniffMediaType(input.bytes);
  if (sniffed === undefined || !isAcceptedMediaType(sniffed)) {
    const extension = extensionOf(baseName(input.fileName));
    const claimed = typeForExtension(extension);
    const what = describeContent(sniffed);
    if (claimed) throw fileError(mediaMessages.misnamed(extension, formatName(claimed), what));
    throw fileError(mediaMessages.refusedType(what));
  }
  const altText = checkAltText(sniffed, input.altText);
  return { mime: sniffed, fileName: cleanFileName(input.fileName, sniffed), altText };
}

function namedFileError(rawName: string, message: string): ValidationError {
  const named = withFileName(rawName, message);
  return new ValidationError(named, { file: named });
}

/**
 * A refusal's message naming the chosen file (「申込書.zip」：…), so the person still knows
 * which one it was after the form comes back with the file field empty.
 */
export function withFileName(rawName: string, message: string): string {
  const chars = [...baseName(rawName).replace(UNSAFE_CHARACTERS, '').normalize('NFC').trim()];
  const name = chars.length > 60 ? `${chars.slice(0, 59).join('')}…` : chars.join('');
  return name === '' ? message : `「${name}」：${message}`;
}

export interface AttachmentText {
  label: string;
  summary: string;
}

/** The label shown as the link text and the short summary beside it, both trimmed and NFC. */
export function checkAttachmentText(raw: { label: string; summary?: string }): AttachmentText {
  const label = raw.label.normalize('NFC').replace(/\s+/g, ' ').trim();
  const summary = (raw.summary ?? '').normalize('NFC').trim();
  const fields: Record<string, string> = {};
  const labelLength = [...label].length;
  const summaryLength = [...summary].length;
  if (labelLength === 0) fields.label = mediaMessages.labelRequired;
  else if (labelLength > MAX_LABEL_LENGTH) fields.label = mediaMessages.labelTooLong(labelLength);
  if (summaryLength > MAX_SUMMARY_LENGTH) fields.summary = mediaMessages.summaryTooLong(summaryLength);
  const first = Object.values(fields)[0];
  if (first !== undefined) throw new ValidationError(first, fields);
  return { label, summary };
}

/** Which variant widths an image of this (displayed) width gets: never an upscale. */
export function variantWidthsFor(width: number): number[] {
  return VARIANT_WIDTHS.filter((w) => width > w);
}
