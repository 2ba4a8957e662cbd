// Tables render in time linear in their size (issue 11 item 3): renders a body holding a
// table of 10,000, 20,000 and 40,000 rows, several times each, and prints the median times
// and their ratios (about 2 when linear; a quadratic renderer would show about 4).
// Not part of `npm test`.
//
//   node --import tsx bench/render-table.bench.ts [--runs 5]
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { render } from '../src/domain/text-format/render.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);

function pipeTable(rows: number): string {
  const body = Array.from({ length: rows }, (_, i) => `| ${i} | 北地区${i} | [資料](https://example.jp/${i}) | 1.2km |`);
  return ['| 番号 | 地区 | 資料 | 延長 |', '|---|---|---|---|', ...body].join('\n');
}

function tabTable(rows: number): string {
  return Array.from({ length: rows }, (_, i) => `${i}\t山田${i}\t総務\t`).join('\n');
}

function medianMs(source: string): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    render(source);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

for (const [name, make] of [
  ['pipe table', pipeTable],
  ['tab table', tabTable],
] as const) {
  render(make(1_000)); // warm-up
  const small = medianMs(make(10_000));
  const large = medianMs(make(20_000));
  const larger = medianMs(make(40_000));
  console.log(
    `${name}: 10,000 rows ${small.toFixed(0)} ms, 20,000 rows ${large.toFixed(0)} ms, 40,000 rows ${larger.toFixed(0)} ms;` +
      ` ratios ${(large / small).toFixed(2)} and ${(larger / large).toFixed(2)}`,
  );
}
