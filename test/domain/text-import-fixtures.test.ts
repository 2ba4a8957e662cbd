// Invented page texts of legislators' sites (national, prefectural, municipal; official
// sites and blog platforms), each with the title, activity date and outline an office
// would expect, or the option the refusal must ask for (test/fixtures/page-texts/expected.json).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ValidationError } from '../../src/domain/errors.js';
import { render } from '../../src/domain/text-format/render.js';
import { parseDateHint, parseImportedText, parseImportedTexts } from '../../src/domain/text-import.js';

interface Expected {
  title?: string;
  date?: string;
  outline?: string[];
  /** What a refusal asks for: --title, --date YYYY or --date YYYY-MM-DD. */
  refusal?: string;
  /** Text of the site around the report that must not reach the body. */
  chrome?: string[];
  /** The entries read with --split, when the page lists several. */
  split?: { title: string; date: string }[];
  date_option?: string;
}

const DIR = join(import.meta.dirname, '..', 'fixtures', 'page-texts');
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<string, Expected>;
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

test('every page text has its expectation, and there are at least 40', () => {
  assert.ok(files.length >= 40, `${files.length} page texts`);
  assert.deepEqual(Object.keys(expected).sort(), files);
});

for (const file of files) {
  const want = expected[file]!;
  const content = readFileSync(join(DIR, file), 'utf8');
  const hint = want.date_option === undefined ? undefined : parseDateHint(want.date_option);

  if (want.refusal !== undefined) {
    test(`${file}: refuses and asks for ${want.refusal}`, () => {
      assert.throws(
        () => parseImportedText(content, hint),
        (e: unknown) => e instanceof ValidationError && Object.values(e.fields).some((m) => m.includes(want.refusal!)),
      );
    });
    continue;
  }

  test(`${file}: 「${want.title}」 ${want.date}`, () => {
    const parsed = parseImportedText(content, hint);
    assert.equal(parsed.title, want.title);
    assert.equal(parsed.activityDate, want.date);
    const outline = render(parsed.bodySource).outline.map((o) => `${'  '.repeat(o.depth - 1)}${o.number} ${o.title}`);
    assert.deepEqual(outline, want.outline);
    for (const chrome of want.chrome ?? []) assert.ok(!parsed.bodySource.includes(chrome), `「${chrome.trim()}」 is left out of the body`);
    assert.ok(parsed.bodySource.length > 0);
  });

  const split = want.split;
  if (split) {
    test(`${file}: --split reads ${split.length} entries`, () => {
      const entries = parseImportedTexts(content, { dateHint: hint });
      assert.deepEqual(
        entries.map((e) => ({ title: e.title, date: e.activityDate })),
        split,
      );
      assert.match(parseImportedText(content, hint).warnings.join('\n'), new RegExp(`${split.length}件.*--split`));
    });
  }
}
