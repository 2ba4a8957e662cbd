// The katsudo command from the sources in a child process, run to its end, and the data
// directory's database opened for a look before or after it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/store/database.js';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `katsudo <args>` with `env` over this process's environment and `input` on stdin. */
export function runCli(args: string[], options: { env?: Record<string, string>; input?: string } = {}): CliRun {
  const result = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...process.env, ...options.env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Opens `<dataDir>/katsudo.db`, runs `fn`, and closes it again, so the next command finds it free. */
export async function withSiteDatabase<T>(dataDir: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDatabase({ file: join(dataDir, 'katsudo.db') });
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}
