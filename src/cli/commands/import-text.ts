// katsudo import-text FILE_OR_DIR... [--date YYYY[-MM[-DD]]] [--title TEXT] [--split] [--explain] [--category NAME] [--dry-run] [--overwrite] [--data DIR]
// Files only: every file is read and checked before anything is written, and one bad
// file means nothing is imported. With a directory (or --dry-run): the .txt files are
// imported one transaction each through the import runner, keyed by their path in the
// directory, so a second run updates instead of duplicating and one bad file fails alone.
// --split (one report per dated entry of a list page) goes through the runner too.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { importText, textReportInputs } from '../../actions/import/import-text.js';
import { ValidationError } from '../../domain/errors.js';
import { checkDraft } from '../../domain/report-rules.js';
import { parseDateHint, parseImportedText, type DateHint } from '../../domain/text-import.js';
import { findFiles } from '../../importers/find-files.js';
import { describeReading, explainReading } from './import-text-explain.js';
import { describeError, isCleanRun, runImport, type ImportItem } from '../../importers/import-run.js';
import { DATA_OPTION, IMPORT_RUN_OPTIONS, type CommandHelp } from '../command-help.js';
import { openSite, type SiteLocation } from '../open-site.js';
import { itemsDone, NO_SUCH_PATH, printImportSummary, throwIfDiskFull } from '../print-import-summary.js';
import { progressBar } from '../progress-bar.js';
import { UsageError } from '../usage-error.js';

export const IMPORT_TEXT_USAGE =
  'katsudo import-text FILE_OR_DIR... [--date YYYY-MM-DD|YYYY-MM|YYYY] [--title タイトル] [--split] [--explain] [--category 名前] [--dry-run] [--overwrite] [--verbose] [--data ./data]';

export const IMPORT_TEXT_HELP: CommandHelp = {
  usage: [IMPORT_TEXT_USAGE],
  summary: 'テキストファイルの活動報告を公開します(1ファイル1件)。フォルダを指定すると中の .txt ファイルを1件ずつ取り込みます。',
  options: {
    '--date YYYY-MM-DD|YYYY-MM|YYYY': '本文に日付がないときの活動日、または本文の日付に足りない年・月です。',
    '--title タイトル': '1つのファイルを取り込むときのタイトルです(本文から読み取りません)。',
    '--split': '日付ごとの項目が並んだ一覧のページを、項目ごとに1件の活動報告にします。',
    '--explain': '除外した行とその理由、タイトルと活動日をどこから読んだかを表示します。',
    '--category 名前': '取り込む報告のカテゴリーです(なければ作ります)。',
    ...IMPORT_RUN_OPTIONS,
    ...DATA_OPTION,
  },
};

/** Limit for one text report; anything larger is not a report someone typed. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

export function parseImportTextArgs(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: {
      date: { type: 'string' },
      title: { type: 'string' },
      split: { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      category: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      overwrite: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      data: { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length === 0) throw new UsageError(`取り込むファイルを指定してください。\n使い方: ${IMPORT_TEXT_USAGE}`);
  let dateHint: DateHint | undefined;
  if (values.date !== undefined) {
    dateHint = parseDateHint(values.date);
    if (!dateHint) throw new UsageError(`--date の日付が正しくありません: "${values.date}"(例: --date 2024-05-01、--date 2024)`);
  }
  const title = values.title?.trim();
  if (title !== undefined && (title === '' || positionals.length > 1 || isDirectory(positionals[0]!))) {
    throw new UsageError(`--title は1つのファイルを取り込むときに、空でないタイトルを付けて使います。\n使い方: ${IMPORT_TEXT_USAGE}`);
  }
  return {
    files: positionals,
    dateHint,
    title,
    isSplit: values.split,
    isExplained: values.explain,
    category: values.category,
    isDryRun: values['dry-run'],
    isOverwriting: values.overwrite,
    isVerbose: values.verbose,
    dataDir: values.data,
  };
}

/** The file's text, or a one-line reason why it is not a text report. */
export function readTextFile(path: string): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new ValidationError(`${path}: ファイルではありません。`);
    size = stat.size;
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw new ValidationError(`${path}: ファイルが見つかりません。`);
  }
  if (size === 0) throw new ValidationError(`${path}: 空のファイルです。`);
  if (size > MAX_FILE_BYTES) throw new ValidationError(`${path}: ファイルが大きすぎます(上限2MB)。`);
  const bytes = readFileSync(path);
  if (bytes.includes(0)) throw new ValidationError(`${path}: テキストファイルではありません(バイナリファイルです)。`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ValidationError(`${path}: UTF-8 のテキストとして読めません。UTF-8 で保存し直してください。`);
  }
}

