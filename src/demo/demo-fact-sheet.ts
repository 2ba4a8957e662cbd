// The demo site's PDF fact sheet (factsheet-2025.pdf in demo-content.ts): a small
// 4-page document built with pdf-lib. The standard Helvetica font has no Japanese
// glyphs, so the text is ASCII. The metadata is fixed so every run yields the same
// bytes — and therefore the same content address in the media store.
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

const FIXED_DATE = new Date('2025-03-14T00:00:00Z');
const PAGE_SIZE: [number, number] = [595.28, 841.89]; // A4 in points

const PAGES: { heading: string; lines: string[] }[] = [
  {
    heading: 'Overview',
    lines: [
      '2nd Japan-New Zealand "2+2" at vice-ministerial level, Tokyo.',
      'Participants: foreign and defence vice-ministers of both sides.',
      'This document lists the items of cooperation agreed at the meeting.',
    ],
  },
  {
    heading: 'Defence cooperation',
    lines: [
      '1. Joint humanitarian assistance and disaster relief exercise.',
      '2. New regular talks between the defence authorities.',
      '3. Closer sharing of maritime domain awareness information.',
    ],
  },
  {
    heading: 'Regional and multilateral frameworks',
    lines: [
      '1. Coordination within ASEAN-centred regional frameworks.',
      "2. Continued work in ADMM-Plus experts' working groups.",
      '3. Support for Pacific island countries on climate and maritime security.',
    ],
  },
  {
    heading: 'Economic security',
    lines: [
      '1. Keeping the high standards of the CPTPP (TPP).',
      '2. Policy dialogue on resilient supply chains for critical minerals.',
      '3. Next meeting: New Zealand, next year (dates to be set).',
    ],
  },
];

export async function createDemoFactSheet(): Promise<Uint8Array> {
  // updateMetadata: false keeps pdf-lib from stamping the current time and its own name.
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setTitle('katsudo demo - Fact sheet (sample)');
  pdf.setAuthor('katsudo demo');
  pdf.setSubject('Sample fact sheet for the katsudo demo site');
  pdf.setProducer('katsudo');
  pdf.setCreator('katsudo demo content');
  pdf.setLanguage('en');
  pdf.setCreationDate(FIXED_DATE);
  pdf.setModificationDate(FIXED_DATE);

  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  for (const [index, content] of PAGES.entries()) {
    const page = pdf.addPage(PAGE_SIZE);
    const top = PAGE_SIZE[1] - 72;
    page.drawText('katsudo demo - Fact sheet (sample)', { x: 56, y: top, size: 16, font: bold });
    page.drawText(content.heading, { x: 56, y: top - 40, size: 13, font: bold, color: rgb(0.1, 0.2, 0.45) });
    content.lines.forEach((line, n) => {
      page.drawText(line, { x: 56, y: top - 72 - n * 20, size: 11, font: regular });
    });
    page.drawText(`Page ${index + 1} of ${PAGES.length}`, { x: 56, y: 48, size: 9, font: regular, color: rgb(0.35, 0.35, 0.35) });
  }
  return pdf.save({ useObjectStreams: false });
}
