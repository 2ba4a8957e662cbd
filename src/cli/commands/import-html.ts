// katsudo import-html FILE_OR_DIR... [--base-url URL] [--root DIR] [--category NAME] [--dry-run] [--overwrite] [--data DIR]
// Saved pages of an old site become reports, one transaction each; the summary accounts
// for every file and the exit code is not 0 when any failed.
import { parseArgs } from 'node:util';
import { ValidationError } from '../../domain/errors.js';
import { findFiles } from '../../importers/find-files.js';
import { htmlPageItems } from '../../importers/html/html-page-items.js';
import { isCleanRun, runImport, type ImportItem } from '../../importers/import-run.js';
import { DATA_OPTION, IMPORT_RUN_OPTIONS, type CommandHelp } from '../command-help.js';
import { openSite, type SiteLocation } from '../open-site.js';
import { itemsDone, NO_SUCH_PATH, printImportSummary, throwIfDiskFull } from '../print-import-summary.js';
import { progressBar } from '../progress-bar.js';
import { UsageError } from '../usage-error.js';

export const IMPORT_HTML_USAGE =
  'katsudo import-html FILE_OR_DIR... [--base-url https://旧サイト/] [--root DIR] [--category 名前] [--dry-run] [--overwrite] [--verbose] [--data ./data]';

export const IMPORT_HTML_HELP: CommandHelp = {
  usage: [IMPORT_HTML_USAGE],
  summary: '保存した旧サイトのページ(HTML)を活動報告として取り込み、旧URLから転送します。',
  options: {
    '--base-url URL': '旧サイトのアドレスです。旧URLからの転送とリンクの書き換えに使います。',
    '--root DIR': 'サイトを保存したフォルダの最上位です。/files/a.pdf のようなリンク先のファイルをここから探します。',
    '--category 名前': '取り込む報告のカテゴリーです(なければ作ります)。',
    ...IMPORT_RUN_OPTIONS,
    ...DATA_OPTION,
  },
};

export function parseImportHtmlArgs(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: {
      'base-url': { type: 'string' },
      root: { type: 'string' },
      category: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      overwrite: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      data: { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length === 0) throw new UsageError(`保存したページのファイルかフォルダを指定してください。\n使い方: ${IMPORT_HTML_USAGE}`);
  const baseUrl = values['base-url'];
  if (baseUrl !== undefined && !isWebUrl(baseUrl)) {
    throw new UsageError(`--base-url には旧サイトのアドレスを指定してください(例: --base-url https://example.jp/): "${baseUrl}"`);
  }
  if (values.category !== undefined && values.category.trim() === '') throw new UsageError('--category にカテゴリー名を指定してください。');
  return {
    inputs: positionals,
    baseUrl,
    root: values.root,
    category: values.category,
    isDryRun: values['dry-run'],
    isOverwriting: values.overwrite,
    isVerbose: values.verbose,
    dataDir: values.data,
  };
}

function isWebUrl(text: string): boolean {
  try {
    return /^https?:$/.test(new URL(text).protocol);
  } catch {
    return false;
  }
}

export async function importHtmlCommand(input: ReturnType<typeof parseImportHtmlArgs>, site: SiteLocation, log: (line: string) => void): Promise<void> {
  const { files, missing } = findFiles(input.inputs, ['html', 'htm']);
  if (files.length === 0 && missing.length === 0) throw new ValidationError('指定した場所に .html・.htm のファイルがありません。');
  const ctx = await openSite(site);
  try {
    const total = files.length + missing.length;
    const bar = progressBar('ページを取り込み中');
    async function* items(): AsyncGenerator<ImportItem> {
      for (const path of missing) yield { type: 'failed', label: path, reason: NO_SUCH_PATH };
      yield* htmlPageItems(ctx, files, input);
    }
    const summary = await runImport(ctx, items(), {
      kind: 'html',
      isDryRun: input.isDryRun,
      isOverwriting: input.isOverwriting,
      onProgress: (s) => bar.update(itemsDone(s), total),
    });
    bar.finish();
    printImportSummary(summary, log, input.isVerbose);
    throwIfDiskFull(summary);
    if (!isCleanRun(summary)) throw new ValidationError(`${total}件中${summary.failed.length}件のページを取り込めませんでした(上の一覧を参照)。`);
  } finally {
    await ctx.db.destroy();
  }
}
