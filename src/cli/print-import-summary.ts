// How the import commands (import-html, import-text with a directory) show a run: the
// address of each report written, then the runner's summary lines.
import { diskFullFrom } from '../domain/errors.js';
import { formatSummary, type ImportSummary } from '../importers/import-run.js';

/** The reason shown for a path given on the command line that does not exist. */
export const NO_SUCH_PATH = 'ファイルもフォルダも見つかりません';

/** Items finished so far, for the progress bar: every item is one of these. */
export function itemsDone(s: Readonly<ImportSummary>): number {
  return s.created + s.updated + s.unchanged + s.skipped.length + s.kept.length + s.failed.length;
}

/** `isVerbose` (--verbose): each failure's stack and causes under its line. */
export function printImportSummary(summary: ImportSummary, log: (line: string) => void, isVerbose = false): void {
  for (const w of summary.written) log(`${OUTCOME_LABELS[w.outcome]}${w.label} → ${w.path}`);
  for (const line of formatSummary(summary, { isVerbose })) log(line);
}

/** Ten columns wide, as formatSummary's labels, so that the labels of every line align. */
const OUTCOME_LABELS: Record<ImportSummary['written'][number]['outcome'], string> = {
  created: '作成      ',
  updated: '更新      ',
  unchanged: '変更なし  ',
};

/** A run stopped by a full disk ends the command with that error (its own exit code), after the summary. */
export function throwIfDiskFull(summary: ImportSummary): void {
  const diskFull = diskFullFrom(summary.stoppedError);
  if (diskFull) throw diskFull;
}
