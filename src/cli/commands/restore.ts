// katsudo restore FILE --data DIR [--force]: a backup archive into an empty data directory.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { restoreBackup } from '../../actions/site/backup/restore-backup.js';
import type { CommandHelp } from '../command-help.js';
import { UsageError } from '../usage-error.js';
import { contentsLine } from './backup.js';

export const RESTORE_USAGE = 'katsudo restore FILE --data ./data [--force]';

export const RESTORE_HELP: CommandHelp = {
  usage: [RESTORE_USAGE],
  summary: 'バックアップを空のデータフォルダに復元します(中身があれば --force が必要です)。KATSUDO_MEDIA_DIR があれば、写真や PDF はそのフォルダに復元します。',
  options: {
    '--data DIR': '復元先のデータフォルダです(必ず指定します)。',
    '--force': '復元先に中身があるとき、それを別の名前のフォルダに移してから復元します。',
  },
};

export function parseRestoreArgs(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: { data: { type: 'string' }, force: { type: 'boolean' } },
    strict: true,
    allowPositionals: true,
  });
  // The target is never taken from KATSUDO_DATA_DIR or the default: restoring is said out loud.
  if (positionals.length !== 1 || values.data === undefined) throw new UsageError(`使い方: ${RESTORE_USAGE}`);
  return { archive: positionals[0]!, dataDir: values.data, isForced: values.force ?? false };
}

/** `mediaDir`: KATSUDO_MEDIA_DIR, where the media files go instead of the data directory's media/. */
export async function restoreCommand(
  args: { archive: string; dataDir: string; isForced: boolean },
  site: { mediaDir?: string | undefined },
  log: (line: string) => void,
): Promise<void> {
  const result = await restoreBackup({
    archive: resolve(args.archive),
    dataDir: resolve(args.dataDir),
    mediaDir: site.mediaDir,
    isForced: args.isForced,
    now: () => new Date(),
  });
  if (result.movedAsideTo !== undefined) log(`元の内容は ${result.movedAsideTo} に移しました。`);
  log(`復元しました: ${resolve(args.dataDir)}(${result.manifest.createdAt} のバックアップ)`);
  if (site.mediaDir !== undefined) log(`写真や PDF などのファイルは ${site.mediaDir}(KATSUDO_MEDIA_DIR)に復元しました。`);
  log(contentsLine(result.manifest));
}
