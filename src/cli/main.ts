#!/usr/bin/env node
// The katsudo command: argv → sub-command. The composition root of the CLI and the only
// place that calls process.exit; error codes become exit codes here.
import { AppError, diskFullFrom, NotFoundError, ValidationError, type ErrorCode } from '../domain/errors.js';
import { ConfigError, databaseUrlVariable, loadConfig } from '../config.js';
// Commands are imported when run, `serve` too: `serve` must not load the importers (cheerio,
// saxes, sanitize-html) or the CLI's prompts, and `build` or `list` must not load the web
// server (Fastify, the admin, WebAuthn), which cost start-up time and memory.
import { formatCommandHelp, type CommandHelp } from './command-help.js';
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
  // The database server is unreachable or refused the login (sysexits EX_UNAVAILABLE).
  DATABASE_UNAVAILABLE: 69,
  // Another build writes into the same folder (sysexits EX_TEMPFAIL): rerun when it is done.
  BUILD_IN_PROGRESS: 75,
  // copy-db into a database holding a site (EX_CANTCREAT, as a restore into one).
  COPY_REFUSED: 73,
  // copy-db's check found the copy different from its source (EX_DATAERR).
  COPY_MISMATCH: 65,
};
/**
 * What each code means, in the words printed on the terminal: the actions' own messages are
 * English (for logs and tests), so the CLI leads with this line and keeps theirs as the detail.
 */
export const MESSAGE_BY_CODE: Record<ErrorCode, string> = {
  VALIDATION_FAILED: '入力が正しくありません',
  REPORT_NOT_FOUND: '活動報告が見つかりません',
  MEDIA_NOT_FOUND: 'ファイルが見つかりません',
  PAGE_NOT_FOUND: 'ページが見つかりません',
  SLUG_TAKEN: 'このURL(スラッグ)はほかの活動報告が使っています',
  FORBIDDEN: 'この操作は許可されていません',
  REVISION_NOT_FOUND: '版が見つかりません',
  REPORT_STATE_CONFLICT: '活動報告の状態が合わないため実行できません',
  EDIT_CONFLICT: 'ほかの保存と重なったため保存していません',
  MEDIA_IN_USE: 'このファイルは使われているため削除できません',
  USER_NOT_FOUND: 'ユーザーが見つかりません',
  SERVER_BUSY: '処理が混み合っています。しばらくしてからもう一度実行してください',
  WORK_TIMEOUT: '処理に時間がかかりすぎたため止めました。もう一度実行してください',
  NATIVE_MODULE_UNAVAILABLE: '必要なネイティブモジュールを読み込めません。katsudo をインストールし直してください',
  BACKUP_INVALID: 'バックアップが壊れているか、katsudo のバックアップではありません',
  RESTORE_REFUSED: '復元しませんでした',
  DISK_FULL: '保存先のディスクに空きがありません',
  DATABASE_UNAVAILABLE: 'データベースに接続できません',
  BUILD_IN_PROGRESS: '同じ書き出し先に別の書き出しが実行中です',
  COPY_REFUSED: 'コピーしませんでした',
  COPY_MISMATCH: 'コピー先がコピー元と一致しません',
};
const EXIT_USAGE = 2;
const EXIT_UNEXPECTED = 1;

/** Each command's help; a command's module is imported only when its help is asked for. */
const HELP_BY_COMMAND: Record<string, () => Promise<CommandHelp>> = {
  serve: async () => (await import('./commands/serve.js')).SERVE_HELP,
  'import-text': async () => (await import('./commands/import-text.js')).IMPORT_TEXT_HELP,
  'import-html': async () => (await import('./commands/import-html.js')).IMPORT_HTML_HELP,
  'import-wxr': async () => (await import('./commands/import-wxr.js')).IMPORT_WXR_HELP,
  list: async () => (await import('./commands/list.js')).LIST_HELP,
  reindex: async () => (await import('./commands/reindex.js')).REINDEX_HELP,
  rerender: async () => (await import('./commands/rerender.js')).RERENDER_HELP,
  export: async () => (await import('./commands/export.js')).EXPORT_HELP,
  build: async () => (await import('./commands/build.js')).BUILD_HELP,
  demo: async () => (await import('./commands/demo.js')).DEMO_HELP,
  backup: async () => (await import('./commands/backup.js')).BACKUP_HELP,
  restore: async () => (await import('./commands/restore.js')).RESTORE_HELP,
  user: async () => (await import('./commands/user.js')).USER_HELP,
  'copy-db': async () => (await import('./commands/copy-db.js')).COPY_DB_HELP,
};

