// Tables: consecutive lines of cells separated by `|` (as typed, leading and trailing `|`
// optional) or by tabs (as pasted from Excel or Word). The rules, in docs/text-format.md:
// - at least two lines; a pipe table's lines each hold a `|`; a tab table starts at a line
//   with a tab between its words (not just a tab after an outline marker, 「1<Tab>概要」, nor
//   Word's indent or a stray tab at the end) and goes on while lines hold a tab;
// - a delimiter row (cells of `-`, optionally `:`) as the second line makes the first the
//   header; without one every row is a data row; a delimiter row elsewhere is dropped;
// - rows with fewer cells than the widest row are padded with empty cells at the end.
// Each line is looked at a constant number of times, so a table renders in linear time.
import { parseMarker } from './marker.js';
import type { Table } from './tree.js';

const DELIMITER_CELL = /^:?-+:?$/;

/** The table starting at `lines[index]` and the index after its last line, if one starts there. */
export function tableAt(lines: readonly string[], index: number): { table: Table; end: number } | undefined {
  const first = lines[index]!;
  const separator = first.includes('|') ? '|' : startsTabTable(first) ? '\t' : undefined;
  if (separator === undefined) return undefined;
  let end = index;
  while (end < lines.length && lines[end]!.includes(separator)) end++;
  if (end - index < 2) return undefined;
  const cells = lines.slice(index, end).map((line) => splitRow(line, separator));
  const hasHeader = isDelimiterRow(cells[1]!);
  // Without a header the second row is data, so a table always has a header or a data row.
  const rows = cells.slice(hasHeader ? 2 : 0).filter((row) => !isDelimiterRow(row));
  const width = cells.reduce((widest, row) => Math.max(widest, row.length), 0);
  const pad = (row: string[]) => [...row, ...Array<string>(width - row.length).fill('')];
  const table: Table = { kind: 'table', rows: rows.map(pad), separator };
  return { table: hasHeader ? { ...table, header: pad(cells[0]!) } : table, end };
}

function startsTabTable(line: string): boolean {
  if (!line.includes('\t')) return false;
  return (parseMarker(line)?.rest ?? line).trim().includes('\t');
}

function splitRow(line: string, separator: '|' | '\t'): string[] {
  // Tabs at either end are empty cells of a pasted table, so only a pipe row is trimmed whole.
  let row = line;
  if (separator === '|') {
    row = row.trim();
    if (row.startsWith('|')) row = row.slice(1);
    if (row.endsWith('|')) row = row.slice(0, -1);
  }
  return row.split(separator).map((cell) => cell.trim());
}

function isDelimiterRow(row: readonly string[]): boolean {
  return row.every((cell) => DELIMITER_CELL.test(cell));
}
