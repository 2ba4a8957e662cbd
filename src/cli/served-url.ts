// The address `katsudo serve` last answered on, kept beside the database, so that other
// commands (`katsudo user add`) tell where to log in even when the server was started with
// another port than their own default.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = 'served-url.txt';

export function recordServedUrl(dataDir: string, baseUrl: string): void {
  writeFileSync(join(dataDir, FILE), `${baseUrl}\n`);
}

/** The recorded address, or undefined before the first `serve` of this data directory. */
export function findServedUrl(dataDir: string): string | undefined {
  try {
    return readFileSync(join(dataDir, FILE), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}
