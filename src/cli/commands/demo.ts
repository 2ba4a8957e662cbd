// katsudo demo remove [--yes] [--data DIR]: remove the first-start demo (actions/site/remove-demo.ts),
// as the owner can in the admin. Without --yes it only says what would go.
import { parseArgs } from 'node:util';
import { findDemoContent, isDemoContentFound, removeDemoContent } from '../../actions/site/remove-demo.js';
import { DATA_OPTION, type CommandHelp } from '../command-help.js';
import { openSite, type SiteLocation } from '../open-site.js';
import { UsageError } from '../usage-error.js';

export const DEMO_USAGE = 'katsudo demo remove [--yes] [--data ./data]';

export const DEMO_HELP: CommandHelp = {
  usage: [DEMO_USAGE],
  summary: '最初の起動で作られたデモの内容(報告・ページ・ファイル・デモのままの設定)を削除します。',
  options: { '--yes': '削除します。付けないときは、削除されるものを表示するだけです。', ...DATA_OPTION },
};

export function parseDemoArgs(args: string[]) {
  const { values, positionals } = parseArgs({ args, options: { yes: { type: 'boolean' }, data: { type: 'string' } }, strict: true, allowPositionals: true });
  if (positionals.length !== 1 || positionals[0] !== 'remove') throw new UsageError(`使い方: ${DEMO_USAGE}`);
  return { isConfirmed: values.yes ?? false, dataDir: values.data };
}

export async function demoCommand(args: { isConfirmed: boolean }, site: SiteLocation, log: (line: string) => void): Promise<void> {
  const ctx = await openSite(site);
  try {
    const content = await findDemoContent(ctx);
    if (!isDemoContentFound(content)) {
      log('デモの内容は残っていません。');
      return;
    }
    if (!args.isConfirmed) {
      log(
        `削除されるもの: 活動報告${content.reports.length}件、固定ページ${content.pages.length}件、ファイル${content.mediaIds.length}件${content.hasDemoSettings ? '、デモのままのサイト設定' : ''}`,
      );
      log('事務所で書いた報告・ページや、書き直したデモの報告は残ります。削除するには --yes を付けてもう一度実行してください。');
      return;
    }
    const removed = await removeDemoContent(ctx, { login: 'cli' });
    const settings = removed.settingsFields.length > 0 ? '、デモのままだったサイト設定を空に戻しました' : '';
    log(
      `デモの内容を削除しました: 活動報告${removed.reports}件、固定ページ${removed.pages}件、ファイル${removed.files}件、カテゴリー${removed.categories}件${settings}。`,
    );
  } finally {
    await ctx.db.destroy();
  }
}
