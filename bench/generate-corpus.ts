// Writes a corpus of generated reports as plain-text files, one per report, in the input
// format of `katsudo import-text`: title, date line (2024年5月1日), blank line, body.
//
//   node --import tsx bench/generate-corpus.ts --count 100 --out DIR [--seed 1] [--min 800] [--max 2000]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { DemoReport } from '../src/demo/demo-content.js';
import { generateReports } from './corpus.js';

/** One report as an import-text file. */
export function toImportText(report: DemoReport): string {
  const [year, month, day] = report.activityDate.split('-').map(Number);
  return `${report.title}\n${year}年${month}月${day}日\n\n${report.bodySource}\n`;
}

/** 1 → 000001.txt */
export function corpusFileName(index: number): string {
  return `${String(index).padStart(6, '0')}.txt`;
}

function integerOption(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer (example: --${name} 100), got "${value}"`);
  return n;
}

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      count: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      min: { type: 'string' },
      max: { type: 'string' },
    },
  });
  if (values.out === undefined || values.count === undefined) {
    throw new Error('usage: node --import tsx bench/generate-corpus.ts --count 100 --out DIR [--seed 1] [--min 800] [--max 2000]');
  }
  const count = integerOption('count', values.count, 0);
  const options = {
    seed: integerOption('seed', values.seed, 1),
    minChars: integerOption('min', values.min, 800),
    maxChars: integerOption('max', values.max, 2000),
  };
  mkdirSync(values.out, { recursive: true });
  let index = 0;
  for (const report of generateReports(count, options)) {
    index++;
    writeFileSync(join(values.out, corpusFileName(index)), toImportText(report));
  }
  console.log(`wrote ${index} reports to ${values.out}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
