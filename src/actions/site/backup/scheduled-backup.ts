// The server's daily backup (KATSUDO_BACKUP_DIR): one archive a day at a set Japan time, the
// newest `keep` kept, and the outcome written beside them for the admin dashboard. Several
// server processes on one site make one archive: the first to take the day's lock does it.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BackupStatus, nextBackupAt, type TimeOfDay } from '../../../domain/backup-schedule.js';
import type { ActionContext } from '../../runtime/context.js';
import { backupFileName } from './backup-manifest.js';
import { createBackup } from './create-backup.js';

const STATUS_FILE = 'katsudo-backup-status.json';
const ARCHIVE_NAME = /^katsudo-backup-\d{8}T\d{6}Z\.tar$/;

export interface BackupSchedule {
  dir: string;
  time: TimeOfDay;
  keep: number;
}

/** Makes the archive for `scheduledAt`, unless another process already took it ('skipped'). */
export async function runScheduledBackup(ctx: ActionContext, schedule: BackupSchedule, scheduledAt: Date): Promise<'done' | 'skipped'> {
  mkdirSync(schedule.dir, { recursive: true });
  const name = backupFileName(scheduledAt);
  const lock = join(schedule.dir, `.${name}.lock`);
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'skipped';
    throw error;
  }
  try {
    if (existsSync(join(schedule.dir, name))) return 'skipped';
    await createBackup({ dataDir: ctx.dataDir, mediaDir: ctx.mediaDir, outFile: join(schedule.dir, name), now: ctx.now });
    removeOldArchives(schedule.dir, schedule.keep);
    writeStatus(schedule.dir, { lastSuccess: { at: ctx.now().toISOString(), file: name } });
    return 'done';
  } catch (error) {
    const { lastSuccess } = readBackupStatus(schedule.dir);
    const failure = { at: ctx.now().toISOString(), message: error instanceof Error ? error.message : String(error) };
    writeStatus(schedule.dir, { ...(lastSuccess === undefined ? {} : { lastSuccess }), lastFailure: failure });
    throw error;
  } finally {
    rmSync(lock, { force: true });
  }
}

/** What the last scheduled backups did; empty before the first. */
export function readBackupStatus(dir: string): BackupStatus {
  try {
    return JSON.parse(readFileSync(join(dir, STATUS_FILE), 'utf8')) as BackupStatus;
  } catch {
    return {};
  }
}

export interface RunningBackupSchedule {
  /** Stops the timer and waits for a backup in progress. */
  stop: () => Promise<void>;
}

/** Runs the backup every day at `schedule.time` Japan time until stopped. */
export function startBackupSchedule(
  ctx: ActionContext,
  schedule: BackupSchedule,
  handlers: { onDone?: (file: string) => void; onError: (error: unknown) => void },
): RunningBackupSchedule {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let isStopped = false;
  const plan = () => {
    if (isStopped) return;
    const at = nextBackupAt(ctx.now(), schedule.time);
    // unref: the timer alone never keeps the process alive.
    timer = setTimeout(() => {
      running = runScheduledBackup(ctx, schedule, at)
        .then((outcome) => outcome === 'done' && handlers.onDone?.(backupFileName(at)), handlers.onError)
        .finally(plan);
    }, at.getTime() - ctx.now().getTime());
    timer.unref();
  };
  plan();
  return {
    stop: async () => {
      isStopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

function removeOldArchives(dir: string, keep: number): void {
  const archives = readdirSync(dir)
    .filter((name) => ARCHIVE_NAME.test(name))
    .sort();
  for (const name of archives.slice(0, Math.max(0, archives.length - keep))) rmSync(join(dir, name), { force: true });
}

/** Written whole or not at all (temp file + rename), so a reader never sees half a status. */
function writeStatus(dir: string, status: BackupStatus): void {
  const temp = join(dir, `.${STATUS_FILE}.${randomBytes(4).toString('hex')}`);
  writeFileSync(temp, `${JSON.stringify(status)}\n`);
  renameSync(temp, join(dir, STATUS_FILE));
}
