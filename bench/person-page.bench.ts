// The person page of someone met in 1,000 reports (issue 16, docs/performance.md "Activity
// records"): a generated site (bench/build-site.ts) where every report has a confirmed record
// of four participants, one of them the same person in `--person-reports` of them. Cold: the
// first render after a write (the people index, built once per content version, is built
// again; the page's report summaries read again); warm: the same page again at that version.
//
//   node --import tsx bench/person-page.bench.ts [--reports 3000] [--person-reports 1000] [--runs 7]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { inlinePool } from '../src/actions/runtime/work-pool.js';
import type { ActivityRecord } from '../src/domain/activity-record/activity-record.js';
import { paths } from '../src/domain/paths.js';
import { sitePages } from '../src/site/site-pages.js';
import { saveActivityRecord } from '../src/store/activity-records.js';
import { openDatabase } from '../src/store/database.js';
import { listPublicParticipants } from '../src/store/public-activity-reads.js';
import { bumpContentVersion } from '../src/store/site-state.js';
import { loadAssets } from '../src/web/assets.js';
import { buildSite, DB_FILE } from './build-site.js';

const { values } = parseArgs({
  options: { reports: { type: 'string', default: '3000' }, 'person-reports': { type: 'string', default: '1000' }, runs: { type: 'string', default: '7' } },
});
const reportCount = Number(values.reports);
const personReports = Number(values['person-reports']);
const runs = Number(values.runs);
const PERSON = '北浜一郎';

const dir = mkdtempSync(join(tmpdir(), 'katsudo-person-bench-'));
try {
  await buildSite({ count: reportCount, out: dir });
  const db = await openDatabase({ file: join(dir, DB_FILE) });
  const reports = await db.selectFrom('reports').select(['id', 'activity_date']).orderBy('id').execute();
  // Every third report (then the rest) names the person, so their reports spread over the years.
  const chosen = new Set(reports.filter((_, i) => i % 3 === 0).map((r) => r.id));
  for (const r of reports) if (chosen.size < personReports) chosen.add(r.id);
  await db.transaction().execute(async (trx) => {
    for (const [i, r] of reports.entries()) {
      const guests = [`来賓${i % 400}`, `委員${i % 97}`, `会長${i % 31}`].map((name) => ({
        name,
        title: '委員',
        side: null,
        organisation: '北浜協会',
        country: null,
        isLegislator: false,
      }));
      const first = chosen.has(r.id) && [...chosen].indexOf(r.id) < personReports ? [{ ...guests[0]!, name: PERSON, title: i % 2 === 0 ? '会頭' : '副会頭' }] : [];
      const record: ActivityRecord = {
        kind: '意見交換・会合',
        date: r.activity_date,
        spans: [{ label: null, start: '10:00', end: '11:30' }],
        place: '北浜市民会館',
        participants: [...first, ...guests],
        organisations: ['北浜協会'],
        countries: [],
        outcomes: [],
        documents: [],
      };
      await saveActivityRecord(trx, r.id, record, { isConfirmed: true, at: new Date().toISOString() });
    }
    await bumpContentVersion(trx);
  });
  const { css, icon } = loadAssets();
  const deps = { ctx: { db, dataDir: dir, now: () => new Date(), work: inlinePool(db) }, baseUrl: 'https://www.example.jp', assets: { css, icon } };
  const appearances = (
    await db
      .selectFrom('activity_participants')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('name', '=', PERSON)
      .executeTakeFirstOrThrow()
  ).n;
  const cold: number[] = [];
  const coldCpu: number[] = [];
  const read: number[] = [];
  const warm: number[] = [];
  const lastCold: number[] = [];
  let bytes = 0;
  for (let run = 0; run < runs; run++) {
    await db.transaction().execute((trx) => bumpContentVersion(trx));
    let t = performance.now();
    const cpu = process.cpuUsage();
    bytes = (await sitePages.person(deps, PERSON, 1)).length;
    cold.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    coldCpu.push((used.user + used.system) / 1000);
    t = performance.now();
    await sitePages.person(deps, PERSON, 1);
    warm.push(performance.now() - t);
    // The last page after another write: the index again, and summaries from the far end.
    await db.transaction().execute((trx) => bumpContentVersion(trx));
    t = performance.now();
    await sitePages.person(deps, PERSON, Math.ceil(Number(appearances) / 20));
    lastCold.push(performance.now() - t);
    t = performance.now();
    await listPublicParticipants(db);
    read.push(performance.now() - t);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1);
  console.log(
    `${paths.person(PERSON)}: ${appearances} reports of ${reportCount} (${reportCount * 3 + Number(appearances)} participant rows); page 1 ${bytes} bytes; ` +
      `median of ${runs}: cold ${median(cold)} ms (${median(coldCpu)} ms CPU; reading the participants alone ${median(read)} ms), warm ${median(warm)} ms, last page cold ${median(lastCold)} ms; ` +
      `cold runs ${cold.map((x) => x.toFixed(0)).join(' ')}; load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  await db.destroy();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
