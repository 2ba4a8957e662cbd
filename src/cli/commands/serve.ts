// katsudo serve [--port N] [--data DIR] [--no-demo]
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import type { ActionContext } from '../../actions/runtime/context.js';
import { isSiteEmpty } from '../../actions/site/is-site-empty.js';
import { checkNativeModules } from '../../actions/runtime/native-modules.js';
import { rerenderStale } from '../../actions/render/rerender.js';
import { startBackupSchedule } from '../../actions/site/backup/scheduled-backup.js';
import { startScheduler, type Scheduler } from '../../actions/runtime/scheduler.js';
import { threadPool } from '../../actions/runtime/work-pool.js';
import type { Config } from '../../config.js';
import { buildServer } from '../../web/server.js';
import { DATA_OPTION, type CommandHelp } from '../command-help.js';
import { openSite } from '../open-site.js';
import { listeningUrl, recordServedUrl } from '../served-url.js';
import { progressBar } from '../progress-bar.js';
import { rerenderedLine } from './rerender.js';

/** How long a stop may take before the process exits anyway (systemd's TimeoutStopSec is longer). */
export const SHUTDOWN_GRACE_MS = 10_000;

export const SERVE_USAGE = 'katsudo serve [--port 3000] [--data ./data] [--no-demo]';

export const SERVE_HELP: CommandHelp = {
  usage: [SERVE_USAGE],
  summary: 'サイトを起動します(データが空ならデモ内容を作成します)。',
  options: {
    '--port N': '待ち受けるポート番号です。省略すると環境変数 PORT、それもなければ 3000 です。',
    ...DATA_OPTION,
    '--no-demo': '空のサイトでもデモ内容を作成しません。',
  },
};

export function parseServeArgs(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string' }, data: { type: 'string' }, 'no-demo': { type: 'boolean' } },
    strict: true,
    allowPositionals: false,
  });
  return { port: values.port, dataDir: values.data, isDemoWanted: !values['no-demo'] };
}

