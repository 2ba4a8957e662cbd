import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { inspectPdf, type PdfLimits } from '../../../src/actions/media/inspect-pdf.js';
import { makeTextPdf } from '../../support/text-pdf.js';

const LIMITS: PdfLimits = { maxBytes: 1024 * 1024, maxPages: 500, maxChars: 1_000_000 };

test('reads the page count and the Japanese text of every page', async () => {
  const pdf = makeTextPdf(['1 日米防衛相会談\n海洋安全保障について協議した。', '2 共同声明(全角ＡＢＣ)']);
  const facts = await inspectPdf(pdf, LIMITS);
  assert.deepEqual(facts, {
    pages: 2,
    text: '1 日米防衛相会談\n海洋安全保障について協議した。\n\n2 共同声明(全角ＡＢＣ)',
    isTruncated: false,
  });
});

test('reads Japanese text encoded with a predefined Adobe CMap (read from the package on disk)', async () => {
  const facts = await inspectPdf(makeTextPdf(['外務副大臣との会談'], { predefinedCMap: true }), LIMITS);
  assert.equal(facts.text, '外務副大臣との会談');
});

test('reads Latin text written with a standard font', async () => {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText('Vice-ministerial 2+2 dialogue', { x: 50, y: 700, font, size: 12 });
  const facts = await inspectPdf(await doc.save(), LIMITS);
  assert.equal(facts.pages, 1);
  assert.equal(facts.text, 'Vice-ministerial 2+2 dialogue');
});

test('accepts a file it cannot open with no pages, no text and the cause', async () => {
  const facts = await inspectPdf(new TextEncoder().encode('%PDF-1.4\nnot really a PDF'), LIMITS);
  assert.equal(facts.pages, null);
  assert.equal(facts.text, '');
  assert.match(facts.failure ?? '', /Invalid PDF/);
});

test('keeps the text before a damaged page, with the cause', async () => {
  const pdf = Buffer.from(makeTextPdf(['一ページ目', '二ページ目'])).toString('latin1');
  const damaged = pdf.replace('/Kids [6 0 R 8 0 R]', '/Kids [6 0 R 99 0 R]');
  assert.notEqual(damaged, pdf);
  const facts = await inspectPdf(Buffer.from(damaged, 'latin1'), LIMITS);
  assert.equal(facts.pages, 2);
  assert.equal(facts.text, '一ページ目');
  assert.equal(facts.isTruncated, true);
  assert.match(facts.failure ?? '', /kid reference/);
});

test('reads the text of the first pages only, and says it left some out', async () => {
  const pdf = makeTextPdf(['一ページ', '二ページ', '三ページ']);
  const facts = await inspectPdf(pdf, { ...LIMITS, maxPages: 2 });
  assert.equal(facts.pages, 3);
  assert.equal(facts.text, '一ページ\n\n二ページ');
  assert.equal(facts.isTruncated, true);
});

test('keeps at most the given number of characters', async () => {
  const pdf = makeTextPdf(['あいうえおかきくけこ', 'さしすせそ']);
  const facts = await inspectPdf(pdf, { ...LIMITS, maxChars: 7 });
  assert.equal(facts.text, 'あいうえおかき');
  assert.equal(facts.isTruncated, true);
});

test('does not parse a file over the size limit', async () => {
  const pdf = makeTextPdf(['本文']);
  const facts = await inspectPdf(pdf, { ...LIMITS, maxBytes: pdf.byteLength - 1 });
  assert.equal(facts.pages, null);
  assert.equal(facts.text, '');
  assert.match(facts.failure ?? '', /larger than/);
});

test("reads a Node Buffer (as multipart uploads give) and leaves the caller's bytes usable", async () => {
  const pdf = Buffer.from(makeTextPdf(['本文']));
  assert.equal((await inspectPdf(pdf, LIMITS)).text, '本文');
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
});
