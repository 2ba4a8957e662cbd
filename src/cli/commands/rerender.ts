// katsudo rerender [--data DIR]: render again every report and page whose stored rendering
// came from an older renderer (katsudo serve also does this, in the background, at start).
import { parseArgs } from 'node:util';
import { rerenderStale, type RerenderResult } from '../../actions/render/rerender.js';
import { ValidationError } from '../../domain/errors.js';
import { DATA_OPTION, type CommandHelp } from '../command-help.js';
import { openSite, type SiteLocation } from '../open-site.js';
import { progressBar } from '../progress-bar.js';

export const RERENDER_USAGE = 'katsudo rerender [--data ./data]';

export const RERENDER_HELP: CommandHelp = {
  usage: [RERENDER_USAGE],
  summary: '古い描画方式で保存された活動報告・固定ページを描画し直します(起動時にも自動で行います)。',
  options: DATA_OPTION,
};

export function parseRerenderArgs(args: string[]) {
  const { values } = parseArgs({ args, options: { data: { type: 'string' } }, strict: true, allowPositionals: false });
  return { dataDir: values.data };
}

export async function rerenderCommand(site: SiteLocation, log: (line: string) => void): Promise<void> {
  const ctx = await openSite(site);
  try {
    const bar = progressBar('再描画中');
    const started = Date.now();
    const result = await rerenderStale(ctx, {
      onProgress: (p) => bar.update(p.done, p.total),
      onError: (error, item) => log(`${item.kind === 'report' ? '活動報告' : '固定ページ'} ${item.id} を再描画できませんでした: ${(error as Error).message}`),
    });
    bar.finish();
    const seconds = (Date.now() - started) / 1000;
    if (result.total === 0) {
      log('再描画が必要な活動報告・固定ページはありません(すべて最新の描画です)。');
      return;
    }
    log(`${rerenderedLine(result)}(${seconds.toFixed(1)}秒)。`);
    if (result.skipped > 0) log(`${result.skipped}件は処理中に保存されたため、保存された内容のままにしました。`);
    if (result.failed > 0) {
      throw new ValidationError(`${result.failed}件を再描画できませんでした(上の一覧を参照)。次に katsudo rerender を実行したときにもう一度試みます。`);
    }
  } finally {
    await ctx.db.destroy();
  }
}

/** The summary of a run (without the full stop), also logged by `katsudo serve` after its run at start. */
export function rerenderedLine(result: Pick<RerenderResult, 'reports' | 'pages'>): string {
  return `活動報告${result.reports}件・固定ページ${result.pages}件を再描画しました`;
}