/** `exit` ends the process once stopped (cli/main.ts owns process.exit). */
export async function serve(config: Config, isDemoWanted: boolean, log: (line: string) => void, exit: (code: number) => void): Promise<void> {
  const site = await openSite(config);
  // Searches and previews run on worker threads, so a slow one never stalls page serving.
  // The threads open the SQLite file read-only, or on PostgreSQL a small pool each.
  const work = threadPool({ database: config.database, size: config.workThreads, queueLimit: config.workQueueLimit, idleMs: config.workIdleMs });
  const ctx = { ...site, work };
  if (isDemoWanted) {
    // The demo (and the PDF library it needs) is loaded only for a new, empty site:
    // every later start saves the time and memory.
    if (await isSiteEmpty(ctx)) {
      const { seedDemoIfEmpty } = await import('../../actions/site/seed-demo.js');
      log(`デモ用の活動報告を${await seedDemoIfEmpty(ctx)}件作成しました。`);
    }
  }
  // The scheduler starts after listening; /readyz answers 503 until its first run ends.
  let scheduler: Scheduler | undefined;
  const app = await buildServer({
    ctx,
    schedulerLastRunAt: () => scheduler?.lastRunAt(),
    baseUrl: config.baseUrl,
    trustProxy: config.trustProxy,
    pageCacheBytes: config.pageCacheBytes,
    rateLimits: config.rateLimits,
    maxUploadBytes: config.maxUploadBytes,
    session: { idleMs: config.sessionIdleMs, maxMs: config.sessionMaxMs },
    auditRetentionDays: config.auditRetentionDays,
    minFreeBytes: config.minFreeBytes,
    ...(config.backup === undefined ? {} : { backupDir: config.backup.dir }),
    // Request logs at info level would cost more than serving a cached page.
    logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel,
  });
  await app.listen({ port: config.port, host: config.host });
  recordServedUrl(config.dataDir, config.baseUrl);
  // The port the socket really has, so the line is right whatever chose it (--port, PORT).
  const localUrl = listeningUrl(app.server.address() as AddressInfo);
  log(`katsudo を起動しました: ${localUrl}/ (データ: ${config.dataDir})`);
  if (config.baseUrl !== localUrl && config.baseUrl !== `http://localhost:${config.port}`) log(`公開するアドレス(KATSUDO_BASE_URL): ${config.baseUrl}/`);
  // argon2 and sharp are loaded on first use (start-up speed); load them now, after listening,
  // so a broken installation is reported at start rather than at the first login or upload.
  void checkNativeModules().then((failures) => {
    for (const error of failures) {
      const what = error.moduleName === 'argon2' ? 'nobody can log in' : 'image uploads fail';
      app.log.fatal({ err: error }, `${error.moduleName} cannot be loaded: ${what} until it is reinstalled (see /readyz)`);
    }
  });
  // Publishes scheduled reports, at once for those whose time passed while stopped.
  scheduler = startScheduler(ctx, {
    onPublished: (ids) => log(`予約していた活動報告を${ids.length}件公開しました。`),
    onError: (error) => app.log.error({ err: error }, 'scheduled publishing or audit pruning failed'),
    auditRetentionDays: config.auditRetentionDays,
  });
  // Daily backups (KATSUDO_BACKUP_DIR); the database copy runs in steps and files are streamed.
  const backups =
    config.backup === undefined
      ? undefined
      : startBackupSchedule(ctx, config.backup, {
          onDone: (file) => log(`バックアップを作成しました: ${file}`),
          onError: (error) => app.log.error({ err: error }, 'the scheduled backup failed; the admin dashboard shows it until a backup succeeds'),
        });
  // The static export kept up to date (KATSUDO_EXPORT_DIR, docs/static-export.md): rebuilt a
  // moment after each change; loaded only when asked for.
  const publishHook = await startPublishing(config, ctx, log, (error) =>
    app.log.error({ err: error }, 'the static export (KATSUDO_EXPORT_DIR) failed; the admin dashboard shows it until a build succeeds'),
  );
  // Reports and pages rendered by an older renderer are rendered again in the background, on
  // the work threads (actions/render/rerender.ts); until each is done the site serves its old HTML.
  const rerenderStop = new AbortController();
  // A line in the log per tenth, as a command's progress bar off a terminal.
  const rerenderBar = progressBar('古い描画方式の活動報告・固定ページを再描画中', { write: (line: string) => (log(line.trimEnd()), true) });
  const rerendering = rerenderStale(ctx, {
    signal: rerenderStop.signal,
    onProgress: (p) => rerenderBar.update(p.done, p.total),
    onError: (error, item) => app.log.error({ err: error, item }, 're-rendering an item failed; it is tried again at the next start'),
  }).then(
    (result) => {
      if (result.total > 0) log(`${rerenderedLine(result)}。`);
    },
    (error: unknown) => app.log.error({ err: error }, 're-rendering stopped; it resumes at the next start'),
  );
  // SIGTERM or SIGINT (systemd stop, Ctrl+C, a rolling restart): stop accepting (Fastify
  // answers 503 to requests arriving on kept-alive connections meanwhile), let the requests in
  // flight finish, stop the scheduler, backups and re-rendering, close the work threads and the
  // database (the last connection's close checkpoints the WAL), then exit 0. A shutdown stuck
  // longer than SHUTDOWN_GRACE_MS exits 1 rather than hang the supervisor.
  const stop = async () => {
    rerenderStop.abort();
    await Promise.all([app.close(), scheduler.stop(), backups?.stop(), publishHook?.stop()]);
    // The batch in progress ends (its transaction commits or rolls back) before the pool and database close.
    await rerendering;
    await ctx.work.close();
    await ctx.db.destroy();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal} を受け取りました。処理中の要求を終えてから停止します。`);
    setTimeout(() => {
      app.log.fatal(`shutdown took longer than ${SHUTDOWN_GRACE_MS} ms; exiting without waiting`);
      exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    stop().then(
      () => {
        log('katsudo を停止しました。');
        exit(0);
      },
      (error: unknown) => {
        app.log.fatal({ err: error }, 'shutdown failed');
        exit(1);
      },
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

async function startPublishing(config: Config, ctx: ActionContext, log: (line: string) => void, onError: (error: unknown) => void) {
  const { clearExportStatus } = await import('../../actions/site/export-status.js');
  if (config.exportDir === undefined) {
    clearExportStatus(config.dataDir);
    return undefined;
  }
  const outDir = config.exportDir;
  const [{ startPublishHook }, { loadAssets }] = await Promise.all([import('../../exporter/publish-hook.js'), import('../../web/assets.js')]);
  const { css, icon } = loadAssets();
  // A full rebuild's pages render on page threads: the server's own thread keeps answering.
  const hookOptions = { threads: { database: config.database } };
  return startPublishHook(
    { ctx, baseUrl: config.baseUrl, assets: { css, icon } },
    outDir,
    {
      onBuilt: (result) => {
        if (result.mode !== 'unchanged') log(`静的サイトを更新しました: ${outDir}(書き換え ${result.written.length}件、削除 ${result.removed.length}件)`);
      },
      onError,
    },
    hookOptions,
  );
}
