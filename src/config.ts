// The only reader of the environment. Every setting is validated once at start; a bad
// value stops the program with a message (in Japanese: the CLI prints it) naming the variable
// and a valid example.
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { DEFAULT_MIN_FREE_MB } from './actions/runtime/free-space.js';
import { DEFAULT_IDLE_MS, DEFAULT_POOL_SIZE, DEFAULT_QUEUE_LIMIT } from './actions/runtime/pool-defaults.js';
import { outputDirProblem } from './exporter/output-dir-problem.js';
import type { OpenOptions } from './store/database.js';
import type { TrustedProxies } from './web/trusted-proxies.js';

export interface Config {
  port: number;
  host: string;
  /** Holds katsudo.db and media/. */
  dataDir: string;
  /** Which database (KATSUDO_DATABASE_URL or DATABASE_URL): the data directory's katsudo.db unless set. */
  database: OpenOptions;
  /** KATSUDO_MEDIA_DIR: a media folder several instances share; the data directory's media/ when unset. */
  mediaDir?: string;
  /** Canonical origin used in feeds, sitemaps, OGP and canonical links, without trailing slash. */
  baseUrl: string;
  /** The reverse proxies whose X-Forwarded-For/-Proto are believed (KATSUDO_TRUST_PROXY). */
  trustProxy: TrustedProxies;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /** Worker threads for searches and previews (KATSUDO_WORK_THREADS; cores, at most 4). */
  workThreads: number;
  /** Tasks that may wait for a worker; more are answered 503 at once (KATSUDO_WORK_QUEUE, 32). */
  workQueueLimit: number;
  /** A worker thread idle this long stops; the next task starts one (KATSUDO_WORK_IDLE_SECONDS, 30; 0 = never). */
  workIdleMs: number;
  /** Requests per minute from one client address, 0 = unlimited (KATSUDO_RATE_LIMIT_SEARCH, _API, _FEEDS). */
  rateLimits: RateLimitConfig;
  /** Memory for rendered pages per process. */
  pageCacheBytes: number;
  /** Largest file an upload may be (KATSUDO_MAX_UPLOAD_MB, 20 by default). */
  maxUploadBytes: number;
  /** Admin sessions end after this long without a request (KATSUDO_SESSION_IDLE_MINUTES, 120). */
  sessionIdleMs: number;
  /** …and this long after login whatever happens (KATSUDO_SESSION_MAX_HOURS, 12). */
  sessionMaxMs: number;
  /** Audit entries older than this many days are pruned (KATSUDO_AUDIT_RETENTION_DAYS, 365). */
  auditRetentionDays: number;
  /** Below this much free space on the data directory's disk the dashboard and /readyz warn (KATSUDO_MIN_FREE_MB, 200). */
  minFreeBytes: number;
  /** Daily backups by the server; none unless KATSUDO_BACKUP_DIR is set. */
  backup?: BackupConfig;
  /** Where the server keeps the static export up to date (KATSUDO_EXPORT_DIR); no publish hook unless set. */
  exportDir?: string;
}

export interface BackupConfig {
  /** Where archives go (KATSUDO_BACKUP_DIR). */
  dir: string;
  /** Time of day in Japan time (KATSUDO_BACKUP_TIME, 03:00). */
  time: { hour: number; minute: number };
  /** Archives kept, the newest (KATSUDO_BACKUP_KEEP, 7). */
  keep: number;
}

export interface RateLimitConfig {
  /** /search and /api/v1/search (60). */
  searchPerMinute: number;
  /** The rest of /api/ (300). */
  apiPerMinute: number;
  /** /feed.xml, /atom.xml, /feed.json (60). */
  feedsPerMinute: number;
}

/** Connections per process to PostgreSQL unless KATSUDO_DATABASE_POOL says otherwise (docs/postgresql.md). */
export const DEFAULT_DATABASE_POOL = 10;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;

function parsePort(value: string, name: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) {
    throw new ConfigError(`${name} はポート番号(1〜65535)で指定してください(例: ${name}=3000)。${given(value)}`);
  }
  return port;
}

