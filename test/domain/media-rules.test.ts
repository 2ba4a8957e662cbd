import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError } from '../../src/domain/errors.js';
import {
  checkAltText,
  checkAttachmentText,
  checkUpload,
  cleanFileName,
  DEFAULT_MAX_UPLOAD_BYTES,
  formatMegabytes,
  isShownInline,
  MAX_FILE_NAME_LENGTH,
  variantWidthsFor,
} from '../../src/domain/media-rules.js';
import { makeImage, makePdf, text } from '../support/media-fixtures.js';
import { makeDocx, makeLegacyOffice, makePptx, makeXlsx, zip } from '../support/office-fixtures.js';

const MB = 1024 * 1024;

function fieldsOf(error: unknown): Record<string, string> {
  assert.ok(error instanceof ValidationError, `expected a ValidationError, got ${String(error)}`);
  return error.fields;
}

async function refusal(input: Parameters<typeof checkUpload>[0]): Promise<Record<string, string>> {
  try {
    await checkUpload(input);
  } catch (error) {
    return fieldsOf(error);
  }
  assert.fail('the upload was accepted');
}

const upload = (bytes: Uint8Array, fileName: string, altText = '') => ({ bytes, fileName, altText, maxBytes: DEFAULT_MAX_UPLOAD_BYTES });

test('types a PNG named .pdf as PNG and gives it the .png extension', async () => {
  const checked = await checkUpload(upload(await makeImage('png', 10, 10), '会議資料.pdf', '会議の様子'));
  assert.equal(checked.mime, 'image/png');
  assert.equal(checked.fileName, '会議資料.png');
});

test('types a PDF named .jpg as PDF', async () => {
  const checked = await checkUpload(upload(await makePdf(1), 'scan.jpg'));
  assert.equal(checked.mime, 'application/pdf');
  assert.equal(checked.fileName, 'scan.pdf');
});

test('accepts JPEG and WebP by content whatever the browser called them', async () => {
  assert.equal((await checkUpload(upload(await makeImage('jpeg', 8, 8), 'photo', '写真'))).mime, 'image/jpeg');
  assert.equal((await checkUpload(upload(await makeImage('webp', 8, 8), 'photo.webp', '写真'))).mime, 'image/webp');
});

test('refuses a text file named .pdf, saying the name promises a PDF the content is not', async () => {
  const fields = await refusal(upload(text('これはPDFではありません'), '報告.pdf'));
  assert.equal(
    fields.file,
    '「報告.pdf」：ファイル名は「.pdf」ですが、中身はPDFではありません（このファイルは種類を判別できない形式です）。PDF・JPEG・PNG・WebP・Word・Excel・PowerPointのファイルを選んでください。',
  );
});

test('refuses other types naming what the file is', async () => {
  const gif = new Uint8Array([...text('GIF89a'), 1, 0, 1, 0, 0, 0, 0, 44, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 68, 1, 0, 59]);
  assert.equal(
    (await refusal(upload(gif, 'anim.gif'))).file,
    '「anim.gif」：PDF・JPEG・PNG・WebP・Word・Excel・PowerPoint以外のファイルは登録できません（このファイルはGIF形式です）。これらの形式で保存し直してから選んでください。',
  );
  assert.equal(
    (await refusal(upload(text('a,b\n1,2\n'), 'data.csv'))).file,
    '「data.csv」：PDF・JPEG・PNG・WebP・Word・Excel・PowerPoint以外のファイルは登録できません（このファイルは種類を判別できない形式です）。これらの形式で保存し直してから選んでください。',
  );
});

test('refuses a file over the limit with both sizes in the message', async () => {
  const bytes = new Uint8Array(Math.round(23.4 * MB));
  const fields = await refusal({ bytes, fileName: 'big.pdf', altText: '', maxBytes: 20 * MB });
  assert.equal(fields.file, '「big.pdf」：ファイルが大きすぎます（上限20MB、このファイルは23.4MB）。画像は縮小し、文書は分割するかPDFで保存し直してから選んでください。');
});

test('applies a configured limit', async () => {
  const pdf = await makePdf(1);
  const fields = await refusal({ bytes: pdf, fileName: 'a.pdf', altText: '', maxBytes: pdf.byteLength - 1 });
  assert.match(fields.file!, /^「a\.pdf」：ファイルが大きすぎます/);
  assert.equal((await checkUpload({ bytes: pdf, fileName: 'a.pdf', altText: '', maxBytes: pdf.byteLength })).mime, 'application/pdf');
});

test('refuses an empty file, naming it', async () => {
  assert.equal((await refusal(upload(new Uint8Array(0), 'empty.pdf'))).file, '「empty.pdf」：ファイルが空です（0バイト）。もう一度ファイルを選んでください。');
});

test('requires alt text for images but not for PDFs', async () => {
  const fields = await refusal(upload(await makeImage('jpeg', 8, 8), 'photo.jpg', '   '));
  assert.match(fields.altText!, /代替テキストを入力してください/);
  assert.equal((await checkUpload(upload(await makePdf(1), 'a.pdf', ''))).altText, '');
});

