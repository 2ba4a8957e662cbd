// katsudo export --out DIR [--data DIR]: the site in open formats (docs/export.md), written
// into a new or empty folder; says where it wrote and how much.

import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportSite } from '../../actions/site/export-site.js';
import { ValidationError } from '../../domain/errors.js';
import { DATA_OPTION, type CommandHelp } from '../command-help.js';
import { DB_FILE, isSiteMissing, openSite, type SiteLocation } from '../open-site.js';
import { UsageError } from '../usage-error.js';

export const EXPORT_USAGE = 'katsudo export --out FOLDER [--data ./data]';

export const EXPORT_HELP: CommandHelp = {
  usage: [EXPORT_USAGE],
  summary: 'サイトの全データ(報告・固定ページ・ファイル・設定)を開かれた形式(JSON・テキスト・WordPress WXR)でフォルダに書き出します。',
  options: { '--out FOLDER': '書き出し先のフォルダです(新しいフォルダか空のフォルダ)。', ...DATA_OPTION },
};

export function parseExportArgs(args: string[]) {
  const { values } = parseArgs({ args, options: { out: { type: 'string' }, data: { type: 'string' } }, strict: true, allowPositionals: false });
  if (values.out === undefined || values.out === '') throw new UsageError(`書き出し先のフォルダを --out で指定してください。\n使い方: ${EXPORT_USAGE}`);
  return { outDir: resolve(values.out), dataDir: values.data };
}

export async function exportCommand(input: ReturnType<typeof parseExportArgs>, site: SiteLocation, siteUrl: string, log: (line: string) => void): Promise<void> {
  // Opening would create an empty site: exporting nothing from a mistyped --data helps no one.
  if (isSiteMissing(site))
    throw new ValidationError(`${site.dataDir} に katsudo のサイトがありません(${DB_FILE} が見つかりません)。データのフォルダを --data で指定してください。`);
  const ctx = await openSite(site);
  try {
    const counts = await exportSite(ctx, { outDir: input.outDir, siteUrl });
    log(`書き出しました: ${input.outDir}`);
    log(
      `  活動報告${counts.reports}件、固定ページ${counts.pages}件、ファイル${counts.media}件、カテゴリー${counts.categories}件、タグ${counts.tags}件、ユーザー${counts.users}人、転送${counts.redirects}件`,
    );
    log('  site.json, wordpress.xml, reports/, pages/, media/');
    if (counts.missingFiles.length > 0) {
      log(`注意: ファイル${counts.missingFiles.length}件がデータのフォルダになく、コピーしていません(site.json では "file": null です):`);
      for (const name of counts.missingFiles) log(`  ${name}`);
    }
  } finally {
    await ctx.db.destroy();
  }
}
