// The publish hook (KATSUDO_EXPORT_DIR): `katsudo serve` keeps the static export up to date.
// It polls the content version (one row, bumped by every write: publishing, unpublishing,
// pages, settings, scheduled publishing, other processes on the same database) and, a
// moment after it changes, runs an incremental build (build-site.ts decides what to render).
// One build at a time: a change during a build runs one more build after it, and so does a
// build refused because a `katsudo build` is writing into the same folder (build-lock.ts). It also
// builds when the hour of Japan time turns: the home page and /events.ics show which activities
// are upcoming, which the clock changes without a write (the build renders them again only if so).
// Failures go to the log (onError) and to the dashboard (actions/site/export-status.ts) until a
// build succeeds.
import { writeExportStatus, readExportStatus } from '../actions/site/export-status.js';
import { readContentVersion } from '../actions/site/read-content-version.js';
import { BuildInProgressError } from '../domain/errors.js';
import { upcomingClockKey } from '../site/events/load-upcoming.js';
import type { SiteDeps } from '../site/site-deps.js';
import { buildSite, type BuildResult } from './build-site.js';
import type { PageThreadOptions } from './page-threads.js';

export interface PublishHookOptions {
  /** How often the content version is read (1000 ms). */
  pollMs?: number;
  /** How long after a change the build starts, so a burst of saves makes one build (500 ms). */
  debounceMs?: number;
  /** The site's database: a build of many pages (a full one) renders them on page threads, off the server's event loop. */
  threads?: PageThreadOptions;
}

export interface PublishHook {
  /** Stops polling and waits for the build in progress. */
  stop(): Promise<void>;
}

export function startPublishHook(
  deps: SiteDeps,
  outDir: string,
  handlers: { onBuilt?: (result: BuildResult) => void; onError: (error: unknown) => void },
  options: PublishHookOptions = {},
): PublishHook {
  const pollMs = options.pollMs ?? 1000;
  const debounceMs = options.debounceMs ?? 500;
  const dataDir = deps.ctx.dataDir;
  let seenVersion: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  let building: Promise<void> | undefined;
  let isAgainWanted = false;
  let isStopped = false;

  const schedule = () => {
    if (isStopped) return;
    clearTimeout(timer);
    timer = setTimeout(run, debounceMs);
  };
  const run = () => {
    if (building) {
      isAgainWanted = true;
      return;
    }
    building = build().finally(() => {
      building = undefined;
      if (isAgainWanted) {
        isAgainWanted = false;
        schedule();
      }
    });
  };
  const build = async () => {
    try {
      const result = await buildSite(deps, { outDir, threads: options.threads });
      const previous = readExportStatus(dataDir);
      if (result.mode !== 'unchanged' || previous?.lastSuccess === undefined || previous.lastFailure !== undefined || previous.outDir !== outDir) {
        writeExportStatus(dataDir, { outDir, lastSuccess: { at: deps.ctx.now().toISOString(), written: result.written.length, removed: result.removed.length } });
      }
      handlers.onBuilt?.(result);
    } catch (error) {
      // A `katsudo build` into the same folder: not a failure of the site; try again after it.
      if (error instanceof BuildInProgressError) {
        isAgainWanted = true;
        return;
      }
      const previous = readExportStatus(dataDir);
      const message = error instanceof Error ? error.message : String(error);
      writeExportStatus(dataDir, {
        outDir,
        ...(previous?.lastSuccess ? { lastSuccess: previous.lastSuccess } : {}),
        lastFailure: { at: deps.ctx.now().toISOString(), message },
      });
      handlers.onError(error);
    }
  };
  let seenHour = upcomingClockKey(deps.ctx.now());
  const poll = setInterval(() => {
    const hour = upcomingClockKey(deps.ctx.now());
    if (hour !== seenHour) {
      seenHour = hour;
      schedule();
    }
    readContentVersion(deps.ctx).then(
      (version) => {
        if (version === seenVersion) return;
        seenVersion = version;
        schedule();
      },
      (error: unknown) => handlers.onError(error),
    );
  }, pollMs);
  poll.unref();
  // At start: whatever changed while the server was stopped.
  schedule();
  return {
    async stop() {
      isStopped = true;
      clearInterval(poll);
      clearTimeout(timer);
      await building;
    },
  };
}
