#!/usr/bin/env node
// The katsudo command: argv → sub-command. The composition root of the CLI and the only
// place that calls process.exit; error codes become exit codes here.
import { AppError, diskFullFrom, type ErrorCode } from '../domain/errors.js';
import { ConfigError, loadConfig } from '../config.js';
// Commands are imported when run: `serve` must not load the importers (cheerio, saxes,
// sanitize-html) or the CLI's prompts, which cost start-up time and memory.
import { parseServeArgs, serve, SERVE_USAGE } from './commands/serve.js';
import { UsageError } from './usage-error.js';

export const EXIT_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 3,
  REPORT_NOT_FOUND: 4,
  MEDIA_NOT_FOUND: 4,
  PAGE_NOT_FOUND: 4,
  SLUG_TAKEN: 5,
  FORBIDDEN: 6,
  REVISION_NOT_FOUND: 4,
  REPORT_STATE_CONFLICT: 5,
  EDIT_CONFLICT: 5,
  MEDIA_IN_USE: 5,
  USER_NOT_FOUND: 4,
  // Temporary failures (sysexits EX_TEMPFAIL): running the command again may succeed.
  SERVER_BUSY: 75,
  WORK_TIMEOUT: 75,
  // A broken installation (sysexits EX_UNAVAILABLE): reinstalling, not retrying, helps.
  NATIVE_MODULE_UNAVAILABLE: 69,
  // A damaged or foreign backup archive (sysexits EX_DATAERR).
  BACKUP_INVALID: 65,
  // restore into a directory holding data, or from a newer katsudo (EX_CANTCREAT).
  RESTORE_REFUSED: 73,
  // The disk (or the database's size limit) is full (sysexits EX_IOERR): free space, then rerun.
  DISK_FULL: 74,
};
const EXIT_USAGE = 2;
const EXIT_UNEXPECTED = 1;

async function helpText(): Promise<string> {
  const [{ IMPORT_TEXT_USAGE }, { IMPORT_HTML_USAGE }, { IMPORT_WXR_USAGE }, { LIST_USAGE }, { REINDEX_USAGE }, { RERENDER_USAGE }, { USER_USAGE }, { DEMO_USAGE }, { BACKUP_USAGE }, { RESTORE_USAGE }] = await Promise.all([
    import('./commands/import-text.js'),
    import('./commands/import-html.js'),
    import('./commands/import-wxr.js'),
    import('./commands/list.js'),
    import('./commands/reindex.js'),
    import('./commands/rerender.js'),
    import('./commands/user.js'),
    import('./commands/demo.js'),
    import('./commands/backup.js'),
    import('./commands/restore.js'),
  ]);
  const { EXPORT_USAGE } = await import('./commands/export.js');
  return `katsudo — 議員公式サイトの活動報告を公開するシステム

使い方:
  ${SERVE_USAGE}
      サイトを起動します(データが空ならデモ内容を作成します)。
  ${IMPORT_TEXT_USAGE}
      テキストファイルの活動報告を公開します(1ファイル1件)。
  ${IMPORT_HTML_USAGE}
      保存した旧サイトのページ(HTML)を活動報告として取り込み、旧URLから転送します。
  ${IMPORT_WXR_USAGE}
      WordPress のエクスポートファイル(WXR)から投稿・カテゴリー・タグ・添付ファイルを取り込み、旧URLから転送します。
  ${LIST_USAGE}
      活動報告の一覧を表示します。
  ${REINDEX_USAGE}
      検索索引を作り直します。
  ${RERENDER_USAGE}
      古い描画方式で保存された活動報告・固定ページを描画し直します(起動時にも自動で行います)。
  ${EXPORT_USAGE}
      サイトの全データ(報告・固定ページ・ファイル・設定)を開かれた形式(JSON・テキスト・WordPress WXR)でフォルダに書き出します。
  ${DEMO_USAGE}
      最初の起動で作られたデモの内容(報告・ページ・ファイル・デモのままの設定)を削除します。
  ${BACKUP_USAGE.join('\n  ')}
      サイトを動かしたまま、データベースとメディアファイルを1つのアーカイブにバックアップします(--verify で検査)。
  ${RESTORE_USAGE}
      バックアップを空のデータディレクトリに復元します(中身があれば --force が必要です)。
  ${USER_USAGE.join('\n  ')}
      管理画面にログインするユーザーを追加・変更・一覧表示します(最初のオーナーもこれで作ります)。

環境変数: PORT, HOST, KATSUDO_DATA_DIR, KATSUDO_BASE_URL, KATSUDO_TRUST_PROXY, KATSUDO_LOG_LEVEL,
  KATSUDO_SESSION_IDLE_MINUTES, KATSUDO_SESSION_MAX_HOURS, KATSUDO_AUDIT_RETENTION_DAYS,
  KATSUDO_BACKUP_DIR, KATSUDO_BACKUP_TIME, KATSUDO_BACKUP_KEEP, KATSUDO_MIN_FREE_MB`;
}

