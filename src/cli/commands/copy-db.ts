// katsudo copy-db --from URL --to URL: moves a whole site between SQLite and PostgreSQL (either
// way; actions/site/copy-database.ts), with progress on stderr and the check's result on stdout.
// The URLs are those of KATSUDO_DATABASE_URL (sqlite:PATH, postgres://…); the variable itself is
// not used. A SQLite source that does not exist is refused rather than created empty.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { copySite, type CopyPhase, type CopyProgress } from '../../actions/site/copy-database.js';
import { DatabaseUnavailableError } from '../../domain/errors.js';
import { parseDatabaseUrl } from '../../config.js';
import type { OpenOptions } from '../../store/database.js';
import { skipReason } from '../../store/site-copy.js';
import type { CommandHelp } from '../command-help.js';
import { openSite } from '../open-site.js';
import { progressBar, type ProgressBar } from '../progress-bar.js';
import { UsageError } from '../usage-error.js';

export const COPY_DB_USAGE = 'katsudo copy-db --from sqlite:./data/katsudo.db --to postgres://ユーザー:パスワード@ホスト/データベース';

export const COPY_DB_HELP: CommandHelp = {
  usage: [COPY_DB_USAGE],
  summary: 'サイトのデータベースを丸ごと別のデータベースにコピーし、件数とチェックサムで確かめます(SQLite と PostgreSQL のどちら向きでも)。',
  options: {
    '--from URL': 'コピー元(sqlite:ファイルのパス か postgres://…)。',
    '--to URL': 'コピー先。空のデータベースでなければコピーしません。',
    '--data DIR': '写真や PDF のあるデータディレクトリ(検索索引の作り直しに使います)。',
  },
};

export interface CopyDbArgs {
  from: OpenOptions;
  to: OpenOptions;
  dataDir: string | undefined;
}

export function parseCopyDbArgs(args: string[]): CopyDbArgs {
  const { values } = parseArgs({ args, options: { from: { type: 'string' }, to: { type: 'string' }, data: { type: 'string' } }, strict: true, allowPositionals: false });
  if (values.from === undefined || values.to === undefined) throw new UsageError(`--from と --to の両方を指定してください。\n使い方: ${COPY_DB_USAGE}`);
  if (values.from.trim() === values.to.trim()) throw new UsageError('--from と --to に同じデータベースが指定されています。');
  return { from: parseDatabaseUrl(values.from.trim(), '--from'), to: parseDatabaseUrl(values.to.trim(), '--to'), dataDir: values.data };
}

const PHASE_LABELS: Record<CopyPhase, string> = { copy: 'コピー中', reindex: '検索索引を作成中', verify: '確認中' };

export async function copyDbCommand(args: CopyDbArgs, dataDir: string, log: (line: string) => void): Promise<void> {
  if ('file' in args.from && !existsSync(args.from.file)) {
    throw new DatabaseUnavailableError(`コピー元の SQLite ファイル ${args.from.file} がありません。--from のパスを確かめてください。`, undefined);
  }
  const from = await openSite({ dataDir, database: args.from });
  try {
    const to = await openSite({ dataDir, database: args.to });
    try {
      const started = Date.now();
      const result = await copySite(from, to, { onProgress: progressOnStderr() });
      const rows = result.tables.reduce((sum, t) => sum + t.rows, 0);
      log(`${result.tables.length}個の表、${rows}行をコピーしました(${((Date.now() - started) / 1000).toFixed(1)}秒)。`);
      log(`確認: すべての表で行数とチェックサムがコピー元と一致しました。`);
      for (const t of result.tables) log(`  ${t.name}: ${t.rows}行 ${t.checksum}`);
      log(`検索索引: ${result.indexed}件の活動報告を登録しました。`);
      log(`コピーしなかった表: ${result.skipped.map((name) => `${name}(${skipReason(name)})`).join('、')}`);
      log('ログイン中の利用者は、コピー先では改めてログインが必要です。');
    } finally {
      await to.db.destroy();
    }
  } finally {
    await from.db.destroy();
  }
}

/** One bar per table and phase, on stderr. */
function progressOnStderr(): (progress: CopyProgress) => void {
  let current: { key: string; bar: ProgressBar } | undefined;
  return ({ phase, table, done, total }) => {
    const key = phase === 'verify' ? phase : `${phase}:${table}`;
    if (current?.key !== key) {
      current?.bar.finish();
      current = { key, bar: progressBar(phase === 'verify' ? PHASE_LABELS.verify : `${PHASE_LABELS[phase]} ${table}`) };
    }
    current.bar.update(done, total);
  };
}
