// katsudo list [--status published|draft|scheduled|trashed|all] [--data DIR]
import { parseArgs } from 'node:util';
import { REPORT_STATUSES, type ReportStatus } from '../../domain/report.js';
import { listReports } from '../../store/reports.js';
import { DATA_OPTION, type CommandHelp } from '../command-help.js';
import { openSite, type SiteLocation } from '../open-site.js';
import { UsageError } from '../usage-error.js';

export const LIST_USAGE = 'katsudo list [--status published|draft|scheduled|trashed|all] [--data ./data]';

export const LIST_HELP: CommandHelp = {
  usage: [LIST_USAGE],
  summary: '活動報告の一覧を、1件1行(番号・活動日・状態・URL・タイトルをタブ区切り)で表示します。',
  options: {
    '--status 状態': '表示する状態です: published(公開)、draft(下書き)、scheduled(予約)、trashed(ゴミ箱)、all(すべて。省略時)。',
    ...DATA_OPTION,
  },
};

export function parseListArgs(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { status: { type: 'string' }, data: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  const status = values.status ?? 'all';
  if (status !== 'all' && !(REPORT_STATUSES as readonly string[]).includes(status)) {
    throw new UsageError(`--status は ${[...REPORT_STATUSES, 'all'].join(', ')} のいずれかです: "${status}"`);
  }
  return { status: status === 'all' ? undefined : (status as ReportStatus), dataDir: values.data };
}

/** One line per report, tab-separated: id, activity date, status, URL path, title. */
export async function listCommand(status: ReportStatus | undefined, site: SiteLocation, log: (line: string) => void): Promise<void> {
  const ctx = await openSite(site);
  try {
    const PAGE = 500;
    let offset = 0;
    let total = 0;
    do {
      const page = await listReports(ctx.db, status ? { status } : {}, { offset, limit: PAGE });
      total = page.total;
      for (const r of page.items) log([r.id, r.activityDate, r.status, `/activity/${r.slug}/`, r.title].join('\t'));
      offset += PAGE;
    } while (offset < total);
    log(`合計 ${total}件`);
  } finally {
    await ctx.db.destroy();
  }
}
