// How the import commands (import-html, import-text with a directory) show a run: the
// address of each report written, then the runner's summary lines.
import { diskFullFrom } from '../domain/errors.js';
import { formatSummary, type ImportSummary } from '../importers/import-run.js';

/** Items finished so far, for the progress bar: every item is one of these. */
export function itemsDone(s: Readonly<ImportSummary>): number {
  return s.created + s.updated + s.unchanged + s.skipped.length + s.kept.length + s.failed.length;
}

/** `isVerbose` (--verbose): each failure's stack and causes under its line. */
export function printImportSummary(summary: ImportSummary, log: (line: string) => void, isVerbose = false): void {
  for (const w of summary.written) log(`${w.outcome.padEnd(9)}${w.label} → ${w.path}`);
  for (const line of formatSummary(summary, { isVerbose })) log(line);
}

/** A run stopped by a full disk ends the command with that error (its own exit code), after the summary. */
export function throwIfDiskFull(summary: ImportSummary): void {
  const diskFull = diskFullFrom(summary.stoppedError);
  if (diskFull) throw diskFull;
}
