// The address `katsudo serve` last answered on, kept beside the database, so that other
// commands (`katsudo user add`) tell where to log in even when the server was started with
// another port than their own default.
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
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

/** The address a browser on this machine opens for a server listening on `address`. */
export function listeningUrl(address: AddressInfo): string {
  // A server on every interface (HOST=0.0.0.0 or ::) answers this machine's browser as localhost.
  const isEveryInterface = address.address === '0.0.0.0' || address.address === '::';
  const host = isEveryInterface ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
