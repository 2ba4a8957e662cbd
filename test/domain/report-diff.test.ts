import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffRevisions, type BodyRow, type DiffPart } from '../../src/domain/report-diff.js';
import type { RevisionContent } from '../../src/domain/revision.js';

function content(overrides: Partial<RevisionContent> = {}): RevisionContent {
  return {
    title: '外務大臣と会談',
    slug: '2024-05-01',
    activityDate: '2024-05-01',
    categoryId: 1,
    categoryName: '国会活動',
    tags: ['外交', '安全保障'],
    summary: '会談の概要です。',
    bodySource: '1 概要\n\n(1)午前10時から会談した。\n\n(2)参加者は3名であった。\n',
    ...overrides,
  };
}

const text = (parts: DiffPart[]) => parts.map((p) => p.text).join('');
const marked = (parts: DiffPart[], kind: DiffPart['kind']) => parts.filter((p) => p.kind === kind).map((p) => p.text);

test('finds no difference between equal contents', () => {
  const diff = diffRevisions(content(), content());
  assert.deepEqual(diff, { fields: [], body: [], isSame: true });
});

test('marks the changed characters of a Japanese title, not the whole title', () => {
  const diff = diffRevisions(content(), content({ title: '外務大臣と電話会談' }));
  assert.equal(diff.isSame, false);
  assert.deepEqual(
    diff.fields.map((f) => f.field),
    ['title'],
  );
  const [title] = diff.fields;
  assert.equal(title!.label, 'タイトル');
  assert.equal(text(title!.before), '外務大臣と会談');
  assert.equal(text(title!.after), '外務大臣と電話会談');
  assert.deepEqual(marked(title!.after, 'added'), ['電話']);
  assert.deepEqual(marked(title!.before, 'removed'), []);
});

test('shows dates in Japanese and categories, slugs and tags as whole items', () => {
  const diff = diffRevisions(content(), content({ activityDate: '2024-05-02', slug: '2024-05-02', categoryId: 2, categoryName: '地元活動', tags: ['外交', '農業'] }));
  assert.deepEqual(
    diff.fields.map((f) => f.label),
    ['活動日', 'カテゴリー', 'タグ', 'URL名'],
  );
  const byField = Object.fromEntries(diff.fields.map((f) => [f.field, f]));
  assert.deepEqual(byField.activityDate!.before, [{ kind: 'removed', text: '2024年5月1日' }]);
  assert.deepEqual(byField.activityDate!.after, [{ kind: 'added', text: '2024年5月2日' }]);
  assert.deepEqual(byField.category!.after, [{ kind: 'added', text: '地元活動' }]);
  assert.deepEqual(byField.tags!.before, [
    { kind: 'same', text: '外交' },
    { kind: 'removed', text: '安全保障' },
  ]);
  assert.deepEqual(byField.tags!.after, [
    { kind: 'same', text: '外交' },
    { kind: 'added', text: '農業' },
  ]);
});

test('names a removed category and no category', () => {
  const diff = diffRevisions(content({ categoryName: null }), content({ categoryId: null, categoryName: null }));
  assert.equal(text(diff.fields[0]!.before), '(削除されたカテゴリー 1)');
  assert.equal(text(diff.fields[0]!.after), 'なし');
});

test('diffs the body by line, with the changed characters inside a changed line', () => {
  const after = '1 概要\n\n(1)午前11時から会談した。\n\n(2)参加者は3名であった。\n\n(3)次回は6月に開く。\n';
  const diff = diffRevisions(content(), content({ bodySource: after }), { contextLines: 10 });
  assert.deepEqual(diff.fields, []);
  const kinds = diff.body.map((r) => r.kind);
  assert.deepEqual(kinds, ['same', 'same', 'changed', 'same', 'same', 'added', 'added']);
  const changed = diff.body[2] as Extract<BodyRow, { kind: 'changed' }>;
  assert.equal(changed.oldLine, 3);
  assert.equal(changed.newLine, 3);
  assert.equal(text(changed.before), '(1)午前10時から会談した。');
  assert.deepEqual(marked(changed.before, 'removed'), ['0']);
  assert.deepEqual(marked(changed.after, 'added'), ['1']);
  assert.deepEqual(diff.body.at(-1), { kind: 'added', newLine: 7, text: '(3)次回は6月に開く。' });
});

test('shows a rewritten line as removed and added rather than a confetti of characters', () => {
  const diff = diffRevisions(content({ bodySource: '午前に県庁を訪問した。' }), content({ bodySource: 'Meeting notes follow.' }));
  assert.deepEqual(diff.body, [
    { kind: 'removed', oldLine: 1, text: '午前に県庁を訪問した。' },
    { kind: 'added', newLine: 1, text: 'Meeting notes follow.' },
  ]);
});

test('leaves out unchanged lines far from a change, counting them', () => {
  const lines = Array.from({ length: 20 }, (_, i) => `第${i + 1}行の本文。`);
  const changedLines = [...lines];
  changedLines[10] = '第11行の本文を直した。';
  const diff = diffRevisions(content({ bodySource: lines.join('\n') }), content({ bodySource: changedLines.join('\n') }), { contextLines: 2 });
  assert.deepEqual(
    diff.body.map((r) => (r.kind === 'skipped' ? `skip ${r.count}` : r.kind)),
    ['skip 8', 'same', 'same', 'changed', 'same', 'same', 'skip 7'],
  );
});

test('ignores a missing final newline, which no reader can see', () => {
  const diff = diffRevisions(content({ bodySource: 'a\nb' }), content({ bodySource: 'a\nb\n' }));
  assert.deepEqual(diff, { fields: [], body: [], isSame: true });
});
