// The extractor's rules one by one, and its two promises on any text: it never throws, and
// every participant it names is written in the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { extractActivityRecord } from '../../../src/domain/activity-record/extract-activity-record.js';
import { spanInstants } from '../../../src/domain/activity-record/activity-record.js';

const extract = (text: string, title = '活動報告', date: string | null = '2024-06-10') => extractActivityRecord({ title, text, date });

test('reads the clock forms 9時20分, 9:20, 午前, 午後, 正午 and 10時半 into spans', () => {
  const spans = extract('会議は午前9時20分から正午まで。昼食会は12:30〜13:15。視察は午後1時から3時半、懇談は16時-17時。').spans;
  assert.deepEqual(spans, [
    { label: '会議', start: '09:20', end: '12:00' },
    { label: '昼食会', start: '12:30', end: '13:15' },
    { label: '視察', start: '13:00', end: '15:30' },
    { label: '懇談', start: '16:00', end: '17:00' },
  ]);
});

test('reads full-width digits and the full-width wave dash', () => {
  assert.deepEqual(extract('式典は１０時３０分～１１時４５分に行われた。').spans, [{ label: '式典', start: '10:30', end: '11:45' }]);
});

test('keeps a time written alone only when something starts at it', () => {
  assert.deepEqual(extract('14時から街頭に立った。約2時間、3時間目の授業、10時頃に雨。').spans, [{ label: null, start: '14:00', end: null }]);
});

test('leaves out impossible times and spans that end before they start', () => {
  assert.deepEqual(extract('会議は25時から26時、協議は9時75分から10時、懇談は15時から14時。').spans, []);
});

test('gives a span its instants in Japan time', () => {
  assert.deepEqual(spanInstants('2024-06-10', { label: null, start: '09:20', end: '11:15' }), {
    startsAt: '2024-06-10T09:20:00+09:00',
    endsAt: '2024-06-10T11:15:00+09:00',
  });
});

test('reads the two sides of a meeting with names, titles and countries', () => {
  const record = extract('6月10日,日本側からは,山田外務大臣及び佐藤防衛大臣が,ルミナ側からは,ベルナール外相・オルセン国防相が,それぞれ出席した。');
  assert.deepEqual(
    record.participants.map((p) => [p.name, p.title, p.side, p.country]),
    [
      ['山田', '外務大臣', '日本', '日本'],
      ['佐藤', '防衛大臣', '日本', '日本'],
      ['ベルナール', '外相', 'ルミナ', 'ルミナ'],
      ['オルセン', '国防相', 'ルミナ', 'ルミナ'],
    ],
  );
  assert.deepEqual(record.countries, ['日本', 'ルミナ']);
});

test('reads 「○○と会談」 with the country named before の, and the subject who met them', () => {
  const record = extract('山田議員は,国会内でアルバ共和国のロペス駐日大使と会談した。');
  assert.deepEqual(
    record.participants.map((p) => [p.name, p.title, p.country]),
    [
      ['山田', '議員', null],
      ['ロペス', '駐日大使', 'アルバ共和国'],
    ],
  );
});

test('reads 「○○氏(△△協会会長)」 as a name, a title and an organisation', () => {
  const record = extract('意見交換には山本一郎氏(北浜商工会議所会頭)が加わった。');
  assert.deepEqual(record.participants, [{ name: '山本一郎', title: '会頭', side: null, organisation: '北浜商工会議所', country: null, isLegislator: false }]);
  assert.deepEqual(record.organisations, ['北浜商工会議所']);
});

test('keeps a katakana name with its middle dot whole', () => {
  const names = extract('ジョン・スミス大使と会談した。').participants.map((p) => p.name);
  assert.deepEqual(names, ['ジョン・スミス']);
});

test('names nobody for a bare title or a pronoun', () => {
  assert.deepEqual(extract('防衛大臣と会談した。両大臣は協議した。').participants, []);
});

test("names nobody for a country's minister or a body's chair whose name the text does not give", () => {
  const record = extract('メキシコ国防大臣から,説明があった。中国外務大臣と会談した。タイの議会議長と会談し,ブラジルの経済大臣とも会談した。');
  assert.deepEqual(record.participants, []);
});

