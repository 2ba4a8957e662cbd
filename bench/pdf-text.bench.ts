// PDF reading speed behind the "PDF text" line of docs/performance.md: a generated PDF of
// N text pages (pdf-lib, Helvetica, 45 lines of ~90 characters a page) read by inspectPdf
// as an upload is, on this thread: the first run (pdfjs-dist loaded) and the best of the
// next runs, as pages and characters per second.
//
//   node --import tsx bench/pdf-text.bench.ts               # 500 pages
//   node --import tsx bench/pdf-text.bench.ts --pages 100 --runs 5
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { DEFAULT_PDF_LIMITS, inspectPdf } from '../src/actions/media/inspect-pdf.js';

const { values } = parseArgs({ options: { pages: { type: 'string', default: '500' }, runs: { type: 'string', default: '3' } } });
const pageCount = Number(values.pages);
const runs = Number(values.runs);

const LINE = 'Joint exercise for humanitarian assistance and disaster relief, maritime domain awareness 2+2.';

async function makePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pageCount; p++) {
    const page = doc.addPage([595, 842]);
    for (let l = 0; l < 45; l++) page.drawText(`${p + 1}.${l + 1} ${LINE}`, { x: 30, y: 800 - l * 17, font, size: 9 });
  }
  return doc.save();
}

const pdf = await makePdf();
const limits = { ...DEFAULT_PDF_LIMITS, maxBytes: Number.MAX_SAFE_INTEGER, maxChars: Number.MAX_SAFE_INTEGER };
const times: number[] = [];
let chars = 0;
for (let i = 0; i <= runs; i++) {
  const start = performance.now();
  const facts = await inspectPdf(pdf, limits);
  times.push(performance.now() - start);
  chars = facts.text.length;
  if (facts.pages !== pageCount) throw new Error(`read ${facts.pages} pages of ${pageCount}`);
}
const [first, ...rest] = times;
const best = Math.min(...rest);
const rate = (ms: number) => `${Math.round((pageCount / ms) * 1000)} pages/s, ${Math.round(chars / ms)}k chars/s`;
console.log(`PDF of ${pageCount} pages, ${(pdf.byteLength / 1024).toFixed(0)} KB, ${chars} characters of text`);
console.log(`first run (loads pdfjs-dist): ${first!.toFixed(0)} ms (${rate(first!)})`);
console.log(`best of ${runs}: ${best.toFixed(0)} ms (${rate(best)})`);
