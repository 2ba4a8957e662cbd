// PDFs with real text in any script, written by hand for the tests: each page shows its
// lines in a Type0 font (Identity-H, character id = Unicode code point) with a ToUnicode
// map, so a reader extracts exactly those characters. No font program is embedded, and
// none is needed on the machine: text extraction reads only the map.

function toHex(text: string): string {
  let hex = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code > 0xffff) throw new Error('text-pdf: characters outside the BMP are not supported');
    hex += code.toString(16).padStart(4, '0').toUpperCase();
  }
  return hex;
}

function toUnicodeMap(chars: Set<string>): string {
  const entries = [...chars].map((ch) => `<${toHex(ch)}> <${toHex(ch)}>`);
  const blocks: string[] = [];
  // A bfchar block holds at most 100 entries.
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100);
    blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Test-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/**
 * A PDF whose page i shows `pages[i]` (lines split on \n). With `predefinedCMap`, the font
 * instead uses Adobe's predefined UniJIS-UCS2-H encoding and has no ToUnicode map, as many
 * Japanese office documents do: a reader needs Adobe's CMap files to get the text.
 */
export function makeTextPdf(pages: string[], options: { predefinedCMap?: boolean } = {}): Uint8Array {
  const chars = new Set<string>();
  for (const page of pages) for (const ch of page.replace(/\n/g, '')) chars.add(ch);
  if (chars.size === 0) chars.add(' ');

  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  const stream = (content: string) => {
    const bytes = Buffer.byteLength(content, 'latin1');
    return `<< /Length ${bytes} >>\nstream\n${content}\nendstream`;
  };
  // 1 catalog, 2 pages tree, 3 font, 4 descendant font, 5 ToUnicode; pages follow.
  add('<< /Type /Catalog /Pages 2 0 R >>');
  const pageIds = pages.map((_, i) => 6 + i * 2);
  add(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  add(
    options.predefinedCMap
      ? '<< /Type /Font /Subtype /Type0 /BaseFont /TestGothic /Encoding /UniJIS-UCS2-H /DescendantFonts [4 0 R] >>'
      : '<< /Type /Font /Subtype /Type0 /BaseFont /TestGothic /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>',
  );
  const ordering = options.predefinedCMap ? '(Japan1) /Supplement 6' : '(Identity) /Supplement 0';
  add(
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /TestGothic /CIDSystemInfo << /Registry (Adobe) /Ordering ' +
      ordering +
      ' >> /FontDescriptor << /Type /FontDescriptor /FontName /TestGothic /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >> /DW 1000 >>',
  );
  add(stream(toUnicodeMap(chars)));
  for (const page of pages) {
    const lines = page.split('\n');
    const ops = lines.map((line, i) => `BT /F1 12 Tf 50 ${780 - i * 18} Td <${toHex(line)}> Tj ET`).join('\n');
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objects.length + 2} 0 R >>`);
    add(stream(ops));
  }

  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (const [i, body] of objects.entries()) {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  }
  const xrefAt = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
