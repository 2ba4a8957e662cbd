// How katsudo import-text tells what it read in a text: one summary line per report
// (lines left out, the title's line, the date's source) and, with --explain, every line
// left out with its reason.
import type { ImportedText } from '../../domain/text-import.js';

/** 「除外 4行: 1〜3, 9行目・タイトル 5行目・活動日 3行目(タイトルの前の日付行)」 */
export function describeReading(entry: ImportedText): string {
  const parts: string[] = [];
  if (entry.dropped.length > 0) parts.push(`除外 ${entry.dropped.length}行: ${lineRanges(entry.dropped.map((d) => d.line))}行目`);
  parts.push(entry.titleLine === undefined ? 'タイトル --title' : `タイトル ${entry.titleLine}行目`);
  const source = entry.dateSource;
  parts.push(`活動日 ${source.line === undefined ? '' : `${source.line}行目`}(${source.how})`);
  return parts.join('・');
}

/** --explain: each line left out with its reason, the title, the date's source and the warnings. */
export function explainReading(entry: ImportedText): string[] {
  const lines = entry.dropped.map((d) => `  除外     ${d.line}行目「${shorten(d.text)}」: ${d.reason}`);
  lines.push(entry.titleLine === undefined ? `  タイトル 「${entry.title}」(--title)` : `  タイトル ${entry.titleLine}行目「${entry.title}」`);
  const where = entry.dateSource.line === undefined ? '' : `${entry.dateSource.line}行目「${shorten(entry.dateSource.text)}」`;
  lines.push(`  活動日   ${entry.activityDate}: ${entry.dateSource.how}${where === '' ? '' : ` ${where}`}`);
  for (const warning of entry.warnings) lines.push(`  注意     ${warning}`);
  return lines;
}

/** [1, 2, 3, 5, 9, 10] → 「1〜3, 5, 9〜10」 */
export function lineRanges(numbers: number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const from = sorted[i]!;
    while (i + 1 < sorted.length && sorted[i + 1] === sorted[i]! + 1) i++;
    ranges.push(from === sorted[i] ? String(from) : `${from}〜${sorted[i]}`);
  }
  return ranges.join(', ');
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
