import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkActivityRecord } from '../../../src/domain/activity-record/check-activity-record.js';
import { checkActivityKinds } from '../../../src/domain/activity-record/check-activity-kinds.js';
import { DEFAULT_ACTIVITY_KINDS, type ActivityRecord } from '../../../src/domain/activity-record/activity-record.js';
import { ValidationError } from '../../../src/domain/errors.js';

const record = (overrides: Partial<ActivityRecord> = {}): ActivityRecord => ({
  kind: '会談・協議',
  date: '2024-06-10',
  spans: [{ label: '協議', start: '9:20', end: '11:15' }],
  place: ' 議員会館 ',
  participants: [{ name: ' 山田 ', title: '外務大臣', side: '日本', organisation: '', country: '日本', isLegislator: false }],
  organisations: [],
  countries: ['日本'],
  outcomes: ['協力を進めることで一致した。', ' '],
  documents: [],
  ...overrides,
});

function fieldsOf(input: ActivityRecord, kinds: readonly string[] = DEFAULT_ACTIVITY_KINDS): Record<string, string> {
  try {
    checkActivityRecord(input, kinds);
  } catch (error) {
    assert.ok(error instanceof ValidationError);
    return error.fields as Record<string, string>;
  }
  assert.fail('no ValidationError');
}

test('returns the record trimmed, with times as HH:MM and empty text as null', () => {
  const checked = checkActivityRecord(record(), DEFAULT_ACTIVITY_KINDS);
  assert.deepEqual(checked.spans, [{ label: '協議', start: '09:20', end: '11:15' }]);
  assert.equal(checked.place, '議員会館');
  assert.deepEqual(checked.participants[0], { name: '山田', title: '外務大臣', side: '日本', organisation: null, country: '日本', isLegislator: false });
  assert.deepEqual(checked.outcomes, ['協力を進めることで一致した。']);
});

test('accepts full-width digits in a time and 24:00 as an end', () => {
  const checked = checkActivityRecord(record({ spans: [{ label: null, start: '２２：３０', end: '24:00' }] }), DEFAULT_ACTIVITY_KINDS);
  assert.deepEqual(checked.spans, [{ label: null, start: '22:30', end: '24:00' }]);
});

test('refuses a span that ends before it starts, in Japanese at the end field', () => {
  const fields = fieldsOf(record({ spans: [{ label: null, start: '11:15', end: '9:20' }] }));
  assert.match(fields['spans.0.end']!, /終了時刻\(09:20\)が開始時刻\(11:15\)より前/);
});

test('refuses a time like 25:00 or 9:75 at its own field', () => {
  const fields = fieldsOf(record({ spans: [{ label: null, start: '25:00', end: '9:75' }] }));
  assert.match(fields['spans.0.start']!, /開始時刻は 0:00 から 23:59/);
  assert.match(fields['spans.0.end']!, /終了時刻は 0:00 から 24:00/);
});

test('refuses an empty participant name and a name that is a whole sentence', () => {
  const participant = { title: null, side: null, organisation: null, country: null, isLegislator: false };
  const fields = fieldsOf(
    record({
      participants: [
        { ...participant, name: '  ' },
        { ...participant, name: '山田大臣から、協力の継続を求めた。' },
      ],
    }),
  );
  assert.match(fields['participants.0.name']!, /名前を入力してください/);
  assert.match(fields['participants.1.name']!, /名前だけを入力してください/);
});

test('refuses a kind that is no longer in the list, and a day that does not exist', () => {
  const fields = fieldsOf(record({ kind: '視察', date: '2023-02-29' }), ['会談・協議', 'その他']);
  assert.match(fields.kind!, /種類「視察」は今の種類の一覧にありません/);
  assert.match(fields.date!, /実在する日/);
});

test('keeps the kinds list trimmed and refuses doubles, long names, too many and a list without その他', () => {
  assert.deepEqual(checkActivityKinds([' 視察 ', '', 'その他']), ['視察', 'その他']);
  assert.throws(() => checkActivityKinds(['視察', '視察', 'その他']), /「視察」が二度あります/);
  assert.throws(() => checkActivityKinds(['あ'.repeat(21), 'その他']), /長すぎます/);
  assert.throws(() => checkActivityKinds([...Array.from({ length: 50 }, (_, i) => `種類${i}`), 'その他']), /50個まで/);
  assert.throws(() => checkActivityKinds(['視察']), /「その他」は消せません/);
});
