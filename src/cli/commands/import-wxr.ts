// katsudo import-wxr FILE.xml [--uploads DIR] [--dry-run] [--overwrite] [--data DIR]
// A WordPress export → reports, through the shared import runner: a progress bar on
// stderr, the summary on stdout, exit code ≠ 0 when an item failed or the file broke off.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { workerBuilder } from '../../actions/search/build-search-documents.js';
import { ValidationError } from '../../domain/errors.js';
import { formatSummary, isCleanRun, runImport } from '../../importers/import-run.js';
import { wxrImportItems, wxrItemsPerTransaction } from '../../importers/wxr/import-wxr.js';
import { DATA_OPTION, IMPORT_RUN_OPTIONS, type CommandHelp } from '../command-help.js';
import { isSiteMissing, openSite, type SiteLocation } from '../open-site.js';
import { throwIfDiskFull } from '../print-import-summary.js';
import { progressBar } from '../progress-bar.js';
import { UsageError } from '../usage-error.js';

/** About 400 posts: below this, starting the worker threads costs more than they save. */
const WORKERS_FROM_BYTES = 2 * 1024 * 1024;

export const IMPORT_WXR_USAGE = 'katsudo import-wxr FILE.xml [--uploads wp-content/uploads] [--dry-run] [--overwrite] [--verbose] [--data ./data]';

export const IMPORT_WXR_HELP: CommandHelp = {
  usage: [IMPORT_WXR_USAGE],
  summary: 'WordPress のエクスポートファイル(WXR)から投稿・固定ページ・カテゴリー・タグ・添付ファイルを取り込み、旧URLから転送します。',
  options: {
    '--uploads DIR': 'WordPress の wp-content/uploads フォルダです。添付ファイルをここから取り込みます。',
    ...IMPORT_RUN_OPTIONS,
    ...DATA_OPTION,
  },
};

export function parseImportWxrArgs(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: {
      uploads: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      overwrite: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      data: { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UsageError(`WordPress のエクスポートファイル(WXR)を1つ指定してください。\n使い方: ${IMPORT_WXR_USAGE}`);
  return {
    file: positionals[0]!,
    uploadsDir: values.uploads,
    isDryRun: values['dry-run'],
    isOverwriting: values.overwrite,
    isVerbose: values.verbose,
    dataDir: values.data,
  };
}

export async function importWxrCommand(input: ReturnType<typeof parseImportWxrArgs>, site: SiteLocation, log: (line: string) => void): Promise<void> {
  const fileBytes = sizeOf(input.file, 'file', `${input.file}: ファイルが見つかりません。`);
  if (input.uploadsDir !== undefined) sizeOf(input.uploadsDir, 'directory', `--uploads ${input.uploadsDir}: フォルダが見つかりません。`);
  // A dry run on a site that has no database yet checks against an empty one in a
  // temporary folder, removed afterwards: it creates nothing in the data directory.
  const isScratch = input.isDryRun && isSiteMissing(site);
  const scratchDir = isScratch ? mkdtempSync(join(tmpdir(), 'katsudo-dry-run-')) : undefined;
  let ctx: Awaited<ReturnType<typeof openSite>>;
  try {
    ctx = await openSite(scratchDir ?? site);
  } catch (error) {
    if (scratchDir !== undefined) rmSync(scratchDir, { recursive: true, force: true });
    throw error;
  }
  // Search documents are built ahead on other threads for exports of more than a few
  // hundred posts — not with --uploads, where reading ahead would store the files of later
  // posts before an earlier one that shares them could fail and take them back.
  const searchDocuments = fileBytes > WORKERS_FROM_BYTES && input.uploadsDir === undefined ? workerBuilder() : undefined;
  try {
    const bar = progressBar(input.isDryRun ? 'エクスポートファイルを確認中' : 'エクスポートファイルを取り込み中');
    let done = 0;
    let total = fileBytes * 2;
    const items = wxrImportItems(ctx, input.file, {
      ...(input.uploadsDir === undefined ? {} : { uploadsDir: input.uploadsDir }),
      isDryRun: input.isDryRun,
      fileBytes,
      onBytes: (d, t) => {
        done = d;
        total = t;
      },
    });
    const summary = await runImport(ctx, items, {
      kind: 'wxr',
      isDryRun: input.isDryRun,
      isOverwriting: input.isOverwriting,
      isListingWritten: false,
      itemsPerTransaction: wxrItemsPerTransaction(input),
      onProgress: () => bar.update(done, total),
      searchDocuments,
    });
    bar.finish();
    for (const line of formatSummary(summary, { isVerbose: input.isVerbose })) log(line);
    throwIfDiskFull(summary);
    if (summary.stoppedAt !== undefined) {
      throw new ValidationError(`エクスポートファイルを最後まで読めませんでした: ${summary.stoppedAt}`);
    }
    if (!isCleanRun(summary)) throw new ValidationError(`${summary.failed.length}件を取り込めませんでした(上の一覧を参照)。`);
  } finally {
    await searchDocuments?.close();
    await ctx.db.destroy();
    if (scratchDir !== undefined) rmSync(scratchDir, { recursive: true, force: true });
  }
}

function sizeOf(path: string, kind: 'file' | 'directory', message: string): number {
  try {
    const stat = statSync(path);
    if (kind === 'file' ? stat.isFile() : stat.isDirectory()) return stat.size;
  } catch {
    // reported below
  }
  throw new ValidationError(message);
}
