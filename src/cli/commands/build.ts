// katsudo build --out DIR [--base-url URL] [--data ./data] [--full] and katsudo build --check DIR:
// the public site as static files (docs/static-export.md), rebuilt incrementally on a folder
// built before; --check lists every internal link or asset that no file answers.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { widenYoungGenerationOfNewThreads } from '../../actions/runtime/widen-young-generation.js';
import { diskFullFrom, ValidationError } from '../../domain/errors.js';
import { buildSite, type BuildResult } from '../../exporter/build-site.js';
import { checkSite } from '../../exporter/check-site.js';
import { loadAssets } from '../../web/assets.js';
import { DATA_OPTION, type CommandHelp } from '../command-help.js';
import { DB_FILE, isSiteMissing, openSite, type SiteLocation } from '../open-site.js';
import { UsageError } from '../usage-error.js';

export const BUILD_USAGE = ['katsudo build --out FOLDER [--base-url URL] [--data ./data] [--full]', 'katsudo build --check FOLDER [--base-url URL]'];

export const BUILD_HELP: CommandHelp = {
  usage: BUILD_USAGE,
  summary: '公開サイトを静的ファイル(HTML・フィード・検索索引・メディア)としてフォルダに書き出します。2回目からは変わったファイルだけを書き換えます。',
  options: {
    '--out FOLDER': '書き出し先のフォルダです(新しいフォルダ、空のフォルダ、または前回の書き出し先)。',
    '--base-url URL': 'サイトの公開アドレスです(既定は KATSUDO_BASE_URL)。',
    '--full': '前回からの変更にかかわらず、すべてのページを描画し直します。',
    '--check FOLDER': '書き出したフォルダの内部リンクと画像などがすべてファイルに行き着くか確かめます。',
    ...DATA_OPTION,
  },
};

export function parseBuildArgs(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { out: { type: 'string' }, check: { type: 'string' }, 'base-url': { type: 'string' }, data: { type: 'string' }, full: { type: 'boolean' } },
    strict: true,
    allowPositionals: false,
  });
  const usage = `使い方:\n  ${BUILD_USAGE.join('\n  ')}`;
  if (values.out !== undefined && values.check !== undefined) throw new UsageError(`--out と --check は一緒に使えません。\n${usage}`);
  if ((values.out ?? values.check ?? '') === '') throw new UsageError(`書き出し先のフォルダを --out で指定してください(確かめるだけなら --check)。\n${usage}`);
  return {
    outDir: values.out === undefined ? undefined : resolve(values.out),
    checkDir: values.check === undefined ? undefined : resolve(values.check),
    baseUrl: values['base-url'],
    dataDir: values.data,
    isFullWanted: values.full === true,
  };
}

export async function buildCommand(outDir: string, isFullWanted: boolean, site: SiteLocation, baseUrl: string, log: (line: string) => void): Promise<void> {
  // Opening would create an empty site: building nothing from a mistyped --data helps no one.
  if (isSiteMissing(site))
    throw new ValidationError(`${site.dataDir} に katsudo のサイトがありません(${DB_FILE} が見つかりません)。--data でデータディレクトリを指定してください。`);
  // The page and index threads: not the server's small young generation.
  widenYoungGenerationOfNewThreads();
  const ctx = await openSite(site);
  const assets = loadAssets();
  const started = performance.now();
  let result: BuildResult;
  try {
    // Many pages render on worker threads, each reading the same file (exporter/page-threads.ts).
    const threads = { database: site.database };
    result = await buildSite({ ctx, baseUrl, assets: { css: assets.css, icon: assets.icon } }, { outDir, isFullWanted, threads });
  } catch (error) {
    if (diskFullFrom(error)) log(`書き出し先 ${outDir} は前回の内容のまま残っています。`);
    throw error;
  } finally {
    await ctx.db.destroy();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.mode === 'unchanged') {
    log(`前回の書き出しから公開内容は変わっていません: ${outDir}`);
    return;
  }
  const how = { first: '書き出しました', full: '全ページを描画し直しました', partial: '変わった報告とそれを載せるページを描画し直しました' }[result.mode];
  log(`${how}: ${outDir}(${seconds}秒)`);
  log(`  ファイル ${result.files}件、描画 ${result.rendered}ページ、書き換え ${result.written.length}件、削除 ${result.removed.length}件`);
}

/** @throws ValidationError when a link is broken (each is printed first). */
export function checkCommand(dir: string, baseUrl: string, log: (line: string) => void): void {
  if (!existsSync(dir)) throw new ValidationError(`${dir} が見つかりません。`);
  const result = checkSite(dir, baseUrl);
  for (const { file, href } of result.broken) log(`リンク切れ: ${file} → ${href}`);
  if (result.broken.length > 0)
    throw new ValidationError(`リンク切れが${result.broken.length}件あります(${result.filesChecked}ファイル、${result.linksChecked}リンクを確認)。`);
  log(`リンク切れはありません(${result.filesChecked}ファイル、${result.linksChecked}リンクを確認)。`);
  if (result.serverOnly > 0) log(`  サーバーだけが答えるアドレス(/api/ など)へのリンク ${result.serverOnly}件は確認していません。`);
}
