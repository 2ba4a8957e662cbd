// The extractor against the invented fixtures (every kind, exact records) and against the
// seed report (read at run time from ../shared, never copied): on the seed the proposal
// holds exactly the date, the two spans, the four participants and the agreed points.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractActivityRecord } from '../../../src/domain/activity-record/extract-activity-record.js';
import { DEFAULT_ACTIVITY_KINDS, type ActivityParticipant } from '../../../src/domain/activity-record/activity-record.js';
import { ACTIVITY_RECORD_FIXTURES, FIXTURE_LEGISLATOR } from '../../fixtures/activity-records/reports.js';
import { SEED_URL, seedParts } from '../../fixtures/html/site-page.js';
import { skipUnlessShared } from '../../support/shared-fixture.js';

const proposalFor = (fixture: (typeof ACTIVITY_RECORD_FIXTURES)[number]) =>
  extractActivityRecord(
    { title: fixture.title, text: fixture.text, date: fixture.date },
    { legislatorName: FIXTURE_LEGISLATOR, ...(fixture.documents ? { documents: fixture.documents } : {}) },
  );

test('the fixtures hold at least three reports of every default kind', () => {
  for (const kind of DEFAULT_ACTIVITY_KINDS) {
    assert.ok(ACTIVITY_RECORD_FIXTURES.filter((f) => f.expected.kind === kind).length >= 3, kind);
  }
});

for (const fixture of ACTIVITY_RECORD_FIXTURES) {
  test(`proposes exactly the expected record for the fixture ${fixture.id}`, () => {
    assert.deepEqual(proposalFor(fixture), fixture.expected);
  });
}

const key = (p: ActivityParticipant) => `${p.name}|${p.title}`;

test('reports participant recall and precision over the fixtures', (t) => {
  let expected = 0;
  let proposed = 0;
  let correct = 0;
  for (const fixture of ACTIVITY_RECORD_FIXTURES) {
    const wanted = new Set(fixture.expected.participants.map(key));
    const found = proposalFor(fixture).participants.map(key);
    expected += wanted.size;
    proposed += found.length;
    correct += found.filter((k) => wanted.has(k)).length;
  }
  const recall = correct / expected;
  const precision = correct / proposed;
  t.diagnostic(
    `participants (name and title): ${expected} expected, ${proposed} proposed, recall ${(recall * 100).toFixed(1)} %, precision ${(precision * 100).toFixed(1)} %`,
  );
  assert.ok(recall >= 0.9, `recall ${recall}`);
  assert.ok(precision >= 0.95, `precision ${precision}`);
});

const seedSkip = skipUnlessShared(SEED_URL, 'the shared seed pages (../shared/seeds)');

test("proposes the seed's date, two spans, four participants with titles and sides, and agreed points", { skip: seedSkip }, () => {
  const seed = seedParts();
  const record = extractActivityRecord({ title: seed.title, text: seed.body, date: '2013-11-02' }, { legislatorName: '岸田文雄' });
  assert.equal(record.kind, '会談・協議');
  assert.equal(record.date, '2013-11-02');
  assert.deepEqual(record.spans, [
    { label: '協議', start: '09:20', end: '11:15' },
    { label: 'ワーキング・ランチ', start: '12:25', end: '13:10' },
  ]);
  assert.deepEqual(
    record.participants.map((p) => [p.name, p.title, p.side, p.isLegislator]),
    [
      ['岸田', '外務大臣', '日本', true],
      ['小野寺', '防衛大臣', '日本', false],
      ['ラヴロフ', '外務大臣', 'ロシア', false],
      ['ショイグ', '国防大臣', 'ロシア', false],
    ],
  );
  assert.deepEqual(record.countries, ['日本', 'ロシア']);
  // The two sentences that end in 一致した; the fact sheet's caption mentions 一致した but states nothing.
  assert.equal(record.outcomes.length, 2);
  assert.ok(record.outcomes.every((o) => o.endsWith('一致した。') && seed.body.includes(o)));
  assert.ok(record.outcomes[0]!.startsWith('4閣僚は'));
  assert.ok(record.outcomes[1]!.includes('非核化'));
});

test("takes the seed's date from its text when the report carries none of its own year", { skip: seedSkip }, () => {
  const seed = seedParts();
  assert.equal(extractActivityRecord({ title: seed.title, text: seed.body, date: '2013-11-05' }).date, '2013-11-02');
});

test('proposes the full record of the seed-shaped fixture, which runs where ../shared is missing', () => {
  const text = readFileSync(new URL('../../fixtures/seed-shaped-report.txt', import.meta.url), 'utf8');
  const record = extractActivityRecord({ title: '第2回日・ルミナ海洋協力閣僚対話', text, date: '2024-03-14' });
  assert.equal(record.date, '2024-03-14');
  assert.equal(record.place, '東京');
  assert.deepEqual(record.spans, [
    { label: '対話', start: '09:20', end: '11:15' },
    { label: '昼食会', start: '12:30', end: '13:20' },
  ]);
  assert.deepEqual(
    record.participants.map((p) => [p.name, p.title, p.side]),
    [
      ['山田', '外務大臣', '日本'],
      ['佐藤', '農林水産大臣', '日本'],
      ['ベルナール', '外務大臣', 'ルミナ'],
      ['オルセン', '海洋資源大臣', 'ルミナ'],
    ],
  );
  // 「違法漁業が確認された場合」 states no outcome; the two sentences ending in 一致した / 確認した do.
  assert.equal(record.outcomes.length, 2);
  assert.ok(record.outcomes[0]!.startsWith('4閣僚は'));
  assert.ok(record.outcomes[1]!.endsWith('ことを確認した。'));
});
