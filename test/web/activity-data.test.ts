// Activity records as data (issue 16 items 5 and 6): the API's record, /opendata/activities.csv
// and .json, /events.ics — only confirmed records of published reports, every XSS payload
// carried as text, CSV formulas neutralised.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { ActivityRecord } from '../../src/domain/activity-record/activity-record.js';
import { ACTIVITY_CSV_COLUMNS } from '../../src/site/opendata/activities-csv.js';
import { saveActivityRecord } from '../../src/store/activity-records.js';
import { createTestApp, TEST_BASE_URL, type TestApp } from '../support/app.js';
import { publishReport, setSettings, TEST_SETTINGS } from '../support/factories.js';
import { XSS_PAYLOADS } from '../support/xss-payloads.js';

const AT = '2026-11-19T01:00:00.000Z';
const BASE: ActivityRecord = {
  kind: '会談・協議',
  date: '2024-05-14',
  spans: [
    { label: '協議', start: '09:20', end: '11:15' },
    { label: 'ワーキング・ランチ', start: '12:25', end: '13:10' },
  ],
  place: '東京',
  participants: [
    { name: '試験', title: '議員', side: '日本', organisation: null, country: '日本', isLegislator: true },
    { name: 'ベルナール', title: '駐日大使', side: null, organisation: null, country: 'ルミナ共和国', isLegislator: false },
  ],
  organisations: [],
  countries: ['日本', 'ルミナ共和国'],
  outcomes: ['交流事業を共同で準備していくことで一致した。'],
  documents: [],
};
const PAYLOAD_RECORD: ActivityRecord = {
  ...BASE,
  place: XSS_PAYLOADS[0]!.text,
  participants: [
    { name: '=HYPERLINK("https://evil.example/")', title: '+SUM(1)', side: null, organisation: '-1+2', country: null, isLegislator: false },
    { name: '@cmd', title: null, side: null, organisation: null, country: null, isLegislator: false },
  ],
  outcomes: XSS_PAYLOADS.map((p) => p.text),
};
// The site's clock (test/support/db.ts): 2026-11-20 12:00 in Japan.
const UPCOMING: ActivityRecord = {
  ...BASE,
  kind: '国政報告会・集会',
  date: '2026-12-05',
  spans: [{ label: null, start: '18:00', end: '19:30' }],
  place: XSS_PAYLOADS[3]!.text,
};
const ALL_DAY: ActivityRecord = { ...BASE, kind: '街頭活動', date: '2026-12-06', spans: [] };
const STARTED_TODAY: ActivityRecord = { ...BASE, date: '2026-11-20', spans: [{ label: null, start: '10:00', end: '13:00' }] };

let t: TestApp;
const ids: Record<string, number> = {};

before(async () => {
  t = await createTestApp({
    seed: async (site) => {
      await setSettings(site, TEST_SETTINGS);
      const add = async (name: string, record: ActivityRecord | null, options: { isConfirmed?: boolean; status?: 'draft'; title?: string } = {}) => {
        const report = await publishReport(site, { title: options.title ?? `${name}の報告`, activityDate: record?.date ?? '2024-05-14' });
        ids[name] = report.id;
        if (options.status === 'draft') await site.db.updateTable('reports').set({ status: 'draft', published_at: null }).where('id', '=', report.id).execute();
        if (record) await saveActivityRecord(site.db, report.id, record, { isConfirmed: options.isConfirmed ?? true, at: AT });
      };
      await add('confirmed', BASE);
      await add('proposal', BASE, { isConfirmed: false });
      await add('draft', BASE, { status: 'draft' });
      await add('none', null);
      await add('payloads', PAYLOAD_RECORD, { title: `=1+2 ${XSS_PAYLOADS[1]!.text}` });
      await add('upcoming', UPCOMING, { title: `国政報告会 ${XSS_PAYLOADS[2]!.text}` });
      await add('allDay', ALL_DAY);
      await add('startedToday', STARTED_TODAY);
    },
  });
});
after(() => t.close());

async function get(url: string, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'GET', url, headers });
}

