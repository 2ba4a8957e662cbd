// The pure rules behind the public record pages: a person's address, the gojūon rows of
// /people/, a year's counts and the Event JSON-LD.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventJsonLd } from '../../../src/domain/activity-record/event-json-ld.js';
import { compareJapaneseNames, kanaRowOf } from '../../../src/domain/activity-record/kana-row.js';
import { participantRole } from '../../../src/domain/activity-record/participant-role.js';
import { personKey } from '../../../src/domain/activity-record/person-key.js';
import { summariseYear } from '../../../src/domain/activity-record/year-activity.js';

test('a person key folds widths and drops spaces beside Japanese characters but keeps them between Latin words', () => {
  assert.equal(personKey('岸田 文雄'), '岸田文雄');
  assert.equal(personKey('岸田\u3000文雄'), '岸田文雄');
  assert.equal(personKey('ｿｰﾚﾝ'), 'ソーレン');
  assert.equal(personKey('  Ｊａｎｅ   Ｄｏｅ '), 'Jane Doe');
  assert.equal(personKey(' \u3000 '), '');
});

test('names fall under the gojūon row of their first kana, Latin under A–Z, kanji under 漢字', () => {
  assert.equal(kanaRowOf('ソーレン'), 'さ行');
  assert.equal(kanaRowOf('ぱく'), 'は行');
  assert.equal(kanaRowOf('ヴァン'), 'あ行');
  assert.equal(kanaRowOf('Jane Doe'), 'A–Z');
  assert.equal(kanaRowOf('森田'), '漢字');
  assert.equal(kanaRowOf('①'), 'その他');
  assert.deepEqual(['ハルヴァ', 'アンナ', 'ソーレン'].sort(compareJapaneseNames), ['アンナ', 'ソーレン', 'ハルヴァ']);
});

test('a role is the title with the organisation, country or side in brackets', () => {
  const none = { title: null, side: null, organisation: null, country: null };
  assert.equal(participantRole({ ...none, title: '外務大臣', side: '日本', country: '日本' }), '外務大臣(日本)');
  assert.equal(participantRole({ ...none, title: '会長', organisation: '北浜商工会議所', country: '日本' }), '会長(北浜商工会議所)');
  assert.equal(participantRole({ ...none, side: '地元' }), '地元側');
  assert.equal(participantRole(none), '');
});

test('a year sums reports by day, month and kind, reports without a record last', () => {
  const year = summariseYear(2024, [
    { activityDate: '2024-02-29', kind: '視察' },
    { activityDate: '2024-02-29', kind: null },
    { activityDate: '2024-12-31', kind: '視察' },
    { activityDate: '2024-12-01', kind: '会談・協議' },
  ]);
  assert.equal(year.total, 4);
  assert.equal(year.days.get('2024-02-29'), 2);
  assert.equal(year.months[1], 2);
  assert.equal(year.months[11], 2);
  assert.equal(year.monthDays[1], 1);
  assert.deepEqual(year.kinds, [
    { kind: '視察', count: 2 },
    { kind: '会談・協議', count: 1 },
    { kind: null, count: 1 },
  ]);
});

test('an Event without written times carries the day as a date and leaves out what the record lacks', () => {
  const event = eventJsonLd({
    record: { kind: '視察', date: null, spans: [], place: null, participants: [], organisations: [], countries: [], outcomes: [], documents: [] },
    report: { title: '浄水場を視察', activityDate: '2024-05-01' },
    legislator: { id: 'https://example.jp/#person', name: '試験 花子' },
    pageUrl: 'https://example.jp/activity/2024-05-01/',
  });
  assert.equal(event.startDate, '2024-05-01');
  assert.equal(event.endDate, '2024-05-01');
  assert.equal('location' in event, false);
  assert.equal('attendee' in event, false);
  assert.equal('subEvent' in event, false);
});
