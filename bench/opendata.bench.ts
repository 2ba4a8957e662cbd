// The open data figure of docs/performance.md ("Activity records"): /opendata/activities.csv and
// .json of N confirmed activity records (default 100,000), made the way the server sends them
// (site/opendata/: 500 records a read), timed, with the process's RSS before and its peak
// while writing (sampled after each batch) — the files are never held whole, so it must not grow with N.
// The site is written straight into a fresh SQLite file (reports with the seed's record shape:
// two spans, four participants, two outcomes), which is not part of the figure.
//
//   node --import tsx bench/opendata.bench.ts [--count 100000] [--format csv|json]
//   node --max-old-space-size=48 --import tsx bench/opendata.bench.ts   # the heap capped far below the file
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { inlinePool } from '../src/actions/runtime/work-pool.js';
import type { ActivityRecord } from '../src/domain/activity-record/activity-record.js';
import { activitiesCsv } from '../src/site/opendata/activities-csv.js';
import { activitiesJson } from '../src/site/opendata/activities-json.js';
import { insertActivityRecord } from '../src/store/activity-records.js';
import { openDatabase } from '../src/store/database.js';

const { values } = parseArgs({ options: { count: { type: 'string', default: '100000' }, format: { type: 'string', default: 'csv' } } });
const count = Number(values.count);
const dir = mkdtempSync(join(tmpdir(), 'katsudo-bench-opendata-'));
const db = await openDatabase({ file: join(dir, 'katsudo.db') });

const record = (i: number): ActivityRecord => ({
  kind: '会談・協議',
  date: `20${String(10 + (i % 15)).padStart(2, '0')}-11-02`,
  spans: [
    { label: '協議', start: '09:20', end: '11:15' },
    { label: 'ワーキング・ランチ', start: '12:25', end: '13:10' },
  ],
  place: '東京',
  participants: [
    { name: '岸田', title: '外務大臣', side: '日本', organisation: null, country: '日本', isLegislator: false },
    { name: '小野寺', title: '防衛大臣', side: '日本', organisation: null, country: '日本', isLegislator: false },
    { name: 'ラヴロフ', title: '外務大臣', side: 'ロシア', organisation: null, country: 'ロシア', isLegislator: false },
    { name: 'ショイグ', title: '国防大臣', side: 'ロシア', organisation: null, country: 'ロシア', isLegislator: false },
  ],
  organisations: [],
  countries: ['日本', 'ロシア'],
  outcomes: [`第${i}回の協議を続けることで一致した。`, '次回の会合を東京で開くことを確認した。'],
  documents: [],
});

const at = '2026-01-01T00:00:00.000Z';
for (let from = 0; from < count; from += 1000) {
  await db.transaction().execute(async (trx) => {
    const rows = Array.from({ length: Math.min(1000, count - from) }, (_, k) => {
      const i = from + k;
      return {
        slug: `r-${i}`,
        title: `日露外務・防衛閣僚協議 第${i}回`,
        activity_date: record(i).date!,
        published_at: at,
        status: 'published',
        body_source: '',
        body_html: '',
        body_text: '',
        outline_json: '[]',
        summary: '',
        category_id: null,
        lang: 'ja',
        version: 1,
        created_at: at,
        updated_at: at,
        author_id: null,
        submitted_at: null,
        scheduled_at: null,
        trashed_at: null,
      };
    });
    const ids = await trx.insertInto('reports').values(rows).returning('id').execute();
    for (const [k, { id }] of ids.entries()) await insertActivityRecord(trx, id, record(from + k), { isConfirmed: true, at });
  });
}

const deps = { ctx: { db, dataDir: dir, now: () => new Date(), work: inlinePool(db) }, baseUrl: 'https://example.jp' };
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const cpuBefore = process.cpuUsage();
let bytes = 0;
let peakRss = rssBefore;
for await (const chunk of values.format === 'json' ? activitiesJson(deps) : activitiesCsv(deps)) {
  bytes += Buffer.byteLength(chunk);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
console.log(
  `${values.format} of ${count.toLocaleString('en')} records: ${mb(bytes)} MB in ${seconds.toFixed(1)} s (${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU), RSS before ${mb(rssBefore)} MB, peak while writing ${mb(peakRss)} MB (process maxRSS, with the setup: ${mb(process.resourceUsage().maxRSS * 1024)} MB)`,
);
await db.destroy();
rmSync(dir, { recursive: true, force: true });