/** RFC 4180 read strictly: CRLF between records, quotes doubled inside quoted fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        assert.ok(quote >= 0, 'unclosed quote');
        field += text.slice(i, quote);
        i = quote + 1;
        if (text[i] !== '"') break;
        field += '"';
        i++;
      }
    } else {
      const end = text.slice(i).search(/,|\r\n/);
      field = end < 0 ? text.slice(i) : text.slice(i, i + end);
      assert.ok(!/["\r\n]/.test(field), `bare quote or line break in ${JSON.stringify(field)}`);
      i += field.length;
    }
    row.push(field);
    if (text[i] === ',') i++;
    else {
      assert.equal(text.slice(i, i + 2), '\r\n', `a record ends in CRLF at ${i}`);
      i += 2;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

test('the API gives a report its confirmed record, and null for a proposal nobody confirmed', async () => {
  const list = (await get('/api/v1/reports?limit=100')).json() as { items: { id: number; record: null | { kind: string; spans: { startsAt: string }[] } }[] };
  const byId = new Map(list.items.map((i) => [i.id, i.record]));
  assert.equal(byId.get(ids.confirmed!)?.kind, '会談・協議');
  assert.equal(byId.get(ids.confirmed!)?.spans[0]?.startsAt, '2024-05-14T09:20:00+09:00');
  assert.equal(byId.get(ids.proposal!), null);
  assert.equal(byId.get(ids.none!), null);
  assert.ok(!byId.has(ids.draft!));
  const one = (await get(`/api/v1/reports/${ids.confirmed}`)).json() as { record: unknown };
  assert.deepEqual(one.record, byId.get(ids.confirmed!));
  assert.equal(((await get(`/api/v1/reports/${ids.proposal}`)).json() as { record: unknown }).record, null);
});

test('activities.csv is UTF-8 with a BOM, CRLF and RFC 4180 quoting, one row per public record, columns as documented', async () => {
  const response = await get('/opendata/activities.csv');
  assert.equal(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), /^text\/csv; charset=utf-8/);
  assert.ok(response.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])));
  const rows = parseCsv(response.body.slice(1));
  assert.deepEqual(rows[0], [...ACTIVITY_CSV_COLUMNS]);
  const reportIds = rows.slice(1).map((r) => Number(r[0]));
  assert.deepEqual(reportIds, [ids.confirmed, ids.payloads, ids.upcoming, ids.allDay, ids.startedToday]);
  const doc = readFileSync(new URL('../../docs/opendata.md', import.meta.url), 'utf8');
  for (const column of ACTIVITY_CSV_COLUMNS) assert.ok(doc.includes(`\`${column}\``), `docs/opendata.md documents ${column}`);
  const confirmed = Object.fromEntries(ACTIVITY_CSV_COLUMNS.map((c, i) => [c, rows[1]![i]]));
  assert.equal(confirmed.report_url, `${TEST_BASE_URL}/activity/2024-05-14/`);
  assert.equal(confirmed.starts_at, '2024-05-14T09:20:00+09:00');
  assert.equal(confirmed.ends_at, '2024-05-14T13:10:00+09:00');
  assert.equal(confirmed.legislator_present, 'true');
});

test('activities.csv carries every XSS payload as text and neutralises cells a spreadsheet would run as formulas', async () => {
  const rows = parseCsv((await get('/opendata/activities.csv')).body.slice(1));
  const cell = (column: (typeof ACTIVITY_CSV_COLUMNS)[number]) => rows[2]![ACTIVITY_CSV_COLUMNS.indexOf(column)]!;
  assert.equal(cell('report_title'), `'=1+2 ${XSS_PAYLOADS[1]!.text}`);
  assert.equal(cell('place'), XSS_PAYLOADS[0]!.text);
  assert.equal(cell('participants'), `'=HYPERLINK("https://evil.example/") +SUM(1)(-1+2) | @cmd`);
  const outcomes = cell('outcomes');
  for (const payload of XSS_PAYLOADS) assert.ok(outcomes.includes(payload.text.replace(/^([=+\-@])/, "'$1")), `payload ${payload.n}`);
  for (const row of rows) for (const value of row) assert.doesNotMatch(value, /^[=+\-@\t\r]/);
});

test('activities.json holds the same records as the API, with the licence', async () => {
  const response = await get('/opendata/activities.json');
  assert.match(String(response.headers['content-type']), /^application\/json/);
  const body = response.json() as { licence: { name: string }; activities: { reportId: number; place: string; outcomes: string[] }[] };
  assert.equal(body.licence.name, 'CC BY 4.0');
  assert.deepEqual(
    body.activities.map((a) => a.reportId),
    [ids.confirmed, ids.payloads, ids.upcoming, ids.allDay, ids.startedToday],
  );
  const api = (await get(`/api/v1/reports/${ids.payloads}`)).json() as { record: object };
  const { reportId: _id, reportUrl: _url, reportTitle: _title, ...record } = body.activities[1]! as unknown as Record<string, unknown>;
  assert.deepEqual(record, api.record);
  assert.deepEqual(body.activities[1]!.outcomes, PAYLOAD_RECORD.outcomes);
});

test('the open data files answer 304 to the ETag they sent while the content is unchanged', async () => {
  for (const url of ['/opendata/activities.csv', '/opendata/activities.json']) {
    const first = await get(url);
    assert.match(String(first.headers['cache-control']), /max-age=/);
    const again = await get(url, { 'if-none-match': String(first.headers.etag) });
    assert.equal(again.statusCode, 304, url);
  }
});

/** Lines unfolded (RFC 5545 3.1) after checking that every line ends in CRLF and is at most 75 octets. */
function unfoldIcs(text: string): string[] {
  assert.ok(text.endsWith('\r\n') || text.endsWith('END:VCALENDAR'));
  const physical = text.replace(/\r\n$/, '').split('\r\n');
  for (const line of physical) {
    assert.ok(!/[\r\n]/.test(line), 'a bare CR or LF');
    assert.ok(Buffer.byteLength(line) <= 75, `longer than 75 octets: ${line}`);
  }
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ')) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  return lines;
}

