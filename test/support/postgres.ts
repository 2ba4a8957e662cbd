// A real PostgreSQL server for tests: TEST_POSTGRES_URL when set (a superuser's URL on a server
// started by CI or by hand), otherwise a private cluster that this test process starts once with
// initdb and pg_ctl in a temp dir (127.0.0.1, a free port, password authentication) and stops when
// it exits. Each test site gets its own database on it. PostgreSQL refuses to run as root, so under
// root the cluster runs as the `postgres` user (Debian's package creates it) or else `nobody`.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { isProcessAlive } from '../../src/actions/runtime/is-process-alive.js';
import { freePort } from './cli-server.js';

/** Where Debian installs each major version's binaries. */
const DEBIAN_PG_ROOT = '/usr/lib/postgresql';

const SUPERUSER = 'katsudo_test';

export interface PostgresServer {
  /** A superuser's URL for the given database on this server. */
  urlFor: (database: string) => string;
}

export interface TestPostgresDatabase {
  url: string;
  drop: () => Promise<void>;
}

/** The bin directory of the newest PostgreSQL installed (PG_BIN overrides), or undefined. */
export function postgresBinDir(): string | undefined {
  const given = process.env.PG_BIN;
  if (given) return existsSync(join(given, 'initdb')) ? given : undefined;
  if (!existsSync(DEBIAN_PG_ROOT)) return undefined;
  const versions = readdirSync(DEBIAN_PG_ROOT)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(DEBIAN_PG_ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(DEBIAN_PG_ROOT, versions[0], 'bin');
}

/**
 * Why PostgreSQL tests cannot run here, or undefined when they can. Under CI=true a missing
 * PostgreSQL is an error (thrown), never a skip: CI must prove both databases every run.
 */
export function postgresMissingReason(): string | undefined {
  if (process.env.TEST_POSTGRES_URL) return undefined;
  if (postgresBinDir() !== undefined) return undefined;
  const reason = `PostgreSQL binaries not found (no ${DEBIAN_PG_ROOT}/<version>/bin/initdb, PG_BIN or TEST_POSTGRES_URL)`;
  if (process.env.CI === 'true') throw new Error(`${reason}: CI requires PostgreSQL (install postgresql-15)`);
  return reason;
}

let reported = false;

/**
 * For a test file with PostgreSQL tests: the `skip` option of node:test, after printing one
 * line saying the PostgreSQL tests were NOT run (once per process). False when they can run.
 */
export function skipUnlessPostgres(): string | false {
  const reason = postgresMissingReason();
  if (reason === undefined) return false;
  if (!reported) {
    reported = true;
    process.stdout.write(`# PostgreSQL tests NOT RUN: ${reason}\n`);
  }
  return `PostgreSQL not run: ${reason}`;
}

let server: Promise<PostgresServer> | undefined;

/** The server for this process: started on first use, stopped at exit. */
export function postgresServer(): Promise<PostgresServer> {
  server ??= startServer();
  return server;
}

let databaseCount = 0;

/** A new, empty database owned by the superuser; drop() removes it (closing any connection left). */
export async function createTestPostgresDatabase(): Promise<TestPostgresDatabase> {
  const found = await postgresServer();
  const name = `katsudo_t${process.pid}_${++databaseCount}_${randomBytes(3).toString('hex')}`;
  await adminQuery(found, `create database ${name} template template0 encoding 'UTF8'`);
  return {
    url: found.urlFor(name),
    drop: () => adminQuery(found, `drop database if exists ${name} with (force)`),
  };
}

async function adminQuery(found: PostgresServer, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: found.urlFor('postgres') });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function startServer(): Promise<PostgresServer> {
  const given = process.env.TEST_POSTGRES_URL;
  if (given) return { urlFor: (database) => withDatabase(given, database) };
  const reason = postgresMissingReason();
  if (reason !== undefined) throw new Error(reason);
  return startPrivateCluster(postgresBinDir()!);
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.href;
}

/** Runs a PostgreSQL program, as another user when this process is root. */
function runAs(user: string | undefined, program: string, args: string[]): void {
  const [command, commandArgs] = user === undefined ? [program, args] : ['runuser', ['-u', user, '--', program, ...args]];
  const result = spawnSync(command, commandArgs, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${program} ${args.join(' ')} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout || result.error?.message}`);
  }
}

/** Who runs the cluster: ourselves, or under root an unprivileged account that exists here. */
function clusterUser(): { name: string; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (uid.status === 0 && gid.status === 0) return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  }
  throw new Error('running as root, and neither a postgres nor a nobody account exists to run PostgreSQL');
}

const CLUSTER_PREFIX = 'katsudo-pg-';

/**
 * Stops the clusters of test processes that ended without stopping them (killed by a timeout
 * or a signal: the exit handler does not run then), found by the owner's pid in their folder.
 */
function stopOrphanedClusters(bin: string, user: string | undefined): void {
  for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith(CLUSTER_PREFIX))) {
    const dir = join(tmpdir(), name);
    const owner = Number(readFileOrEmpty(join(dir, 'owner.pid')));
    if (!Number.isInteger(owner) || owner <= 0 || isProcessAlive(owner)) continue;
    try {
      runAs(user, join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'immediate', 'stop']);
    } catch {
      // Not running any more: only the folder is left.
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

function readFileOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return '';
  }
}

async function startPrivateCluster(bin: string): Promise<PostgresServer> {
  const user = clusterUser();
  stopOrphanedClusters(bin, user?.name);
  const dir = mkdtempSync(join(tmpdir(), CLUSTER_PREFIX));
  writeFileSync(join(dir, 'owner.pid'), String(process.pid));
  const password = randomBytes(12).toString('hex');
  const passwordFile = join(dir, 'password');
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (user !== undefined) {
    chownSync(dir, user.uid, user.gid);
    chownSync(passwordFile, user.uid, user.gid);
  }
  const data = join(dir, 'data');
  // Password authentication everywhere, so a test can see a wrong password refused.
  runAs(user?.name, join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    SUPERUSER,
    `--pwfile=${passwordFile}`,
    '--auth=scram-sha-256',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  const stop = () => {
    try {
      runAs(user?.name, join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
    } catch {
      // Already stopped (or never started): nothing to stop.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', stop);
  // A free port can be taken between the check and the start: try a few.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    // Durability off: a test cluster is thrown away, and fsync costs most of a write's time.
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
    try {
      runAs(user?.name, join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', options, 'start']);
      return { urlFor: (database) => `postgres://${SUPERUSER}:${password}@127.0.0.1:${port}/${database}` };
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}
