import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createReport } from '../../src/actions/reports/create-report.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { draft, publishReport, setSettings } from '../support/factories.js';
import { participant, record, storeRecord } from '../support/public-records.js';
import { XSS_PAYLOADS } from '../support/xss-payloads.js';

let t: TestApp;
const slugs: Record<string, string> = {};

before(async () => {
  t = await createTestApp();
  const site = t.site;
  await setSettings(site);
  // The seed's shape: two sides, two spans, the legislator among the participants.
  const meeting = await publishReport(site, { title: '第3回日・カレド経済閣僚協議', activityDate: '2026-03-04' });
  await storeRecord(
    site,
    meeting.id,
    record({
      date: '2026-03-04',
      spans: [
        { label: '協議', start: '09:30', end: '11:00' },
        { label: '夕食会', start: '18:30', end: '20:00' },
      ],
      place: '青葉市',
      participants: [
        participant('山川', { title: '経済産業副大臣', side: '日本', country: '日本', isLegislator: true }),
        participant('森田', { title: '財務大臣政務官', side: '日本', country: '日本' }),
        participant('ソーレン', { title: '経済相', side: 'カレド', country: 'カレド' }),
      ],
      documents: [{ title: 'ファクトシート', url: '/media/1/fact-sheet.pdf' }],
    }),
  );
  const visit = await publishReport(site, { title: '浄水場を視察', activityDate: '2026-03-10' });
  await storeRecord(
    site,
    visit.id,
    record({
      kind: '視察',
      spans: [{ label: null, start: '14:00', end: null }],
      participants: [participant('森田', { title: '財務副大臣' }), participant('試験花子'), participant('ＪＡＮＥ　Ｄｏｅ', { organisation: '北浜商工会議所' })],
    }),
  );
  const unconfirmed = await publishReport(site, { title: '未確認の記者会見', activityDate: '2026-05-01' });
  await storeRecord(site, unconfirmed.id, record({ kind: '記者会見', participants: [participant('秘密太郎')] }), false);
  const drafted = await createReport(site, draft({ title: '下書きの会談', activityDate: '2026-06-01' }), { status: 'draft' });
  await storeRecord(site, drafted.id, record({ participants: [participant('下書き次郎')] }));
  await publishReport(site, { title: '記録のない報告', activityDate: '2026-03-10' });
  Object.assign(slugs, { meeting: meeting.slug, visit: visit.slug, unconfirmed: unconfirmed.slug });
});
after(async () => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const jsonLdOf = (html: string) => [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);

test('the report page shows the confirmed record as a 概要 description list, participants linked to their pages', async () => {
  const res = await get(`/activity/${slugs.meeting}/`);
  assert.equal(res.statusCode, 200);
  const box = /<section class="record-summary"[\s\S]*?<\/section>/.exec(res.body)?.[0] ?? '';
  for (const term of ['日時', '場所', '出席者', '関連資料']) assert.match(box, new RegExp(`<dt>${term}</dt>`));
  assert.match(box, /<time datetime="2026-03-04T09:30:00\+09:00">9時30分<\/time>〜<time datetime="2026-03-04T11:00:00\+09:00">11時<\/time> 協議/);
  assert.match(box, /<dd>青葉市<\/dd>/);
  assert.match(box, /<a href="\/people\/%E6%A3%AE%E7%94%B0\/">森田<\/a> 財務大臣政務官\(日本\)/);
  // The legislator is among the participants but has no person page.
  assert.match(box, /<li>山川 経済産業副大臣\(日本\)<\/li>/);
  assert.match(box, /<a href="\/media\/1\/fact-sheet.pdf">ファクトシート<\/a>/);
});

test('the report page carries an Event beside the NewsArticle: Japan-time spans, place, attendees and the legislator as organizer', async () => {
  const blocks = jsonLdOf((await get(`/activity/${slugs.meeting}/`)).body);
  assert.deepEqual(
    blocks.map((b) => b['@type']),
    ['NewsArticle', 'Event'],
  );
  const event = blocks[1]!;
  assert.equal(event.name, '第3回日・カレド経済閣僚協議');
  assert.equal(event.startDate, '2026-03-04T09:30:00+09:00');
  assert.equal(event.endDate, '2026-03-04T20:00:00+09:00');
  assert.deepEqual(event.location, { '@type': 'Place', name: '青葉市' });
  assert.deepEqual(event.organizer, { '@type': 'Person', '@id': 'https://www.example.jp/#person', name: '試験 花子' });
  assert.deepEqual(event.attendee, [
    { '@type': 'Person', name: '森田', jobTitle: '財務大臣政務官', nationality: { '@type': 'Country', name: '日本' } },
    { '@type': 'Person', name: 'ソーレン', jobTitle: '経済相', nationality: { '@type': 'Country', name: 'カレド' } },
  ]);
  assert.deepEqual(event.subEvent, [
    { '@type': 'Event', name: '協議', startDate: '2026-03-04T09:30:00+09:00', endDate: '2026-03-04T11:00:00+09:00' },
    { '@type': 'Event', name: '夕食会', startDate: '2026-03-04T18:30:00+09:00', endDate: '2026-03-04T20:00:00+09:00' },
  ]);
});

test("an organisation is the attendee's affiliation, and a span without its end ends where it starts", async () => {
  const [, event] = jsonLdOf((await get(`/activity/${slugs.visit}/`)).body);
  assert.equal(event!.startDate, '2026-03-10T14:00:00+09:00');
  assert.equal(event!.endDate, '2026-03-10T14:00:00+09:00');
  assert.equal(event!.location, undefined);
  const jane = (event!.attendee as Record<string, unknown>[]).find((a) => a.name === 'ＪＡＮＥ　Ｄｏｅ');
  assert.deepEqual(jane?.affiliation, { '@type': 'Organization', name: '北浜商工会議所' });
});

test('an unconfirmed proposal shows nowhere: no 概要, no Event, no person page, no kind list', async () => {
  const page = await get(`/activity/${slugs.unconfirmed}/`);
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, /record-summary/);
  assert.deepEqual(
    jsonLdOf(page.body).map((b) => b['@type']),
    ['NewsArticle'],
  );
  assert.equal((await get('/people/%E7%A7%98%E5%AF%86%E5%A4%AA%E9%83%8E/')).statusCode, 404);
  assert.equal((await get(`/activity/kind/${encodeURIComponent('記者会見')}/`)).statusCode, 404);
  assert.doesNotMatch((await get('/people/')).body, /秘密太郎|下書き次郎/);
});

