// Reading an uploaded PDF with pdfjs-dist: its page count and the text of its first pages,
// for the attachment label and the search index. The file is untrusted: nothing is
// evaluated, fetched or rendered, and the amount read is bounded. The time limit is the
// work pool's (a task over time is stopped by terminating its worker thread).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DEFAULT_MAX_UPLOAD_BYTES } from '../../domain/media-rules.js';
import { LIMITS } from '../../domain/report-rules.js';

export interface PdfLimits {
  /** Larger files are not parsed at all (the upload limit). */
  maxBytes: number;
  /** Pages whose text is read; the page count covers the whole file. */
  maxPages: number;
  /** Characters of text kept. */
  maxChars: number;
}

/**
 * What uploads read: text of the first 500 pages, at most as many characters as a report's
 * body may hold, so indexing a file costs no more than indexing the longest report.
 */
export const DEFAULT_PDF_LIMITS: PdfLimits = { maxBytes: DEFAULT_MAX_UPLOAD_BYTES, maxPages: 500, maxChars: LIMITS.bodyChars };

export interface PdfFacts {
  /** Null when the file could not be opened. */
  pages: number | null;
  /** The text, pages separated by blank lines; '' when none could be read. */
  text: string;
  /** Pages or characters were left out by the limits. */
  isTruncated: boolean;
  /** Why the file could not be read (it is still accepted: browsers often open such files). */
  failure?: string;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjs: Promise<PdfJs> | undefined;
/** pdfjs-dist (several MB) is loaded at the first PDF, never when the server starts. */
const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/**
 * The package's own predefined CMaps (needed to read text in fonts encoded with the Adobe
 * Japanese character collections), read from disk: never fetched. Resolved from the
 * installed package, so it works from the sources and from the bundle alike.
 */
function cMapDirectory(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps') + '/';
}

export async function inspectPdf(bytes: Uint8Array, limits: PdfLimits = DEFAULT_PDF_LIMITS): Promise<PdfFacts> {
  if (bytes.byteLength > limits.maxBytes) {
    return { pages: null, text: '', isTruncated: false, failure: `larger than ${limits.maxBytes} bytes` };
  }
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  const task = getDocument({
    // pdfjs may take ownership of (detach) the buffer it is given, and refuses a Node
    // Buffer (whose slice() is a view): give it a plain copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    enableXfa: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    useWasm: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    stopAtErrors: false,
    cMapUrl: cMapDirectory(),
    cMapPacked: true,
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (error) {
      return { pages: null, text: '', isTruncated: false, failure: describe(error) };
    }
    const pages = doc.numPages;
    const texts: string[] = [];
    let chars = 0;
    let isTruncated = pages > limits.maxPages;
    try {
      for (let n = 1; n <= Math.min(pages, limits.maxPages); n++) {
        const pageText = await readPageText(doc, n);
        if (chars + pageText.length > limits.maxChars) {
          texts.push(pageText.slice(0, Math.max(0, limits.maxChars - chars)));
          isTruncated = true;
          break;
        }
        texts.push(pageText);
        chars += pageText.length + 2;
      }
    } catch (error) {
      // A damaged page (a broken page tree, say) ends the reading: the pages before it count.
      return { pages, text: texts.join('\n\n').trim(), isTruncated: true, failure: describe(error) };
    }
    return { pages, text: texts.join('\n\n').trim(), isTruncated };
  } finally {
    await task.destroy();
  }
}

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/** A page's text runs in content order; a run ending a line (hasEOL) ends with a newline. */
async function readPageText(doc: PdfDocument, pageNumber: number): Promise<string> {
  const page = await doc.getPage(pageNumber);
  try {
    const content = await page.getTextContent({ disableNormalization: false });
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str;
      if (item.hasEOL) text += '\n';
    }
    return text.trim();
  } finally {
    page.cleanup();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