test('reads long hostile texts to the end (a run of names, of kanji, of clock times)', () => {
  // Each is over 20,000 characters; bench/activity-extract.bench.ts times them.
  for (const text of [`${'山田外務大臣、'.repeat(3_000)}佐藤大臣と会談した。`, '山'.repeat(40_000), '9時から10時、'.repeat(5_000)]) {
    assert.equal(typeof extract(text).kind, 'string');
  }
});

test('marks the legislator by full name or surname', () => {
  const record = extractActivityRecord({ title: '会談', text: '山田議員は,ロペス大使と会談した。', date: '2024-06-10' }, { legislatorName: '山田 太郎' });
  assert.deepEqual(
    record.participants.map((p) => [p.name, p.isLegislator]),
    [
      ['山田', true],
      ['ロペス', false],
    ],
  );
});

test('takes as outcomes only sentences that end by stating an agreement or decision', () => {
  const record = extract('(1)両者は協力で一致した。(今回一致した事項の一覧はPDF)\n2 予算の増額が決定されました。状況を確認したうえで対応する。');
  assert.deepEqual(record.outcomes, ['両者は協力で一致した。', '予算の増額が決定されました。']);
});

test('takes the date from the lead with the year of the report, and the year before across new year', () => {
  assert.equal(extract('6月3日,市内を視察した。').date, '2024-06-03');
  assert.equal(extract('12月28日,市内を視察した。', '視察', '2025-01-05').date, '2024-12-28');
  assert.equal(extract('2023年4月1日,式典に出席した。').date, '2023-04-01');
  assert.equal(extract('市内を視察した。').date, '2024-06-10');
  assert.equal(extract('市内を視察した。', '視察', null).date, null);
});

test('guesses the kind from the title first, then from the words of the text', () => {
  assert.equal(extract('共同記者会見を行った。', '日ル外相会談').kind, '会談・協議');
  assert.equal(extract('予算委員会で質問に立った。', '活動報告').kind, '委員会質疑');
  assert.equal(extract('特に書くことはない。', '活動報告').kind, 'その他');
});

test('recognises a kind the owner added by its name, and falls back to その他', () => {
  const kinds = ['視察', 'ボランティア・清掃', 'その他'];
  const report = { title: '河川清掃に参加', text: '地域の皆さんと清掃した。', date: '2024-06-10' };
  assert.equal(extractActivityRecord(report, { kinds }).kind, 'ボランティア・清掃');
  assert.equal(extractActivityRecord({ ...report, title: '報告', text: '本会議で登壇した。' }, { kinds }).kind, 'その他');
});

test('reads the place from a 「会場:」 line or from where the lead says it was held', () => {
  assert.equal(extract('会場:北浜市民会館\n\n国政報告会を開いた。').place, '北浜市民会館');
  assert.equal(extract('6月10日,第2回対話が東京で行われた。\n\n次回はルミナで開催する。').place, '東京');
  assert.equal(extract('本日,北浜市の浄水場を視察した。').place, '北浜市の浄水場');
});

test("proposes the report's attachments as its documents", () => {
  const documents = [{ title: 'ファクトシート', url: '/media/1/factsheet.pdf' }];
  assert.deepEqual(extractActivityRecord({ title: 't', text: '' }, { documents }).documents, documents);
});

test('never throws, names only people written in the text, and gives only spans that end after they start', () => {
  const japanese = fc.string({
    unit: fc.constantFrom(...'山田佐藤外務大臣氏側からはが、,及び・と会談出席ロペスー()（）9時20分から:〜一致した。\n 日本協会会長'.split('')),
  });
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string(), japanese), fc.string(), (text, title) => {
      const record = extractActivityRecord({ title, text, date: '2024-06-10' }, { legislatorName: '山田太郎' });
      for (const participant of record.participants) assert.ok(text.includes(participant.name), participant.name);
      for (const outcome of record.outcomes) assert.ok(text.includes(outcome));
      for (const span of record.spans) {
        assert.match(span.start, /^([01]\d|2[0-3]):[0-5]\d$/);
        assert.ok(span.end === null || (/^([01]\d|2[0-4]):[0-5]\d$/.test(span.end) && span.end > span.start));
      }
    }),
    { numRuns: 2000 },
  );
});