function parseBaseUrl(value: string, name = 'KATSUDO_BASE_URL'): string {
  // The same rule for the variable and the flag (`katsudo build --base-url`); only the example differs.
  const example = name.startsWith('--') ? `${name} https://www.example.jp` : `${name}=https://www.example.jp`;
  const fail = () => new ConfigError(`${name} には http:// か https:// で始まる絶対URL(クエリや # なし)を指定してください(例: ${example})。${given(value)}`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw fail();
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw fail();
  if (url.search !== '' || url.hash !== '') throw fail();
  // Every page links to the site's paths from its root (/activity/…): a site below a path would link out of it.
  if (url.pathname !== '/') {
    throw new ConfigError(
      `${name} にはパスを含まない URL を指定してください(例: ${example})。katsudo のサイトはドメインの直下に置くもので、/sub/ のようなパスの下には置けません。${given(value)}`,
    );
  }
  return url.href.replace(/\/+$/, '');
}

/** The end of every message: the value as it was given. */
function given(value: string): string {
  return `指定された値: "${value}"`;
}

export interface ConfigOverrides {
  port?: string;
  dataDir?: string;
  /** `katsudo build --base-url`: the site's address in the exported pages. */
  baseUrl?: string;
}

/** Builds the configuration from the environment, with command-line flags taking precedence. */
export function loadConfig(overrides: ConfigOverrides = {}, env: Env = process.env): Config {
  const portText = overrides.port ?? env.PORT ?? '3000';
  const port = parsePort(portText, overrides.port !== undefined ? '--port' : 'PORT');
  const host = env.HOST ?? '0.0.0.0';
  const dataDir = resolve(overrides.dataDir ?? env.KATSUDO_DATA_DIR ?? 'data');
  const baseUrl = overrides.baseUrl !== undefined ? parseBaseUrl(overrides.baseUrl, '--base-url') : parseBaseUrl(env.KATSUDO_BASE_URL ?? `http://localhost:${port}`);
  const logLevel = (env.KATSUDO_LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`KATSUDO_LOG_LEVEL は ${LOG_LEVELS.join(', ')} のどれかで指定してください(例: KATSUDO_LOG_LEVEL=warn)。${given(logLevel)}`);
  }
  const cacheText = env.KATSUDO_PAGE_CACHE_MB ?? '8';
  const cacheMb = Number(cacheText);
  if (!/^\d+$/.test(cacheText) || cacheMb < 1 || cacheMb > 4096) {
    throw new ConfigError(`KATSUDO_PAGE_CACHE_MB はメガバイト数を1〜4096の整数で指定してください(例: KATSUDO_PAGE_CACHE_MB=8)。${given(cacheText)}`);
  }
  const uploadText = env.KATSUDO_MAX_UPLOAD_MB ?? '20';
  const uploadMb = Number(uploadText);
  if (!/^\d+$/.test(uploadText) || uploadMb < 1 || uploadMb > 1024) {
    throw new ConfigError(`KATSUDO_MAX_UPLOAD_MB はメガバイト数を1〜1024の整数で指定してください(例: KATSUDO_MAX_UPLOAD_MB=20)。${given(uploadText)}`);
  }
  return {
    port,
    host,
    ...workPool(env),
    rateLimits: {
      searchPerMinute: wholeNumber(env, 'KATSUDO_RATE_LIMIT_SEARCH', '60', 0, 1_000_000, '60'),
      apiPerMinute: wholeNumber(env, 'KATSUDO_RATE_LIMIT_API', '300', 0, 1_000_000, '300'),
      feedsPerMinute: wholeNumber(env, 'KATSUDO_RATE_LIMIT_FEEDS', '60', 0, 1_000_000, '60'),
    },
    dataDir,
    database: databaseConfig(env, dataDir),
    ...(env.KATSUDO_MEDIA_DIR?.trim() ? { mediaDir: resolve(env.KATSUDO_MEDIA_DIR.trim()) } : {}),
    baseUrl,
    trustProxy: parseTrustProxy(env.KATSUDO_TRUST_PROXY ?? ''),
    logLevel,
    pageCacheBytes: cacheMb * 1024 * 1024,
    maxUploadBytes: uploadMb * 1024 * 1024,
    ...sessionTimes(env),
    auditRetentionDays: wholeNumber(env, 'KATSUDO_AUDIT_RETENTION_DAYS', '365', 1, 3650, '365'),
    minFreeBytes: wholeNumber(env, 'KATSUDO_MIN_FREE_MB', String(DEFAULT_MIN_FREE_MB), 0, 1_000_000_000, '200') * 1024 * 1024,
    ...backupConfig(env),
    ...exportDir(env, dataDir),
  };
}

