import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError } from '../../src/domain/errors.js';
import { checkDraft, displayTitle, splitTags } from '../../src/domain/report-rules.js';

const ok = { title: ' 視察報告 ', activityDate: '2024-05-01', bodySource: '本文\r\n二行目' };

test('tidies the title and line endings of a valid draft', () => {
  const checked = checkDraft(ok);
  assert.equal(checked.title, '視察報告');
  assert.equal(checked.bodySource, '本文\n二行目');
});

test('lists every problem with a Japanese message per field', () => {
  try {
    checkDraft({ title: '', activityDate: '2023-02-30', bodySource: '  ', slug: 'Bad Slug' });
    assert.fail('expected a ValidationError');
  } catch (error) {
    assert.ok(error instanceof ValidationError);
    assert.deepEqual(Object.keys(error.fields).sort(), ['activityDate', 'bodySource', 'slug', 'title']);
    assert.match(error.fields.title!, /タイトルを入力/);
  }
});

test('refuses a 500-character title', () => {
  assert.throws(
    () => checkDraft({ ...ok, title: 'あ'.repeat(500) }),
    (e: unknown) => e instanceof ValidationError && /200文字以内/.test(e.fields.title!),
  );
});

test('unifies tags by NFKC and drops duplicates and blanks', () => {
  assert.deepEqual(checkDraft({ ...ok, tags: ['ＴＰＰ', 'TPP', ' 外交 ', ''] }).tags, ['TPP', '外交']);
});

test('refuses tags with URL syntax characters', () => {
  assert.throws(() => checkDraft({ ...ok, tags: ['a/b'] }), ValidationError);
});

test("a title longer than the editor's limit passes when imported or when it is the title already stored", () => {
  const long = '視察'.repeat(150);
  const draft = { title: long, activityDate: '2024-05-01', bodySource: '本文' };
  assert.throws(
    () => checkDraft(draft),
    (e: ValidationError) => /200文字以内/.test(e.fields.title ?? ''),
  );
  assert.equal(checkDraft(draft, { isImported: true }).title, long);
  assert.equal(checkDraft(draft, { storedTitle: long }).title, long);
  assert.throws(() => checkDraft({ ...draft, title: `${long}追記` }, { storedTitle: long }), ValidationError);
});

test('displayTitle keeps short titles and cuts long ones at punctuation near the end, never the stored title', () => {
  assert.equal(displayTitle('予算委員会で質問'), '予算委員会で質問');
  const long = `${'あ'.repeat(50)}、${'い'.repeat(40)}`;
  assert.equal(displayTitle(long), `${'あ'.repeat(50)}、…`);
  const plain = 'う'.repeat(100);
  assert.equal(displayTitle(plain), `${'う'.repeat(59)}…`);
  assert.equal([...displayTitle('😀'.repeat(70))].length, 60);
});

test('splits typed tags at 「、」, half- and full-width commas and spaces, dropping empty ones', () => {
  assert.deepEqual(splitTags('外交、 安全保障,,TPP,経済　農業  '), ['外交', '安全保障', 'TPP', '経済', '農業']);
  assert.deepEqual(splitTags(' 、 '), []);
});
