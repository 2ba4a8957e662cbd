// Activity-record extraction time per report (issue 16; target: median ≤ 1 ms) on the bench
// corpus, plus the longest reports and a few hostile texts (long runs of kanji before 「と会談」,
// many clock times) that would show a regular expression gone quadratic. Prints the median,
// 90th percentile and maximum per report, and how many proposals found participants and spans.
// Not part of `npm test`.
//
//   node --import tsx bench/activity-extract.bench.ts [--reports 2000] [--runs 5]
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { extractActivityRecord } from '../src/domain/activity-record/extract-activity-record.js';
import { DEMO_SETTINGS } from '../src/demo/demo-content.js';
import { generateReports } from './corpus.js';

const { values } = parseArgs({ options: { reports: { type: 'string', default: '2000' }, runs: { type: 'string', default: '5' } } });
const reportCount = Number(values.reports);
const runs = Number(values.runs);

interface Sample {
  title: string;
  text: string;
  date: string;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
}

/** Per-report times (ms) of the median run: each report is timed on its own, `runs` times over. */
function timeEach(samples: readonly Sample[]): number[] {
  const perRun: number[][] = [];
  for (let run = 0; run < runs; run++) {
    perRun.push(
      samples.map((s) => {
        const start = performance.now();
        extractActivityRecord(s, { legislatorName: DEMO_SETTINGS.legislatorName });
        return performance.now() - start;
      }),
    );
  }
  return samples.map((_, i) => perRun.map((times) => times[i]!).sort((a, b) => a - b)[Math.floor(runs / 2)]!).sort((a, b) => a - b);
}

function line(name: string, samples: readonly Sample[]): void {
  const times = timeEach(samples);
  const chars = samples.reduce((sum, s) => sum + s.text.length, 0) / samples.length;
  console.log(
    `${name}: ${samples.length} reports, ${chars.toFixed(0)} chars on average; per report median ${quantile(times, 0.5).toFixed(3)} ms,` +
      ` p90 ${quantile(times, 0.9).toFixed(3)} ms, max ${times[times.length - 1]!.toFixed(3)} ms`,
  );
}

const corpus = [...generateReports(reportCount)].map((r) => ({ title: r.title, text: r.bodySource, date: r.activityDate }));
// Ten corpus reports end to end: about 14,000 characters, longer than any real report.
const long = Array.from({ length: Math.floor(corpus.length / 10) }, (_, i) => {
  const part = corpus.slice(i * 10, i * 10 + 10);
  return { title: part[0]!.title, text: part.map((s) => s.text).join('\n\n'), date: part[0]!.date };
});
const hostile: Sample[] = [
  { title: '会談', text: `${'山'.repeat(20_000)}と会談した。`, date: '2024-06-10' },
  { title: '会談', text: `${'山田外務大臣、'.repeat(3_000)}佐藤大臣と会談した。`, date: '2024-06-10' },
  { title: '出席', text: `${'山田会長、'.repeat(4_000)}佐藤会長が出席した。`, date: '2024-06-10' },
  { title: '協議', text: `日本側からは,${'山田大臣及び'.repeat(3_000)}が,それぞれ出席した。`, date: '2024-06-10' },
  { title: '予定', text: '9時から10時、'.repeat(5_000), date: '2024-06-10' },
  { title: '一致', text: `${'一致した'.repeat(5_000)}。`, date: '2024-06-10' },
];

timeEach(corpus.slice(0, 200)); // warm-up
line('bench corpus (800-2,000 chars)', corpus);
line('long reports (ten corpus reports each)', long);
line('hostile texts (15,000-40,000 chars)', hostile);

const records = corpus.map((s) => extractActivityRecord(s, { legislatorName: DEMO_SETTINGS.legislatorName }));
const share = (test: (r: (typeof records)[number]) => boolean) => `${((records.filter(test).length / records.length) * 100).toFixed(0)} %`;
console.log(
  `proposals: participants in ${share((r) => r.participants.length > 0)}, spans in ${share((r) => r.spans.length > 0)},` +
    ` outcomes in ${share((r) => r.outcomes.length > 0)}, kind other than その他 in ${share((r) => r.kind !== 'その他')}`,
);