// `katsudo list | head -1`: once the reader of stdout has gone (EPIPE), every command drops
// the rest of its output and runs to its normal end, so a write command still finishes its
// transaction and cleanup, and nothing is printed on stderr.
let isStdoutGone = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  isStdoutGone = true;
});
const out = (line: string) => {
  if (!isStdoutGone) process.stdout.write(`${line}\n`);
};

async function run(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  switch (command) {
    case 'serve': {
      const parsed = parseServeArgs(args);
      const config = loadConfig({ port: parsed.port, dataDir: parsed.dataDir });
      return serve(config, parsed.isDemoWanted, out, (code) => process.exit(code));
    }
    case 'import-text': {
      const { importTextCommand, parseImportTextArgs } = await import('./commands/import-text.js');
      const parsed = parseImportTextArgs(args);
      const config = loadConfig({ dataDir: parsed.dataDir });
      return importTextCommand(parsed, config.dataDir, out);
    }
    case 'import-html': {
      const { importHtmlCommand, parseImportHtmlArgs } = await import('./commands/import-html.js');
      const parsed = parseImportHtmlArgs(args);
      const config = loadConfig({ dataDir: parsed.dataDir });
      return importHtmlCommand(parsed, config.dataDir, out);
    }
    case 'import-wxr': {
      const { importWxrCommand, parseImportWxrArgs } = await import('./commands/import-wxr.js');
      const parsed = parseImportWxrArgs(args);
      const config = loadConfig({ dataDir: parsed.dataDir });
      return importWxrCommand(parsed, config.dataDir, out);
    }
    case 'list': {
      const { listCommand, parseListArgs } = await import('./commands/list.js');
      const parsed = parseListArgs(args);
      const config = loadConfig({ dataDir: parsed.dataDir });
      return listCommand(parsed.status, config.dataDir, out);
    }
    case 'reindex': {
      const { parseReindexArgs, reindexCommand } = await import('./commands/reindex.js');
      const parsed = parseReindexArgs(args);
      const config = loadConfig({ dataDir: parsed.dataDir });
      return reindexCommand(config.dataDir, out);
    }
    case 'rerender': {
      const { parseRerenderArgs, rerenderCommand } = await import('./commands/rerender.js');
      const parsed = parseRerenderArgs(args);
      const config = loadConfig({ dataDir: parsed.dataDir });
      return rerenderCommand(config.dataDir, out);
    }
    case 'export': {
      const { exportCommand, parseExportArgs } = await import('./commands/export.js');
      const parsed = parseExportArgs(args);
      const config = loadConfig({ dataDir: parsed.dataDir });
      return exportCommand(parsed, config.dataDir, config.baseUrl, out);
    }
    case 'demo': {
      const { demoCommand, parseDemoArgs } = await import('./commands/demo.js');
      const parsed = parseDemoArgs(args);
      const config = loadConfig({ dataDir: parsed.dataDir });
      return demoCommand(parsed, config.dataDir, out);
    }
    case 'backup': {
      const { backupCommand, parseBackupArgs, verifyBackupCommand } = await import('./commands/backup.js');
      const parsed = parseBackupArgs(args);
      if (parsed.verifyFile !== undefined) return verifyBackupCommand(parsed.verifyFile, out);
      const config = loadConfig({ dataDir: parsed.dataDir });
      return backupCommand(parsed, config.dataDir, out);
    }
    case 'restore': {
      const { parseRestoreArgs, restoreCommand } = await import('./commands/restore.js');
      return restoreCommand(parseRestoreArgs(args), out);
    }
    case 'user': {
      const { parseUserArgs, userCommand } = await import('./commands/user.js');
      const parsed = parseUserArgs(args);
      const config = loadConfig({ dataDir: parsed.dataDir });
      return userCommand(parsed, config.dataDir, config.baseUrl, out);
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      out(await helpText());
      return;
    default:
      throw new UsageError(`不明なコマンドです: ${command}\n\n${await helpText()}`);
  }
}

function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError || error instanceof ConfigError) return EXIT_USAGE;
  if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) return EXIT_USAGE;
  if (diskFullFrom(error)) return EXIT_BY_CODE.DISK_FULL;
  if (error instanceof AppError) return EXIT_BY_CODE[error.code as ErrorCode] ?? EXIT_UNEXPECTED;
  return EXIT_UNEXPECTED;
}

function messageFor(error: unknown): string {
  const diskFull = diskFullFrom(error);
  if (diskFull) return `${diskFull.message}(${(diskFull.cause as Error).message})`;
  if (error instanceof AppError || error instanceof UsageError || error instanceof ConfigError) return error.message;
  if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) return `オプションが正しくありません: ${(error as Error).message}`;
  return `予期しないエラーが発生しました: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}

run(process.argv.slice(2)).catch(async (error: unknown) => {
  process.stderr.write(`katsudo: ${messageFor(error)}\n`);
  // --verbose (the import commands): the stack and every cause, for a bug report.
  if (process.argv.includes('--verbose') && error instanceof Error) {
    const { errorDetails } = await import('../importers/import-run.js');
    process.stderr.write(`${errorDetails(error).join('\n')}\n`);
  }
  process.exit(exitCodeFor(error));
});