async function helpText(): Promise<string> {
  const helps = await Promise.all(Object.values(HELP_BY_COMMAND).map((load) => load()));
  return `katsudo — 議員公式サイトの活動報告を公開するシステム

使い方:
${helps.map((help) => `  ${help.usage.join('\n  ')}\n      ${help.summary}`).join('\n')}

各コマンドのオプションの説明: katsudo <コマンド> --help

環境変数: PORT, HOST, KATSUDO_DATA_DIR, KATSUDO_BASE_URL, KATSUDO_TRUST_PROXY, KATSUDO_LOG_LEVEL,
  KATSUDO_SESSION_IDLE_MINUTES, KATSUDO_SESSION_MAX_HOURS, KATSUDO_AUDIT_RETENTION_DAYS,
  KATSUDO_BACKUP_DIR, KATSUDO_BACKUP_TIME, KATSUDO_BACKUP_KEEP, KATSUDO_MIN_FREE_MB, KATSUDO_EXPORT_DIR,
  KATSUDO_DATABASE_URL, KATSUDO_DATABASE_POOL, KATSUDO_MEDIA_DIR
(サーバーのログは運用ツール向けの英語の JSON 行です。)`;
}

/** `--help` or `-h` anywhere before a `--` (after it, every word is an argument). */
function isHelpAsked(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
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

/**
 * backup and restore copy the data directory's katsudo.db file and media/: a database named by
 * URL (PostgreSQL, or a SQLite file elsewhere) is backed up with its own tools (pg_dump) and the
 * media folder copied as files, so they refuse rather than back up the wrong database. Every
 * other command opens the configured database.
 */
const COMMANDS_WITHOUT_DATABASE_URL = new Set(['backup', 'restore']);

function refuseDatabaseUrl(command: string): void {
  const variable = databaseUrlVariable();
  if (variable === undefined || !COMMANDS_WITHOUT_DATABASE_URL.has(command)) return;
  throw new ConfigError(
    `${variable}: katsudo ${command} はデータディレクトリの katsudo.db だけを扱います。${variable} で指定したデータベースは、PostgreSQL なら pg_dump(復元は pg_restore)で、写真や PDF はメディアのフォルダをファイルとしてコピーしてバックアップしてください。katsudo の形式のバックアップが必要なときは、katsudo copy-db で SQLite のファイルにコピーしてから、${variable} を設定せずに katsudo backup を実行します(docs/postgresql.md)。`,
  );
}

async function run(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  const loadHelp = command === undefined ? undefined : HELP_BY_COMMAND[command];
  if (loadHelp !== undefined && isHelpAsked(args)) {
    out(formatCommandHelp(await loadHelp()));
    return;
  }
  if (command !== undefined) refuseDatabaseUrl(command);
  switch (command) {
    case 'serve': {
      const { parseServeArgs, serve } = await import('./commands/serve.js');
      const parsed = parseServeArgs(args);
      const config = loadConfig({ port: parsed.port, dataDir: parsed.dataDir });
      return serve(config, parsed.isDemoWanted, out, (code) => process.exit(code));
    }
    case 'import-text': {
      const { importTextCommand, parseImportTextArgs } = await import('./commands/import-text.js');
      const parsed = parseImportTextArgs(args);
      const config = loadConfig({ dataDir: parsed.dataDir });
      return importTextCommand(parsed, config, out);
    }
    case 'import-html': {
      const { importHtmlCommand, parseImportHtmlArgs } = await import('./commands/import-html.js');
      const parsed = parseImportHtmlArgs(args);
      const config = loadConfig({ dataDir: parsed.dataDir });
      return importHtmlCommand(parsed, config, out);
    }
    case 'import-wxr': {
      const { importWxrCommand, parseImportWxrArgs } = await import('./commands/import-wxr.js');
      const parsed = parseImportWxrArgs(args);
      const config = loadConfig({ dataDir: parsed.dataDir });
      return importWxrCommand(parsed, config, out);
    }
    case 'list': {
      const { listCommand, parseListArgs } = await import('./commands/list.js');
      const parsed = parseListArgs(args);
      const config = loadConfig({ dataDir: parsed.dataDir });
      return listCommand(parsed.status, config, out);
    }
    case 'reindex': {
      const { parseReindexArgs, reindexCommand } = await import('./commands/reindex.js');
      const parsed = parseReindexArgs(args);
      const config = loadConfig({ dataDir: parsed.dataDir });
      return reindexCommand(config, out);
    }
    case 'rerender': {
      const { parseRerenderArgs, rerenderCommand } = await import('./commands/rerender.js');
      const parsed = parseRerenderArgs(args);
      const config = loadConfig({ dataDir: parsed.dataDir });
      return rerenderCommand(config, out);
    }
    case 'export': {
      const { exportCommand, parseExportArgs } = await import('./commands/export.js');
      const parsed = parseExportArgs(args);
      const config = loadConfig({ dataDir: parsed.dataDir });
      return exportCommand(parsed, config, config.baseUrl, out);
    }
    case 'build': {
      const { buildCommand, checkCommand, parseBuildArgs } = await import('./commands/build.js');
      const parsed = parseBuildArgs(args);
      const config = loadConfig({ dataDir: parsed.dataDir, ...(parsed.baseUrl === undefined ? {} : { baseUrl: parsed.baseUrl }) });
      if (parsed.checkDir !== undefined) return checkCommand(parsed.checkDir, config.baseUrl, out);
      return buildCommand(parsed.outDir!, parsed.isFullWanted, config, config.baseUrl, out);
    }
    case 'demo': {
      const { demoCommand, parseDemoArgs } = await import('./commands/demo.js');
      const parsed = parseDemoArgs(args);
      const config = loadConfig({ dataDir: parsed.dataDir });
      return demoCommand(parsed, config, out);
    }
    case 'backup': {
      const { backupCommand, parseBackupArgs, verifyBackupCommand } = await import('./commands/backup.js');
      const parsed = parseBackupArgs(args);
      if (parsed.verifyFile !== undefined) return verifyBackupCommand(parsed.verifyFile, out);
      const config = loadConfig({ dataDir: parsed.dataDir });
      return backupCommand(parsed, config, out);
    }
    case 'restore': {
      const { parseRestoreArgs, restoreCommand } = await import('./commands/restore.js');
      const parsed = parseRestoreArgs(args);
      return restoreCommand(parsed, loadConfig({ dataDir: parsed.dataDir }), out);
    }
    case 'user': {
      const { parseUserArgs, userCommand } = await import('./commands/user.js');
      const parsed = parseUserArgs(args);
      const config = loadConfig({ dataDir: parsed.dataDir });
      return userCommand(parsed, config, config.baseUrl, out);
    }
    case 'copy-db': {
      const { copyDbCommand, parseCopyDbArgs } = await import('./commands/copy-db.js');
      const parsed = parseCopyDbArgs(args);
      const config = loadConfig({ dataDir: parsed.dataDir });
      return copyDbCommand(parsed, config.dataDir, out);
    }
    case 'help': {
      // `katsudo help serve` as `katsudo serve --help`.
      const loadTopic = args[0] === undefined ? undefined : HELP_BY_COMMAND[args[0]];
      out(loadTopic === undefined ? await helpText() : formatCommandHelp(await loadTopic()));
      return;
    }
    case undefined:
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
  if (isParseArgsError(error)) return EXIT_USAGE;
  if (diskFullFrom(error)) return EXIT_BY_CODE.DISK_FULL;
  if (error instanceof AppError) return EXIT_BY_CODE[error.code as ErrorCode] ?? EXIT_UNEXPECTED;
  return EXIT_UNEXPECTED;
}

function messageFor(error: unknown): string {
  const diskFull = diskFullFrom(error);
  if (diskFull) return `${diskFull.message}(${(diskFull.cause as Error).message})`;
  if (error instanceof UsageError || error instanceof ConfigError) return error.message;
  if (isParseArgsError(error)) return `${parseArgsMessage(error)}\n詳しくは katsudo ${process.argv[2]} --help をご覧ください。`;
  if (error instanceof AppError) return appErrorMessage(error);
  return `予期しないエラーが発生しました: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/** The action's own words when they are Japanese (the CLI's and the field messages), else the code's line with them as detail. */
function appErrorMessage(error: AppError): string {
  if (JAPANESE.test(error.message)) return error.message;
  if (error instanceof ValidationError && Object.keys(error.fields).length > 0) return Object.values(error.fields).join(' ');
  const lead = MESSAGE_BY_CODE[error.code as ErrorCode] ?? 'エラーが発生しました';
  if (error instanceof NotFoundError) return `${lead}: ${error.what}`;
  return `${lead}(${error.message})`;
}

type ParseArgsError = Error & { code: string };

function isParseArgsError(error: unknown): error is ParseArgsError {
  return error instanceof Error && (error as { code?: unknown }).code?.toString().startsWith('ERR_PARSE_ARGS') === true;
}

/** node:util parseArgs explains in English; its messages quote the option or argument. */
function parseArgsMessage(error: ParseArgsError): string {
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  const option = /--?[^\s,<]+(?=[^,]*$)/.exec(quoted)?.[0] ?? quoted;
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `不明なオプションです: ${option}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `余分な引数があります: ${quoted}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/does not take an argument/.test(error.message)) return `${option} には値を付けません。`;
      return `${option} の値を指定してください(- で始まる値は ${option}=値 の形で書きます)。`;
    default:
      return `オプションが正しくありません: ${quoted}`;
  }
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