const unescapeText = (value: string) => value.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

test('events.ics is a valid iCalendar feed of the activities that have not started, with stable UIDs and UTC times', async () => {
  const response = await get('/events.ics');
  assert.equal(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), /^text\/calendar; charset=utf-8/);
  const lines = unfoldIcs(response.body);
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  assert.equal(lines.at(-1), 'END:VCALENDAR');
  assert.ok(lines.includes('VERSION:2.0'));
  assert.ok(lines.some((l) => l.startsWith('PRODID:')));
  const stack: string[] = [];
  const events: Map<string, string>[] = [];
  for (const line of lines) {
    if (line.startsWith('BEGIN:')) {
      stack.push(line.slice(6));
      if (line === 'BEGIN:VEVENT') events.push(new Map());
    } else if (line.startsWith('END:')) assert.equal(stack.pop(), line.slice(4));
    else if (stack.at(-1) === 'VEVENT') {
      const colon = line.indexOf(':');
      events.at(-1)!.set(line.slice(0, colon), line.slice(colon + 1));
    }
  }
  assert.equal(stack.length, 0);
  assert.equal(events.length, 2);
  const [evening, allDay] = events;
  const host = new URL(TEST_BASE_URL).host;
  assert.equal(evening!.get('UID'), `report-${ids.upcoming}@${host}`);
  assert.equal(evening!.get('DTSTAMP'), '20261119T010000Z');
  assert.equal(evening!.get('DTSTART'), '20261205T090000Z');
  assert.equal(evening!.get('DTEND'), '20261205T103000Z');
  assert.equal(unescapeText(evening!.get('SUMMARY')!), `国政報告会 ${XSS_PAYLOADS[2]!.text}`);
  assert.equal(unescapeText(evening!.get('LOCATION')!), XSS_PAYLOADS[3]!.text);
  assert.equal(allDay!.get('UID'), `report-${ids.allDay}@${host}`);
  assert.equal(allDay!.get('DTSTART;VALUE=DATE'), '20261206');
  for (const event of events) for (const [name, value] of event) if (/^DT(START|END|STAMP)$/.test(name)) assert.match(value, /Z$/, 'no floating times');
});

test('the open data files and the calendar are rate limited like the feeds', async () => {
  const limited = await createTestApp({ rateLimits: { searchPerMinute: 0, apiPerMinute: 0, feedsPerMinute: 2 } });
  try {
    for (const url of ['/opendata/activities.csv', '/opendata/activities.json', '/events.ics']) {
      const codes = (await Promise.all([1, 2, 3].map(() => limited.app.inject({ method: 'GET', url, remoteAddress: `192.0.2.${url.length}` })))).map((r) => r.statusCode);
      assert.deepEqual(codes.sort(), [200, 200, 429], url);
    }
  } finally {
    await limited.close();
  }
});

test('an activity that has started leaves 「予定」 and /events.ics within the hour, without a write', async () => {
  const now = t.site.now;
  const upcomingTitles = (html: string) => (/<section class="upcoming"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '').match(/国政報告会 /g)?.length ?? 0;
  try {
    // A page enters the page cache at its second rendering: read both enough to be served from it.
    for (let i = 0; i < 3; i++) {
      assert.equal(upcomingTitles((await get('/')).body), 1);
      assert.match((await get('/events.ics')).body, /国政報告会/);
    }
    // 2026-12-05 18:30 in Japan: the 国政報告会 (18:00-19:30) has started.
    t.site.now = () => new Date('2026-12-05T09:30:00.000Z');
    assert.equal(upcomingTitles((await get('/')).body), 0);
    assert.doesNotMatch((await get('/events.ics')).body, /国政報告会/);
  } finally {
    t.site.now = now;
  }
});

test('the home page lists under 「予定」 the activities that have not started, and links the calendar', async () => {
  const html = (await get('/')).body;
  const section = /<section class="upcoming"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  assert.match(section, /<h2 id="upcoming-title">予定<\/h2>/);
  const titles = [...section.matchAll(/<a href="\/activity\/[^"]+">([^<]*)<\/a>/g)].map((m) => m[1]);
  assert.equal(titles.length, 2);
  assert.ok(titles[0]!.startsWith('国政報告会 '));
  assert.doesNotMatch(section, /<script>|onerror=/);
  assert.match(section, /2026年12月5日\(土\) 18:00〜19:30/);
  assert.match(section, /2026年12月6日\(日\)<\/time>/);
  assert.match(html, /<link rel="alternate" type="text\/calendar" title="[^"]*" href="\/events.ics"/);
  assert.match(section, /href="\/opendata\/activities.csv"/);
});
