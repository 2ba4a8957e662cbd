// katsudo reindex [--data DIR]: read the text of PDFs stored before texts were kept, then
// rebuild the search index of published reports.
import { parseArgs } from 'node:util';
import { readStoredPdfTexts, reindexSearch } from '../../actions/search/reindex.js';
import { threadPool } from '../../actions/runtime/work-pool.js';
import { DATA_OPTION, type CommandHelp } from '../command-help.js';
import { openSite, type SiteLocation } from '../open-site.js';
import { progressBar } from '../progress-bar.js';

export const REINDEX_USAGE = 'katsudo reindex [--data ./data]';

export const REINDEX_HELP: CommandHelp = { usage: [REINDEX_USAGE], summary: '検索索引を作り直します。', options: DATA_OPTION };

export function parseReindexArgs(args: string[]) {
  const { values } = parseArgs({ args, options: { data: { type: 'string' } }, strict: true, allowPositionals: false });
  return { dataDir: values.data };
}

export async function reindexCommand(site: SiteLocation, log: (line: string) => void): Promise<void> {
  const ctx = await openSite(site);
  try {
    // Files stored before were never read by pdfjs: read them on a thread, under the pool's
    // time limit, so one hostile file cannot hold the command forever.
    const work = threadPool({ database: site.database, size: 1 });
    const pdfs = await readStoredPdfTexts({ ...ctx, work }).finally(() => work.close());
    if (pdfs > 0) log(`以前に登録されたPDF ${pdfs}件の本文を読み取りました。`);
    const bar = progressBar('検索索引を再構築中');
    const started = Date.now();
    const count = await reindexSearch(ctx, (done, total) => bar.update(done, total));
    bar.finish();
    const seconds = (Date.now() - started) / 1000;
    log(`${count}件の活動報告を索引に登録しました(${seconds.toFixed(1)}秒)。`);
  } finally {
    await ctx.db.destroy();
  }
}
