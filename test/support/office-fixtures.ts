// Small but valid Office files for the upload tests, written on the spot (no zip library is
// installed): OOXML packages as deflated zip archives with the parts Word, Excel and
// PowerPoint need to open them, and legacy files as compound files (MS-CFB) holding the
// one stream whose name tells which program wrote them.
import { crc32, deflateRawSync } from 'node:zlib';

type Part = [path: string, content: string];

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const RELS_TYPE = 'application/vnd.openxmlformats-package.relationships+xml';
const OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';

function contentTypes(mainPath: string, mainType: string, extra: Part[] = []): string {
  const overrides = [[mainPath, mainType], ...extra].map(([p, t]) => `<Override PartName="/${p}" ContentType="${t}"/>`).join('');
  return `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="${RELS_TYPE}"/><Default Extension="xml" ContentType="application/xml"/>${overrides}</Types>`;
}

function rootRels(mainPath: string): string {
  return `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${OFFICE_DOCUMENT}" Target="${mainPath}"/></Relationships>`;
}

/** A .docx with one paragraph of text. */
export function makeDocx(paragraph = '参加申込書'): Uint8Array {
  const main = 'word/document.xml';
  return zip([
    ['[Content_Types].xml', contentTypes(main, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml')],
    ['_rels/.rels', rootRels(main)],
    [
      main,
      `${XML}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${paragraph}</w:t></w:r></w:p></w:body></w:document>`,
    ],
  ]);
}

/** An .xlsx with one sheet and one number. */
export function makeXlsx(): Uint8Array {
  const main = 'xl/workbook.xml';
  const sheetType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
  return zip([
    ['[Content_Types].xml', contentTypes(main, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', [['xl/worksheets/sheet1.xml', sheetType]])],
    ['_rels/.rels', rootRels(main)],
    [
      main,
      `${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="予算" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ],
    [
      'xl/worksheets/sheet1.xml',
      `${XML}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1200</v></c></row></sheetData></worksheet>`,
    ],
  ]);
}

/** A .pptx package with an empty presentation part (enough for typing by content). */
export function makePptx(): Uint8Array {
  const main = 'ppt/presentation.xml';
  return zip([
    ['[Content_Types].xml', contentTypes(main, 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml')],
    ['_rels/.rels', rootRels(main)],
    [main, `${XML}<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>`],
  ]);
}

/** A zip archive of deflated entries with a central directory, as Office writes them. */
export function zip(parts: Part[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [path, content] of parts) {
    const name = Buffer.from(path, 'utf8');
    const data = Buffer.from(content, 'utf8');
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const LEGACY_STREAMS = { doc: 'WordDocument', xls: 'Workbook', ppt: 'PowerPoint Document', other: 'Contents' } as const;

/**
 * A compound file (version 3, 512-byte sectors): header, one FAT sector, one directory sector
 * with the root storage and a single empty stream named for the program (`other`: a stream no
 * Office program writes, as in a file of some other compound-file format).
 */
export function makeLegacyOffice(kind: keyof typeof LEGACY_STREAMS): Uint8Array {
  const sector = 512;
  const file = Buffer.alloc(sector * 3);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file, 0);
  file.writeUInt16LE(0x3e, 0x18); // minor version
  file.writeUInt16LE(3, 0x1a); // major version
  file.writeUInt16LE(0xfffe, 0x1c); // little-endian
  file.writeUInt16LE(9, 0x1e); // 2^9 = 512-byte sectors
  file.writeUInt16LE(6, 0x20); // 64-byte mini sectors
  file.writeUInt32LE(1, 0x2c); // one FAT sector
  file.writeUInt32LE(1, 0x30); // directory starts at sector 1
  file.writeUInt32LE(0x1000, 0x38); // mini stream cutoff
  file.writeUInt32LE(0xfffffffe, 0x3c); // no mini FAT
  file.writeUInt32LE(0xfffffffe, 0x44); // no DIFAT sectors
  for (let i = 0; i < 109; i++) file.writeUInt32LE(0xffffffff, 0x4c + i * 4);
  file.writeUInt32LE(0, 0x4c); // the FAT is sector 0
  const fat = sector;
  for (let i = 0; i < sector / 4; i++) file.writeUInt32LE(0xffffffff, fat + i * 4);
  file.writeUInt32LE(0xfffffffd, fat); // sector 0: FAT
  file.writeUInt32LE(0xfffffffe, fat + 4); // sector 1: directory, end of chain
  const directory = sector * 2;
  writeEntry(file, directory, 'Root Entry', 5, 1);
  writeEntry(file, directory + 128, LEGACY_STREAMS[kind], 2, 0xffffffff);
  return new Uint8Array(file);
}

function writeEntry(file: Buffer, at: number, name: string, type: number, child: number): void {
  Buffer.from(`${name}\0`, 'utf16le').copy(file, at);
  file.writeUInt16LE((name.length + 1) * 2, at + 0x40);
  file.writeUInt8(type, at + 0x42);
  file.writeUInt32LE(0xffffffff, at + 0x44);
  file.writeUInt32LE(0xffffffff, at + 0x48);
  file.writeUInt32LE(child, at + 0x4c);
  file.writeUInt32LE(0xfffffffe, at + 0x74); // start sector: none
}