/** The variable that names the database (KATSUDO_DATABASE_URL first), or undefined when neither is set. */
export function databaseUrlVariable(env: Env = process.env): 'KATSUDO_DATABASE_URL' | 'DATABASE_URL' | undefined {
  if (env.KATSUDO_DATABASE_URL?.trim()) return 'KATSUDO_DATABASE_URL';
  if (env.DATABASE_URL?.trim()) return 'DATABASE_URL';
  return undefined;
}

const DATABASE_URL_EXAMPLES = '例: KATSUDO_DATABASE_URL=postgres://katsudo:パスワード@127.0.0.1:5432/katsudo、KATSUDO_DATABASE_URL=sqlite:/srv/katsudo/katsudo.db';

/**
 * KATSUDO_DATABASE_URL (or DATABASE_URL, the name hosting platforms set): postgres:// or
 * postgresql:// selects PostgreSQL, sqlite:PATH a SQLite file (relative to the working
 * directory); unset keeps katsudo.db in the data directory. Whether the server answers is
 * checked when the database is opened (store/dialects/postgres.ts), not here.
 */
function databaseConfig(env: Env, dataDir: string): OpenOptions {
  const name = databaseUrlVariable(env) ?? 'DATABASE_URL';
  const text = (env.KATSUDO_DATABASE_URL || env.DATABASE_URL || '').trim();
  if (text === '') return { file: join(dataDir, 'katsudo.db') };
  return parseDatabaseUrl(text, name, env);
}

/**
 * One database URL (the variable's value, or `katsudo copy-db --from/--to`, then `name` is the
 * flag): sqlite:PATH or postgres://…, the pool's size from KATSUDO_DATABASE_POOL.
 */
export function parseDatabaseUrl(text: string, name: string, env: Env = process.env): OpenOptions {
  if (text.startsWith('sqlite:')) {
    const path = text.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '' || path === ':memory:') throw new ConfigError(`${name}: sqlite: の後にデータベースファイルのパスを書いてください(${DATABASE_URL_EXAMPLES})。`);
    return { file: resolve(path) };
  }
  // The value itself is not echoed: it usually holds a password.
  const fail = (why: string) => new ConfigError(`${name}: ${why}(${DATABASE_URL_EXAMPLES})。`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw fail('URL として読めません');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
    throw fail(`使えるのは postgres://・postgresql://(PostgreSQL)か sqlite:(SQLite)です。指定されたのは ${url.protocol} でした`);
  if (url.hostname === '') throw fail('PostgreSQL サーバーのホスト名がありません');
  if (url.pathname.length <= 1) throw fail('データベース名がありません(URL の最後に /データベース名 を書きます)');
  const poolSize = wholeNumber(env, 'KATSUDO_DATABASE_POOL', String(DEFAULT_DATABASE_POOL), 1, 1000, '10');
  return { postgres: { url: text, poolSize } };
}

/** KATSUDO_EXPORT_DIR turns the publish hook on: the server rebuilds the static export there after each change. */
function exportDir(env: Env, dataDir: string): { exportDir?: string } {
  const dir = env.KATSUDO_EXPORT_DIR ?? '';
  if (dir === '') return {};
  const problem = outputDirProblem(dir, dataDir);
  if (problem !== undefined) throw new ConfigError(`KATSUDO_EXPORT_DIR: ${problem}(例: KATSUDO_EXPORT_DIR=/srv/katsudo-public)`);
  return { exportDir: resolve(dir) };
}

/** KATSUDO_BACKUP_DIR turns scheduled backups on; the time and count apply only then. */
function backupConfig(env: Env): { backup?: BackupConfig } {
  const dir = env.KATSUDO_BACKUP_DIR ?? '';
  if (dir === '') return {};
  // The archive holds the data directory's katsudo.db file: another database has its own tools.
  const urlVariable = databaseUrlVariable(env);
  if (urlVariable !== undefined) {
    throw new ConfigError(
      `KATSUDO_BACKUP_DIR: サーバーによる定時バックアップはデータディレクトリの katsudo.db だけを扱います。${urlVariable} を使うときは KATSUDO_BACKUP_DIR を設定せず、データベースは pg_dump などで、写真や PDF はメディアのフォルダをファイルとしてバックアップしてください(docs/postgresql.md)。`,
    );
  }
  const timeText = env.KATSUDO_BACKUP_TIME ?? '03:00';
  const time = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(timeText);
  if (!time) throw new ConfigError(`KATSUDO_BACKUP_TIME は日本時間の時刻を HH:MM で指定してください(例: KATSUDO_BACKUP_TIME=03:00)。${given(timeText)}`);
  return {
    backup: {
      dir: resolve(dir),
      time: { hour: Number(time[1]), minute: Number(time[2]) },
      keep: wholeNumber(env, 'KATSUDO_BACKUP_KEEP', '7', 1, 1000, '7'),
    },
  };
}

