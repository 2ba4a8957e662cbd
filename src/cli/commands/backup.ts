// katsudo backup [--out FILE] [--data DIR] | katsudo backup --verify FILE
// A consistent archive of a site, also while `katsudo serve` runs on it (actions/site/backup/).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BackupManifest } from '../../actions/site/backup/backup-manifest.js';
import { backupFileName } from '../../actions/site/backup/backup-manifest.js';
import { createBackup } from '../../actions/site/backup/create-backup.js';
import { verifyBackup } from '../../actions/site/backup/verify-backup.js';
import { DATA_OPTION, type CommandHelp } from '../command-help.js';
import { UsageError } from '../usage-error.js';

export const BACKUP_USAGE = ['katsudo backup [--out ./katsudo-backup-….tar] [--data ./data]', 'katsudo backup --verify FILE'];

export const BACKUP_HELP: CommandHelp = {
  usage: BACKUP_USAGE,
  summary: 'サイトを動かしたまま、データベースとメディアファイルを1つのアーカイブにバックアップします(--verify で検査)。',
  options: {
    '--out FILE': 'アーカイブの保存先です。省略すると今いるフォルダに katsudo-backup-日時.tar を作ります。',
    ...DATA_OPTION,
    '--verify FILE': 'アーカイブが壊れていないか検査します(何も変更しません)。',
  },
};

export function parseBackupArgs(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: { out: { type: 'string' }, data: { type: 'string' }, verify: { type: 'string' } },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new UsageError(`使い方: ${BACKUP_USAGE.join('\n  ')}`);
  if (values.verify !== undefined && (values.out !== undefined || values.data !== undefined)) {
    throw new UsageError(`--verify は --out や --data と一緒には使えません。\n使い方: ${BACKUP_USAGE.join('\n  ')}`);
  }
  return { outFile: values.out, dataDir: values.data, verifyFile: values.verify };
}

export async function backupCommand(args: { outFile?: string }, site: { dataDir: string; mediaDir?: string | undefined }, log: (line: string) => void): Promise<void> {
  const outFile = resolve(args.outFile ?? backupFileName(new Date()));
  const manifest = await createBackup({ dataDir: site.dataDir, mediaDir: site.mediaDir, outFile, now: () => new Date() });
  log(`バックアップを作成しました: ${outFile}`);
  log(contentsLine(manifest));
}

export async function verifyBackupCommand(file: string, log: (line: string) => void): Promise<void> {
  const manifest = await verifyBackup(resolve(file));
  log(`バックアップは正常です: ${file}(${manifest.createdAt} 作成、katsudo ${manifest.katsudoVersion}、スキーマ ${manifest.schemaVersion})`);
  log(contentsLine(manifest));
}

export function contentsLine(manifest: BackupManifest): string {
  const { counts } = manifest;
  const bytes = manifest.files.reduce((sum, file) => sum + file.bytes, 0);
  const missing = manifest.missingMedia.length > 0 ? `。作成時に見つからなかったファイル: ${manifest.missingMedia.length}件` : '';
  return `活動報告${counts.reports}件、固定ページ${counts.pages}件、版${counts.revisions}件、ユーザー${counts.users}人、メディア${counts.media}件、ファイル${manifest.files.length}個(${(bytes / 1024 / 1024).toFixed(1)} MB)${missing}`;
}
