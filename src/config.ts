// The only reader of the environment. Every setting is validated once at start; a bad
// value stops the program with a message naming the variable and a valid example.
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Holds katsudo.db and media/. */
  dataDir: string;
  /** Canonical origin used in feeds, sitemaps, OGP and canonical links, without trailing slash. */
  baseUrl: string;
  /** Honour X-Forwarded-* from a reverse proxy in front of katsudo. */
  trustProxy: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /** Memory for rendered pages per process. */
  pageCacheBytes: number;
  /** Largest file an upload may be (KATSUDO_MAX_UPLOAD_MB, 20 by default). */
  maxUploadBytes: number;
  /** Admin sessions end after this long without a request (KATSUDO_SESSION_IDLE_MINUTES, 120). */
  sessionIdleMs: number;
  /** …and this long after login whatever happens (KATSUDO_SESSION_MAX_HOURS, 12). */
  sessionMaxMs: number;
}

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
    throw new ConfigError(`${name} must be a port number between 1 and 65535 (e.g. ${name}=3000), got "${value}"`);
  }
  return port;
}

function parseBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`KATSUDO_BASE_URL must be an absolute http(s) URL (e.g. KATSUDO_BASE_URL=https://www.example.jp), got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`KATSUDO_BASE_URL must start with http:// or https:// (e.g. KATSUDO_BASE_URL=https://www.example.jp), got "${value}"`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new ConfigError(`KATSUDO_BASE_URL must not have a query or fragment (e.g. KATSUDO_BASE_URL=https://www.example.jp), got "${value}"`);
  }
  return url.href.replace(/\/+$/, '');
}

export interface ConfigOverrides {
  port?: string;
  dataDir?: string;
}

/** Builds the configuration from the environment, with command-line flags taking precedence. */
export function loadConfig(overrides: ConfigOverrides = {}, env: Env = process.env): Config {
  const databaseUrl = env.DATABASE_URL;
  if (databaseUrl !== undefined && databaseUrl !== '' && !databaseUrl.startsWith('sqlite:')) {
    throw new ConfigError(
      'DATABASE_URL: only the embedded SQLite database is supported in this version; unset DATABASE_URL (data is kept under KATSUDO_DATA_DIR)',
    );
  }
  const portText = overrides.port ?? env.PORT ?? '3000';
  const port = parsePort(portText, overrides.port !== undefined ? '--port' : 'PORT');
  const host = env.HOST ?? '0.0.0.0';
  const dataDir = resolve(overrides.dataDir ?? env.KATSUDO_DATA_DIR ?? 'data');
  const baseUrl = parseBaseUrl(env.KATSUDO_BASE_URL ?? `http://localhost:${port}`);
  const trustProxyText = env.KATSUDO_TRUST_PROXY ?? 'false';
  if (trustProxyText !== 'true' && trustProxyText !== 'false') {
    throw new ConfigError(`KATSUDO_TRUST_PROXY must be true or false (e.g. KATSUDO_TRUST_PROXY=true), got "${trustProxyText}"`);
  }
  const logLevel = (env.KATSUDO_LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`KATSUDO_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (e.g. KATSUDO_LOG_LEVEL=warn), got "${logLevel}"`);
  }
  const cacheText = env.KATSUDO_PAGE_CACHE_MB ?? '8';
  const cacheMb = Number(cacheText);
  if (!/^\d+$/.test(cacheText) || cacheMb < 1 || cacheMb > 4096) {
    throw new ConfigError(`KATSUDO_PAGE_CACHE_MB must be a whole number of megabytes from 1 to 4096 (e.g. KATSUDO_PAGE_CACHE_MB=8), got "${cacheText}"`);
  }
  const uploadText = env.KATSUDO_MAX_UPLOAD_MB ?? '20';
  const uploadMb = Number(uploadText);
  if (!/^\d+$/.test(uploadText) || uploadMb < 1 || uploadMb > 1024) {
    throw new ConfigError(`KATSUDO_MAX_UPLOAD_MB must be a whole number of megabytes from 1 to 1024 (e.g. KATSUDO_MAX_UPLOAD_MB=20), got "${uploadText}"`);
  }
  return {
    port,
    host,
    dataDir,
    baseUrl,
    trustProxy: trustProxyText === 'true',
    logLevel,
    pageCacheBytes: cacheMb * 1024 * 1024,
    maxUploadBytes: uploadMb * 1024 * 1024,
    ...sessionTimes(env),
  };
}

/** Whole numbers within a range, for the session times. */
function wholeNumber(env: Env, name: string, fallback: string, min: number, max: number, example: string): number {
  const text = env[name] ?? fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (e.g. ${name}=${example}), got "${text}"`);
  }
  return value;
}

function sessionTimes(env: Env): { sessionIdleMs: number; sessionMaxMs: number } {
  const idleMinutes = wholeNumber(env, 'KATSUDO_SESSION_IDLE_MINUTES', '120', 5, 7 * 24 * 60, '120');
  const maxHours = wholeNumber(env, 'KATSUDO_SESSION_MAX_HOURS', '12', 1, 30 * 24, '12');
  if (idleMinutes > maxHours * 60) {
    throw new ConfigError(
      `KATSUDO_SESSION_IDLE_MINUTES (${idleMinutes}) must not be longer than KATSUDO_SESSION_MAX_HOURS (${maxHours} h) (e.g. KATSUDO_SESSION_IDLE_MINUTES=120 KATSUDO_SESSION_MAX_HOURS=12)`,
    );
  }
  return { sessionIdleMs: idleMinutes * 60_000, sessionMaxMs: maxHours * 60 * 60_000 };
}