function describeProblem(path: string, error: ValidationError): string {
  const fields = Object.values(error.fields);
  return `${path}: ${fields.length > 0 ? fields.join(' ') : error.message}`;
}

export async function importTextCommand(input: ReturnType<typeof parseImportTextArgs>, site: SiteLocation, log: (line: string) => void): Promise<void> {
  if (input.isDryRun || input.isSplit || input.files.some(isDirectory)) return importTextItems(input, site, log);
  const contents: { path: string; content: string }[] = [];
  const problems: string[] = [];
  for (const path of input.files) {
    try {
      const content = readTextFile(path);
      const parsed = parseImportedText(content, input.dateHint, { title: input.title });
      checkDraft({ title: parsed.title, activityDate: parsed.activityDate, bodySource: parsed.bodySource });
      contents.push({ path, content });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      problems.push(error.message.startsWith(path) ? error.message : describeProblem(path, error));
    }
  }
  if (problems.length > 0) {
    throw new ValidationError(`取り込みを中止しました(何も書き込んでいません):\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  const ctx = await openSite(site);
  try {
    for (const { path, content } of contents) {
      const report = await importText(ctx, { content, dateHint: input.dateHint, title: input.title, category: input.category });
      log(`${basename(path)} → /activity/${report.slug}/ 「${report.title}」 ${report.activityDate}(${describeReading(report.entry)})`);
      if (input.isExplained) for (const line of explainReading(report.entry)) log(line);
      else for (const warning of report.entry.warnings) log(`  注意: ${warning}`);
    }
    log(`${contents.length}件の活動報告を公開しました。`);
  } finally {
    await ctx.db.destroy();
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Directories (and dry runs): one item per .txt file, through the import runner. */
async function importTextItems(input: ReturnType<typeof parseImportTextArgs>, site: SiteLocation, log: (line: string) => void): Promise<void> {
  const { files, missing } = findFiles(input.files, ['txt']);
  if (files.length === 0 && missing.length === 0) throw new ValidationError('指定した場所に .txt のファイルがありません。');
  const total = files.length + missing.length;
  const ctx = await openSite(site);
  try {
    function* items(): Generator<ImportItem> {
      for (const path of missing) yield { type: 'failed', label: path, reason: NO_SUCH_PATH };
      // Keys are paths within the directory given: the same path under two directories
      // given in one run would make one report of two files.
      const seen = new Map<string, string>();
      for (const file of files) {
        const label = file.relativePath;
        const first = seen.get(file.relativePath);
        if (first !== undefined) {
          yield { type: 'failed', label: file.path, reason: `フォルダの中の場所が ${first} と同じです。フォルダごとに分けて取り込んでください` };
          continue;
        }
        seen.set(file.relativePath, file.path);
        try {
          const content = readTextFile(file.path);
          const reports = textReportInputs({ content, dateHint: input.dateHint, title: input.title, category: input.category, isSplit: input.isSplit });
          for (const [n, { report, entry }] of reports.entries()) {
            // The first entry keeps the file's key, so that adding --split later updates it.
            const key = n === 0 ? file.relativePath : `${file.relativePath}#${n + 1}`;
            const itemLabel = n === 0 ? label : `${label} (${n + 1}件目)`;
            log(`${itemLabel}: 「${entry.title}」 ${entry.activityDate}(${describeReading(entry)})`);
            if (input.isExplained) for (const line of explainReading(entry)) log(line);
            yield { type: 'report', key, label: itemLabel, report, warnings: entry.warnings };
          }
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          yield { type: 'failed', label, reason: describeError(error).replace(`${file.path}: `, ''), error };
        }
      }
    }
    const bar = progressBar('テキストファイルを取り込み中');
    const summary = await runImport(ctx, items(), {
      kind: 'text',
      isDryRun: input.isDryRun,
      isOverwriting: input.isOverwriting,
      onProgress: (s) => bar.update(itemsDone(s), total),
    });
    bar.finish();
    printImportSummary(summary, log, input.isVerbose);
    throwIfDiskFull(summary);
    if (!isCleanRun(summary)) throw new ValidationError(`${total}件中${summary.failed.length}件のファイルを取り込めませんでした(上の一覧を参照)。`);
  } finally {
    await ctx.db.destroy();
  }
}