test('limits alt text to 200 characters, counting characters not bytes', () => {
  assert.equal(checkAltText('image/png', 'あ'.repeat(200)).length, 200);
  assert.throws(
    () => checkAltText('image/png', 'あ'.repeat(201)),
    (e) => /200文字以内.*201文字/.test(fieldsOf(e).altText!),
  );
});

test('trims and collapses white space in alt text', () => {
  assert.equal(checkAltText('image/jpeg', '  意見交換会の\n様子  '), '意見交換会の 様子');
});

test('keeps only the last path part of a file name', () => {
  assert.equal(cleanFileName('C:\\Users\\秘書\\Desktop\\資料.pdf', 'application/pdf'), '資料.pdf');
  assert.equal(cleanFileName('../../etc/passwd.pdf', 'application/pdf'), 'passwd.pdf');
});

test('strips control characters and bidirectional overrides from a file name', () => {
  assert.equal(cleanFileName('資料\u0000\u0007\u202e.pdf', 'application/pdf'), '資料.pdf');
  assert.equal(cleanFileName('a\nb.pdf', 'application/pdf'), 'ab.pdf');
});

test('normalises a file name to NFC', () => {
  const decomposed = 'か\u3099いこう.pdf'; // が written as か + combining mark, as macOS sends it
  assert.equal(cleanFileName(decomposed, 'application/pdf'), 'がいこう.pdf');
});

test('names a file without a usable name', () => {
  assert.equal(cleanFileName('', 'image/png'), 'file.png');
  assert.equal(cleanFileName('..', 'application/pdf'), 'file.pdf');
  assert.equal(cleanFileName('報告書', 'application/pdf'), '報告書.pdf');
});

test('caps a long file name and keeps its extension', () => {
  const name = cleanFileName(`${'長'.repeat(300)}.pdf`, 'application/pdf');
  assert.equal([...name].length, MAX_FILE_NAME_LENGTH);
  assert.ok(name.endsWith('長.pdf'));
});

test('keeps a matching extension in any case', () => {
  assert.equal(cleanFileName('PHOTO.JPEG', 'image/jpeg'), 'PHOTO.JPEG');
});

test('makes variants only narrower than the original', () => {
  assert.deepEqual(variantWidthsFor(2000), [640, 1280]);
  assert.deepEqual(variantWidthsFor(1280), [640]);
  assert.deepEqual(variantWidthsFor(641), [640]);
  assert.deepEqual(variantWidthsFor(640), []);
});

test('formats sizes for messages', () => {
  assert.equal(formatMegabytes(20 * MB), '20MB');
  assert.equal(formatMegabytes(1.25 * MB), '1.3MB');
  assert.equal(formatMegabytes(500), '1KB');
});

test('requires an attachment label and limits label and summary', () => {
  assert.deepEqual(checkAttachmentText({ label: ' ファクトシート ', summary: ' 要点 ' }), { label: 'ファクトシート', summary: '要点' });
  assert.throws(
    () => checkAttachmentText({ label: ' ' }),
    (e) => /名前を入力してください/.test(fieldsOf(e).label!),
  );
  assert.throws(
    () => checkAttachmentText({ label: 'a', summary: 'あ'.repeat(201) }),
    (e) => /200文字以内/.test(fieldsOf(e).summary!),
  );
  assert.throws(
    () => checkAttachmentText({ label: 'あ'.repeat(101) }),
    (e) => /100文字以内/.test(fieldsOf(e).label!),
  );
});

test('accepts Word, Excel and PowerPoint files by content, OOXML and legacy, and names them by their type', async () => {
  const cases = [
    [makeDocx(), '申込書', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', '申込書.docx'],
    [makeXlsx(), '予算表.xls', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '予算表.xlsx'],
    [makePptx(), '説明資料.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', '説明資料.pptx'],
    [makeLegacyOffice('doc'), '旧様式.doc', 'application/msword', '旧様式.doc'],
    [makeLegacyOffice('xls'), '旧予算.docx', 'application/vnd.ms-excel', '旧予算.xls'],
    [makeLegacyOffice('ppt'), 'slides', 'application/vnd.ms-powerpoint', 'slides.ppt'],
  ] as const;
  for (const [bytes, name, mime, stored] of cases) {
    const checked = await checkUpload(upload(bytes, name));
    assert.deepEqual([checked.mime, checked.fileName], [mime, stored], name);
  }
});

test('refuses a plain zip and a compound file no Office program wrote, naming the chosen file', async () => {
  const plainZip = zip([['memo.txt', 'メモ']]);
  assert.match(
    (await refusal(upload(plainZip, '資料.docx'))).file!,
    /^「資料\.docx」：ファイル名は「\.docx」ですが、中身はWordではありません（このファイルはZIP形式です）/,
  );
  assert.match((await refusal(upload(makeLegacyOffice('other'), 'data.bin'))).file!, /^「data\.bin」：.*種類を判別できないOffice形式/);
});

test('shows PDFs and images in the browser and sends Office files as downloads', () => {
  assert.equal(isShownInline('application/pdf'), true);
  assert.equal(isShownInline('image/png'), true);
  assert.equal(isShownInline('application/msword'), false);
  assert.equal(isShownInline('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), false);
  assert.equal(isShownInline('image/svg+xml'), false);
});