const TRUST_PROXY_EXAMPLES = '例: KATSUDO_TRUST_PROXY=127.0.0.1,::1、KATSUDO_TRUST_PROXY=10.0.0.0/8、前に置いたプロキシの数なら KATSUDO_TRUST_PROXY=1';

/**
 * KATSUDO_TRUST_PROXY: empty or "false" (no proxy), proxy addresses and CIDRs separated by
 * commas, or a hop count. "true" once meant "believe any X-Forwarded-For", which let every
 * client choose its own address (issue 9), so it is refused rather than guessed at.
 */
function parseTrustProxy(text: string): TrustedProxies {
  const value = text.trim();
  if (value === '' || value === 'false' || value === '0') return { kind: 'none' };
  if (value === 'true') {
    throw new ConfigError(
      `KATSUDO_TRUST_PROXY=true は使えなくなりました(どのクライアントも X-Forwarded-For で自分のアドレスを名乗れたため)。リバースプロキシのアドレスか CIDR、または前に置いたプロキシの数を指定してください(${TRUST_PROXY_EXAMPLES})。docs/deploy.md を参照してください。`,
    );
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) throw new ConfigError(`KATSUDO_TRUST_PROXY: プロキシの数は1〜10で指定してください(${TRUST_PROXY_EXAMPLES})。${given(text)}`);
    return { kind: 'hops', hops };
  }
  const addresses = value.split(',').map((part) => part.trim());
  for (const address of addresses) {
    if (!isAddressOrCidr(address)) {
      throw new ConfigError(`KATSUDO_TRUST_PROXY: "${address}" は IPv4・IPv6 のアドレスでも CIDR でもありません(${TRUST_PROXY_EXAMPLES})。${given(text)}`);
    }
  }
  return { kind: 'addresses', addresses };
}

/** "192.0.2.1", "10.0.0.0/8", "2001:db8::/32": an address, optionally with a prefix length that fits it. */
function isAddressOrCidr(text: string): boolean {
  const [address = '', prefix, ...rest] = text.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/** Whole numbers within a range, for the session times and the audit retention. */
function wholeNumber(env: Env, name: string, fallback: string, min: number, max: number, example: string): number {
  const text = env[name] ?? fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new ConfigError(`${name} は${min}〜${max}の整数で指定してください(例: ${name}=${example})。${given(text)}`);
  }
  return value;
}

function sessionTimes(env: Env): { sessionIdleMs: number; sessionMaxMs: number } {
  const idleMinutes = wholeNumber(env, 'KATSUDO_SESSION_IDLE_MINUTES', '120', 5, 7 * 24 * 60, '120');
  const maxHours = wholeNumber(env, 'KATSUDO_SESSION_MAX_HOURS', '12', 1, 30 * 24, '12');
  if (idleMinutes > maxHours * 60) {
    throw new ConfigError(
      `KATSUDO_SESSION_IDLE_MINUTES(${idleMinutes}分)は KATSUDO_SESSION_MAX_HOURS(${maxHours}時間)より長くできません(例: KATSUDO_SESSION_IDLE_MINUTES=120 KATSUDO_SESSION_MAX_HOURS=12)。`,
    );
  }
  return { sessionIdleMs: idleMinutes * 60_000, sessionMaxMs: maxHours * 60 * 60_000 };
}

/** Threads: up to 64 when set; the queue may be 0 (a task runs only when a worker is free). */
function workPool(env: Env): { workThreads: number; workQueueLimit: number; workIdleMs: number } {
  return {
    workThreads: wholeNumber(env, 'KATSUDO_WORK_THREADS', String(DEFAULT_POOL_SIZE), 1, 64, '2'),
    workQueueLimit: wholeNumber(env, 'KATSUDO_WORK_QUEUE', String(DEFAULT_QUEUE_LIMIT), 0, 10_000, '32'),
    workIdleMs: wholeNumber(env, 'KATSUDO_WORK_IDLE_SECONDS', String(DEFAULT_IDLE_MS / 1000), 0, 86_400, '30') * 1000,
  };
}
