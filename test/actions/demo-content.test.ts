import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { DEMO_CATEGORIES, DEMO_REPORTS, DEMO_SETTINGS } from '../../src/demo/demo-content.js';
import { createDemoFactSheet } from '../../src/demo/demo-fact-sheet.js';
import { isIsoDate } from '../../src/domain/dates.js';
import { checkDraft } from '../../src/domain/report-rules.js';
import { mediaRefs } from '../../src/domain/text-format/media-refs.js';

const LAST_DAY = '2026-11-20';
const allText = (r: { title: string; bodySource: string }) => `${r.title}\n${r.bodySource}`;
/** 外交 on its own, not inside 海外交流 or 対外交渉. */
const hasGaikouWord = (text: string) => text.replace(/海外交流|対外交渉/g, '').includes('外交');

describe('demo settings', () => {
  test('describe a fictional member of the House of Representatives with two offices', () => {
    assert.equal(DEMO_SETTINGS.chamber, '衆議院議員');
    for (const field of ['legislatorName', 'legislatorNameKana', 'constituency', 'party', 'siteDescription'] as const) {
      assert.notEqual(DEMO_SETTINGS[field].trim(), '', field);
    }
    assert.match(DEMO_SETTINGS.contact, /国会事務所/);
    assert.match(DEMO_SETTINGS.contact, /地元事務所/);
    assert.match(DEMO_SETTINGS.contact, /03-5555-\d{4}/);
  });

  test('write the profile in numbered sections', () => {
    for (const heading of ['1 経歴', '2 政策', '3 所属委員会']) assert.ok(DEMO_SETTINGS.profileSource.includes(heading), heading);
  });

  test('link the navigation to the report list, the profile and the feed', () => {
    const urls = DEMO_SETTINGS.navigation.map((l) => l.url);
    for (const url of ['/activity/', '/profile/', '/feed.xml']) assert.ok(urls.includes(url), url);
  });
});

describe('demo categories', () => {
  test('number four or five with distinct well-formed slugs', () => {
    assert.ok(DEMO_CATEGORIES.length >= 4 && DEMO_CATEGORIES.length <= 5);
    assert.equal(new Set(DEMO_CATEGORIES.map((c) => c.slug)).size, DEMO_CATEGORIES.length);
    for (const c of DEMO_CATEGORIES) assert.match(c.slug, /^[a-z0-9-]+$/);
  });
});

describe('demo reports', () => {
  test('number at least 14 with distinct titles', () => {
    assert.ok(DEMO_REPORTS.length >= 14, `${DEMO_REPORTS.length} reports`);
    assert.equal(new Set(DEMO_REPORTS.map((r) => r.title)).size, DEMO_REPORTS.length);
  });

  test('have valid activity dates spread over at least four years and none after 2026-11-20', () => {
    for (const r of DEMO_REPORTS) {
      assert.ok(isIsoDate(r.activityDate), r.activityDate);
      assert.ok(r.activityDate <= LAST_DAY, r.activityDate);
    }
    assert.ok(new Set(DEMO_REPORTS.map((r) => r.activityDate.slice(0, 4))).size >= 4);
  });

  test('use at least four categories, all of them defined', () => {
    const slugs = new Set(DEMO_CATEGORIES.map((c) => c.slug));
    for (const r of DEMO_REPORTS) assert.ok(slugs.has(r.categorySlug), `${r.title}: ${r.categorySlug}`);
    assert.ok(new Set(DEMO_REPORTS.map((r) => r.categorySlug)).size >= 4);
  });

  test('carry two to four tags each, several of them shared by three or more reports', () => {
    const counts = new Map<string, number>();
    for (const r of DEMO_REPORTS) {
      assert.ok(r.tags.length >= 2 && r.tags.length <= 4, `${r.title}: ${r.tags.length} tags`);
      for (const t of r.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    assert.ok([...counts.values()].filter((n) => n >= 3).length >= 4);
  });

  test('pass the draft checks that publishing applies', () => {
    for (const r of DEMO_REPORTS) assert.doesNotThrow(() => checkDraft(r), r.title);
  });

  test('have a one-sentence summary each', () => {
    for (const r of DEMO_REPORTS) {
      assert.ok(r.summary.endsWith('。'), r.title);
      assert.equal(r.summary.split('。').length, 2, r.title);
    }
  });

  test('hold exactly one attachment, referred to from its report body', () => {
    const withAttachments = DEMO_REPORTS.filter((r) => r.attachments.length > 0);
    assert.equal(withAttachments.length, 1);
    const [report] = withAttachments;
    assert.equal(report!.attachments.length, 1);
    assert.equal(report!.attachments[0]!.ref, 'factsheet-2025.pdf');
    assert.deepEqual(mediaRefs(report!.bodySource), ['factsheet-2025.pdf']);
    for (const r of DEMO_REPORTS) if (r !== report) assert.deepEqual(mediaRefs(r.bodySource), [], r.title);
  });

  test('mix half-width and full-width section numbers and both kinds of comma', () => {
    const bodies = DEMO_REPORTS.map((r) => r.bodySource);
    assert.ok(bodies.some((b) => /^[0-9]+ \S/m.test(b)));
    assert.ok(bodies.some((b) => /^[０-９]+\u3000\S/m.test(b)));
    assert.ok(bodies.some((b) => b.includes(',')));
    assert.ok(bodies.some((b) => b.includes('、')));
  });

  test('contain the words search tests rely on, traps included', () => {
    const texts = DEMO_REPORTS.map(allText);
    for (const word of ['海外交流', '対外交渉', '中国地方', 'TPP', '2+2', '２＋２', '子育て支援', 'ADMM']) {
      assert.ok(
        texts.some((t) => t.includes(word)),
        word,
      );
    }
    assert.ok(texts.filter(hasGaikouWord).length >= 3);
    assert.ok(texts.some((t) => t.replace(/中国地方/g, '').includes('中国')));
    // Reports where 外交 or 中国 occurs only inside a longer word.
    assert.ok(texts.some((t) => t.includes('海外交流') && !hasGaikouWord(t)));
    assert.ok(texts.some((t) => t.includes('対外交渉') && !hasGaikouWord(t)));
    assert.ok(texts.some((t) => t.includes('中国地方') && !t.replace(/中国地方/g, '').includes('中国')));
  });

  test('include one long report of about 3,000 characters and several short notices', () => {
    const lengths = DEMO_REPORTS.map((r) => r.bodySource.length);
    assert.ok(lengths.some((n) => n >= 2500));
    assert.ok(lengths.filter((n) => n <= 250).length >= 3);
  });
});

describe('demo fact sheet', () => {
  test('is a four-page PDF', async () => {
    const pdf = await PDFDocument.load(await createDemoFactSheet());
    assert.equal(pdf.getPageCount(), 4);
  });

  test('is byte-identical across runs', async () => {
    const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    const first = await createDemoFactSheet();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await createDemoFactSheet();
    assert.equal(sha(first), sha(second));
  });
});
