// Texts whose rendering must never change by accident: the seed-shaped fixture, every demo
// body and a few texts in the styles the format knew first. golden.test.ts compares them
// with the HTML, text and outline captured in test/fixtures/text-format-golden.json (the
// sources are stored there too; this module only serves to capture them again).
import { readFileSync } from 'node:fs';
import { DEMO_PAGES, DEMO_REPORTS, DEMO_SETTINGS } from '../../../src/demo/demo-content.js';
import { mediaRefs } from '../../../src/domain/text-format/media-refs.js';
import type { MediaInfo } from '../../../src/domain/text-format/render.js';

const seedShaped = readFileSync(new URL('../../fixtures/seed-shaped-report.txt', import.meta.url), 'utf8');

const FIRST_STYLES: Record<string, string> = {
  'levels one to five': '1 概要\n本文。\n(1)北部\nア 道路\n(ア)県道\n①橋の補修\n本文。\n② 歩道\n本文。',
  'items and statements': '2 要望\n(1)大臣から,説明があった。\n(2)知事から、回答があった。\n\n3 その他\n7 閉会',
  'full-width markers': '１．予算\n本文。\n（１）歳出\n本文。\n（ア）人件費\n本文。',
  'links and emphasis': '[衆議院](https://www.shugiin.go.jp/) と https://example.jp/をご覧ください。**太字** と *強調*。\n[資料](media:factsheet.pdf)',
  'literal markup': '<b>太字</b> & &amp; `code` ~~消~~ \\ [x](javascript:alert(1))',
  'decimals and dates': '1.5倍に増えた。\n11月2日に開催。\n2023年の実績。\nアジア太平洋の会合。',
};

export const GOLDEN_CORPUS: ReadonlyArray<{ name: string; source: string }> = [
  { name: 'seed-shaped report', source: seedShaped },
  { name: 'demo profile', source: DEMO_SETTINGS.profileSource },
  ...DEMO_REPORTS.map((report) => ({ name: `demo report: ${report.title}`, source: report.bodySource })),
  ...DEMO_PAGES.map((page) => ({ name: `demo page: ${page.title}`, source: page.bodySource })),
  ...Object.entries(FIRST_STYLES).map(([name, source]) => ({ name: `first styles: ${name}`, source })),
];

/** The same facts for every linked file, so that links render as attachments. */
export function goldenMedia(source: string): Map<string, MediaInfo> {
  return new Map(mediaRefs(source).map((ref) => [ref, { url: `/media/0/${ref}`, mime: 'application/pdf', bytes: 120 * 1024, pages: 4 }]));
}