test('/people/ lists everyone the public records name once, by gojūon row, without the legislator', async () => {
  const res = await get('/people/');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<p class="result-count">3人<\/p>/);
  assert.match(res.body, /<h2 id="people-row-0">さ行<\/h2>[\s\S]*ソーレン/);
  assert.match(res.body, /<a href="\/people\/%E6%A3%AE%E7%94%B0\/">森田<\/a><span class="people-count">\(2件\)<\/span>/);
  // NFKC: the full-width name has its page at the folded spelling.
  assert.match(res.body, /<a href="\/people\/JANE%20Doe\/">ＪＡＮＥ　Ｄｏｅ<\/a>/);
  // Marked as the legislator (山川), or written as the legislator's name without the space (試験花子).
  assert.doesNotMatch(res.body, /山川|試験花子/);
});

test('a person page lists their reports newest first with the titles they held at each', async () => {
  const res = await get('/people/%E6%A3%AE%E7%94%B0/');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h1 id="page-title">森田さんとの活動<\/h1>/);
  assert.match(res.body, /記録上の肩書き: 財務副大臣、財務大臣政務官\(日本\)/);
  const visitAt = res.body.indexOf(`href="/activity/${slugs.visit}/"`);
  const meetingAt = res.body.indexOf(`href="/activity/${slugs.meeting}/"`);
  assert.ok(visitAt > 0 && meetingAt > visitAt, 'the newer report first');
  assert.match(res.body, /2026年3月4日<\/time><span class="sep" aria-hidden="true">・<\/span>財務大臣政務官\(日本\)/);
});

test('an unknown person, a spelling other than the normalised one and a page past the last answer 404', async () => {
  for (const url of ['/people/%E8%AA%B0/', '/people/%EF%BC%AA%EF%BC%A1%EF%BC%AE%EF%BC%A5%20Doe/', '/people/%E6%A3%AE%E7%94%B0/page/2/', '/people/page/2/']) {
    assert.equal((await get(url)).statusCode, 404, url);
  }
  assert.equal((await get('/people/%E6%A3%AE%E7%94%B0/page/1/')).headers.location, '/people/%E6%A3%AE%E7%94%B0/');
});

test('the kind is a list of its own under /activity/kind/, and an unknown kind answers 404', async () => {
  const res = await get(`/activity/kind/${encodeURIComponent('視察')}/`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /「視察」の活動報告/);
  assert.ok(res.body.includes(`href="/activity/${slugs.visit}/"`));
  assert.ok(!res.body.includes(`href="/activity/${slugs.meeting}/"`));
  assert.equal((await get(`/activity/kind/${encodeURIComponent('存在しない種類')}/`)).statusCode, 404);
  assert.equal((await get(`/activity/kind/${encodeURIComponent('視察')}/page/2/`)).statusCode, 404);
  assert.match((await get(`/activity/${slugs.meeting}/`)).body, /<a href="\/activity\/kind\/%E4%BC%9A%E8%AB%87%E3%83%BB%E5%8D%94%E8%AD%B0\/">会談・協議<\/a>/);
});

