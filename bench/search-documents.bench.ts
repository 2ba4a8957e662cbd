// Building search documents on one thread (issue 14 item 8, target ≥ 2,000 reports/s): the
// bench/corpus.ts reports (10,000 by default, 1,500–3,000 characters as in
// bench/search.bench.ts) are rendered once, then `searchDocument(title, text)` — what
// `katsudo reindex`, imports and every save run per report — is timed over all of them,
// run after run. Prints each run's rate by wall time and by this thread's CPU time (which
// says more on a shared machine), their medians, the share of the words, and the load.
//
//   node --import tsx bench/search-documents.bench.ts
//   node --import tsx bench/search-documents.bench.ts --count 2000 --runs 3
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { searchDocument } from '../src/domain/search/document.js';
import { normalizeForSearch } from '../src/domain/search/normalize.js';
import { wordTokens } from '../src/domain/search/words.js';
import { render } from '../src/domain/text-format/render.js';
import { generateReports } from './corpus.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
    'min-chars': { type: 'string', default: '1500' },
    'max-chars': { type: 'string', default: '3000' },
  },
  strict: true,
});
const count = Number(values.count);
const runs = Number(values.runs);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Wall and CPU milliseconds of `work`. */
function timed(work: () => void): { wallMs: number; cpuMs: number } {
  const wall = performance.now();
  const cpu = cpuMs();
  work();
  return { wallMs: performance.now() - wall, cpuMs: cpuMs() - cpu };
}

const reports = [...generateReports(count, { seed: Number(values.seed), minChars: Number(values['min-chars']), maxChars: Number(values['max-chars']) })].map((r) => ({
  title: r.title,
  text: render(r.bodySource).text,
}));
const chars = reports.reduce((sum, r) => sum + r.title.length + r.text.length, 0);
console.log(
  `${count} reports, ${(chars / count).toFixed(0)} characters each on average; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);

const rates: { wall: number; cpu: number }[] = [];
for (let run = 1; run <= runs; run++) {
  const t = timed(() => {
    for (const r of reports) searchDocument(r.title, r.text);
  });
  const rate = { wall: count / (t.wallMs / 1000), cpu: count / (t.cpuMs / 1000) };
  rates.push(rate);
  console.log(
    `run ${run}: ${t.wallMs.toFixed(0)} ms, ${rate.wall.toFixed(0)} reports/s (${rate.cpu.toFixed(0)} per CPU-second), ${(t.wallMs / count).toFixed(3)} ms a report`,
  );
}

const normalized = reports.map((r) => [normalizeForSearch(r.title), normalizeForSearch(r.text)] as const);
const words = timed(() => {
  for (const [title, text] of normalized) {
    wordTokens(title);
    wordTokens(text);
  }
});
const wallMedian = median(rates.map((r) => r.wall));
console.log(
  `median of ${runs}: ${wallMedian.toFixed(0)} reports/s (${median(rates.map((r) => r.cpu)).toFixed(0)} per CPU-second), ${(1000 / wallMedian).toFixed(3)} ms a report; of which the words ${(words.wallMs / count).toFixed(3)} ms`,
);
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
