import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { CORPUS_TAGS, generateReports, TRAP_PLAN, type TrapKind } from '../../bench/corpus.js';
import { toImportText } from '../../bench/generate-corpus.js';
import { DEMO_CATEGORIES } from '../../src/demo/demo-content.js';
import { isIsoDate } from '../../src/domain/dates.js';
import { parseImportedText } from '../../src/domain/text-import.js';

const SECTION_HEADING = /^[0-9０-９]+[ \u3000]\S/gm;
const textOf = (r: { title: string; bodySource: string }) => `${r.title}\n${r.bodySource}`;

describe('generateReports', () => {
  test('yields the same reports for the same count and seed', () => {
    assert.deepEqual([...generateReports(50, { seed: 42 })], [...generateReports(50, { seed: 42 })]);
  });

  test('yields different reports for another seed', () => {
    const a = [...generateReports(20, { seed: 1 })].map((r) => r.bodySource);
    const b = [...generateReports(20, { seed: 2 })].map((r) => r.bodySource);
    assert.notDeepEqual(a, b);
  });

  test('keeps bodies between 800 and 2,000 characters by default', () => {
    for (const r of generateReports(500, { seed: 3 })) {
      assert.ok(r.bodySource.length >= 800 && r.bodySource.length <= 2000, `${r.bodySource.length}`);
    }
  });

  test('keeps bodies within the bounds given, 1,500 to 3,000 as well as a narrow range', () => {
    for (const r of generateReports(300, { seed: 4, minChars: 1500, maxChars: 3000 })) {
      assert.ok(r.bodySource.length >= 1500 && r.bodySource.length <= 3000, `${r.bodySource.length}`);
    }
    for (const r of generateReports(100, { seed: 5, minChars: 1000, maxChars: 1020 })) {
      assert.ok(r.bodySource.length >= 1000 && r.bodySource.length <= 1020, `${r.bodySource.length}`);
    }
  });

  test('reaches the upper part of a wide range, not only its lower end', () => {
    const lengths = [...generateReports(300, { seed: 6, minChars: 1500, maxChars: 3000 })].map((r) => r.bodySource.length);
    assert.ok(lengths.filter((n) => n >= 2700).length >= 30);
  });

  test('writes a dated lead paragraph and at least three numbered sections with numbered items', () => {
    for (const r of generateReports(200, { seed: 7 })) {
      const lead = r.bodySource.split('\n\n')[0]!;
      assert.match(lead.normalize('NFKC'), /^\d{1,2}月\d{1,2}日/);
      assert.ok((r.bodySource.match(SECTION_HEADING) ?? []).length >= 3, r.title);
      assert.match(r.bodySource, /^[(（][1１][)）]/m);
    }
  });

  test('varies the forms: sub-headings, ア items, ① items, full-width numbers and commas', () => {
    const bodies = [...generateReports(200, { seed: 8 })].map((r) => r.bodySource);
    assert.ok(
      bodies.some((b) => /^\(\d\)[^\n。]{1,20}\n[^(（ア①\n]/m.test(b)),
      'sub-heading with a line of text',
    );
    assert.ok(
      bodies.some((b) => /^ア[ \u3000]/m.test(b)),
      'ア',
    );
    assert.ok(
      bodies.some((b) => /^①[ \u3000]/m.test(b)),
      '①',
    );
    assert.ok(
      bodies.some((b) => /^１\u3000/m.test(b)),
      'full-width heading number',
    );
    assert.ok(
      bodies.some((b) => b.includes(',')),
      'comma',
    );
    assert.ok(
      bodies.some((b) => b.includes('、')),
      'touten',
    );
  });

  test('dates reports between 2012 and 2026-11-20 across many years', () => {
    const years = new Set<string>();
    for (const r of generateReports(500, { seed: 9 })) {
      assert.ok(isIsoDate(r.activityDate), r.activityDate);
      assert.ok(r.activityDate >= '2012-01-01' && r.activityDate <= '2026-11-20', r.activityDate);
      years.add(r.activityDate.slice(0, 4));
    }
    assert.equal(years.size, 15);
  });

  test('uses demo category slugs and two to four tags from the fixed list', () => {
    const slugs = new Set(DEMO_CATEGORIES.map((c) => c.slug));
    const used = new Set<string>();
    for (const r of generateReports(500, { seed: 10 })) {
      assert.ok(slugs.has(r.categorySlug), r.categorySlug);
      used.add(r.categorySlug);
      assert.ok(r.tags.length >= 2 && r.tags.length <= 4, r.tags.join());
      assert.equal(new Set(r.tags).size, r.tags.length);
      for (const t of r.tags) assert.ok(CORPUS_TAGS.includes(t), t);
      assert.deepEqual(r.attachments, []);
    }
    assert.ok(used.size >= 4);
  });

  test('gives almost every report its own title', () => {
    const titles = [...generateReports(1000, { seed: 11 })].map((r) => r.title);
    assert.ok(new Set(titles).size >= 980);
  });

  test('places each search trap in exactly the planned share of reports', () => {
    const reports = [...generateReports(400, { seed: 12 })].map((r) => textOf(r).normalize('NFKC'));
    const planned = (kind: TrapKind) => reports.filter((_, i) => TRAP_PLAN[i % TRAP_PLAN.length]!.includes(kind)).length;
    const count = (match: (text: string) => boolean) => reports.filter(match).length;
    assert.equal(
      count((t) => t.includes('海外交流')),
      planned('kaigaiKouryu'),
    );
    assert.equal(
      count((t) => t.includes('対外交渉')),
      planned('taigaiKoushou'),
    );
    assert.equal(
      count((t) => t.replace(/海外交流|対外交渉/g, '').includes('外交')),
      planned('gaikou'),
    );
    assert.equal(
      count((t) => t.includes('中国地方')),
      planned('chugokuChiho'),
    );
    assert.equal(
      count((t) => t.replace(/中国地方/g, '').includes('中国')),
      planned('chugoku'),
    );
    assert.equal(
      count((t) => t.includes('TPP')),
      planned('tpp'),
    );
    assert.equal(
      count((t) => t.includes('ADMM')),
      planned('admm'),
    );
    assert.equal(
      count((t) => t.includes('2+2')),
      planned('twoPlusTwo'),
    );
    assert.ok(planned('gaikou') > 0 && planned('admm') > 0);
  });

  test('writes traps in both half-width and full-width forms', () => {
    const texts = [...generateReports(2000, { seed: 13 })].map(textOf);
    for (const word of ['TPP', 'ＴＰＰ', 'ADMM', 'ＡＤＭＭ', '2+2', '２＋２'])
      assert.ok(
        texts.some((t) => t.includes(word)),
        word,
      );
  });

  test('generates 10,000 reports in a few seconds', () => {
    const started = performance.now();
    let n = 0;
    for (const _ of generateReports(10_000, { seed: 14 })) n++;
    assert.equal(n, 10_000);
    assert.ok(performance.now() - started < 5000);
  });
});

describe('generate-corpus', () => {
  test('writes files that import-text reads back as title, date and body', () => {
    for (const r of generateReports(50, { seed: 15 })) {
      const parsed = parseImportedText(toImportText(r));
      assert.equal(parsed.title, r.title);
      assert.equal(parsed.activityDate, r.activityDate);
      assert.equal(parsed.bodySource, r.bodySource);
    }
  });

  test('writes one numbered file per report from the command line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'katsudo-corpus-'));
    try {
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'bench/generate-corpus.ts', '--count', '3', '--out', dir, '--seed', '16'], { encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(readdirSync(dir).sort(), ['000001.txt', '000002.txt', '000003.txt']);
      const [first] = [...generateReports(1, { seed: 16 })];
      const lines = readFileSync(join(dir, '000001.txt'), 'utf8').split('\n');
      assert.equal(lines[0], first!.title);
      assert.match(lines[1]!, /^\d{4}年\d{1,2}月\d{1,2}日$/);
      assert.equal(lines[2], '');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