test('the year archive shows a heatmap of activity days with a legend, and the counts by month and by kind as tables', async () => {
  const res = await get('/activity/2026/');
  assert.equal(res.statusCode, 200);
  const svg = /<svg class="heatmap"[\s\S]*?<\/svg>/.exec(res.body)?.[0] ?? '';
  assert.match(svg, /role="img"/);
  assert.match(svg, /2026年の活動日\(3日、4件\)/);
  assert.match(svg, /<title>3月10日 2件<\/title>/);
  assert.equal((svg.match(/<rect /g) ?? []).length, 365);
  assert.match(res.body, /class="heatmap-legend"/);
  assert.match(res.body, /<th scope="row"><a href="\/activity\/2026\/03\/">3月<\/a><\/th><td>3件<\/td><td>2日<\/td>/);
  assert.match(res.body, /<th scope="row">4月<\/th><td>0件<\/td>/);
  assert.match(res.body, /<a href="\/activity\/kind\/%E8%A6%96%E5%AF%9F\/">視察<\/a><\/th><td>1件<\/td>/);
  assert.match(res.body, /<th scope="row">記録なし<\/th><td>2件<\/td>/);
  assert.doesNotMatch((await get('/activity/2026/03/')).body, /class="heatmap"/);
});

test('the home page sums up this year in Japan time with a link to its calendar', async () => {
  const res = await get('/');
  assert.match(res.body, /<h2 id="year-summary-title">2026年の活動<\/h2>/);
  assert.match(res.body, /活動報告 4件\(活動日 3日\)/);
  assert.match(res.body, /<a href="\/activity\/2026\/">2026年の活動カレンダーへ<\/a>/);
});

test('the sitemap lists the people index, every person page and every kind list', async () => {
  const body = (await get('/sitemap.xml')).body;
  for (const path of ['/people/', '/people/%E6%A3%AE%E7%94%B0/', '/people/JANE%20Doe/', '/activity/kind/%E8%A6%96%E5%AF%9F/']) {
    assert.ok(body.includes(`<loc>https://www.example.jp${path}</loc>`), path);
  }
  assert.doesNotMatch(body, /%E7%A7%98%E5%AF%86/);
});

test('markup in every field of a record is shown as text in the 概要 box and cannot leave the JSON-LD script', async () => {
  for (const payload of XSS_PAYLOADS) {
    const text = payload.text;
    const { id, slug } = await publishReport(t.site, { title: `XSS ${payload.n}`, activityDate: '2025-01-01' });
    await storeRecord(
      t.site,
      id,
      record({
        kind: text,
        place: text,
        spans: [{ label: text, start: '10:00', end: '11:00' }],
        participants: [participant(text, { title: text, side: text, organisation: text, country: text })],
        documents: [{ title: text, url: text }],
      }),
    );
    const html = (await get(`/activity/${slug}/`)).body;
    if (text.includes('<')) assert.ok(!html.includes(text), `payload ${payload.n} appears unescaped`);
    assert.doesNotMatch(html, /href="\s*javascript:/i);
    const blocks = jsonLdOf(html);
    assert.equal(blocks.length, 2, `payload ${payload.n} broke out of the JSON-LD`);
    assert.equal(blocks[1]!.name, `XSS ${payload.n}`);
    assert.deepEqual((blocks[1]!.location as { name: string }).name, text);
  }
});

test('the search takes the kind of activity as a filter beside year and category, on the page and in the API', async () => {
  const page = await get(`/search?q=${encodeURIComponent('テスト')}&activity=${encodeURIComponent('視察')}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<option value="視察" selected(="")?>視察<\/option>/);
  assert.ok(page.body.includes(`href="/activity/${slugs.visit}/"`));
  assert.ok(!page.body.includes(`href="/activity/${slugs.meeting}/"`));
  const unfiltered = await get(`/search?q=${encodeURIComponent('テスト')}&year=2026`);
  assert.ok(unfiltered.body.includes(`href="/activity/${slugs.meeting}/"`));
  const api = JSON.parse((await get(`/api/v1/search?q=${encodeURIComponent('テスト')}&activity=${encodeURIComponent('視察')}`)).body) as {
    total: number;
    items: { url: string }[];
  };
  assert.equal(api.total, 1);
  assert.equal(api.items[0]!.url, `https://www.example.jp/activity/${slugs.visit}/`);
});

test('an unknown kind of activity in the search is refused with a message at the field, never a 500', async () => {
  const page = await get(`/search?q=${encodeURIComponent('テスト')}&activity=${encodeURIComponent('存在しない種類')}`);
  assert.equal(page.statusCode, 400);
  assert.match(page.body, /<p id="search-activity-error" class="field-error">指定された活動の種類はありません。/);
  const api = await get(`/api/v1/search?q=${encodeURIComponent('テスト')}&activity=${encodeURIComponent('存在しない種類')}`);
  assert.equal(api.statusCode, 400);
  assert.match(api.body, /指定された活動の種類はありません/);
  assert.equal((await get(`/search?q=x&activity=${'あ'.repeat(41)}`)).statusCode, 400);
});

test('the home page turns to the new year at midnight Japan time without waiting for a write', async () => {
  const now = t.site.now;
  try {
    // A page enters the page cache at its second rendering.
    for (let i = 0; i < 3; i++) assert.match((await get('/')).body, /2026年の活動/);
    t.site.now = () => new Date('2026-12-31T15:00:00.000Z');
    assert.match((await get('/')).body, /<h2 id="year-summary-title">2027年の活動<\/h2>[\s\S]*2027年の活動報告はまだありません。/);
  } finally {
    t.site.now = now;
  }
});
