// Opening a PostgreSQL database: Kysely's PostgresDialect over a `pg` pool. Contract:
// openPostgres({ url, poolSize }) resolves to a Kysely handle once one connection has
// succeeded (so a bad server, login or database name is reported at start, not at the first
// request) and rejects with DatabaseUnavailableError otherwise; the caller migrates it and
// owns it (destroy() ends the pool). Integers come back as numbers on both engines: count(*)
// and sum() are bigint in PostgreSQL, which `pg` would return as strings. The handle comes
// with its content-version reader registered (one query per round trip, store/site-state.ts).
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { DatabaseUnavailableError } from '../../domain/errors.js';
import type { Database } from '../database.js';
import { READ_VERSION, registerSharedVersionReader } from '../site-state.js';

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** How long a new connection may take before the start (or a request) gives up. */
const CONNECT_TIMEOUT_MS = 10_000;

export interface PostgresOptions {
  url: string;
  /** Connections kept by this process (config: KATSUDO_DATABASE_POOL). */
  poolSize: number;
}

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

export async function openPostgres(options: PostgresOptions): Promise<Kysely<Database>> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, types });
  // An idle connection the server closed (a restart, an administrator) is dropped by the pool
  // and replaced on next use; without a listener its error would end the process.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end();
    throw unavailable(error, options.url);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  // Read on every public request: straight through the pool (no query to compile), and
  // shared by the requests that wait at the same time (store/site-state.ts).
  registerSharedVersionReader(db, async () => {
    const result = await pool.query<[number]>({ text: READ_VERSION.sql, rowMode: 'array' });
    return result.rows[0]?.[0] ?? 0;
  });
  return db;
}

/** The reason in words an administrator can act on; the URL is shown without its password. */
function unavailable(error: unknown, url: string): DatabaseUnavailableError {
  const parsed = new URL(url);
  const server = `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}`;
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  const user = decodeURIComponent(parsed.username);
  const code = (error as { code?: unknown }).code;
  const detail = error instanceof Error ? error.message : String(error);
  if (code === '28P01' || code === '28000') {
    return new DatabaseUnavailableError(
      `PostgreSQL(${server})にユーザー「${user}」でログインできません。KATSUDO_DATABASE_URL のユーザー名とパスワードを確かめてください。(${detail})`,
      error,
    );
  }
  if (code === '3D000') {
    return new DatabaseUnavailableError(`PostgreSQL(${server})にデータベース「${database}」がありません。先に作成してください(例: createdb ${database})。`, error);
  }
  return new DatabaseUnavailableError(
    `PostgreSQL サーバー(${server})に接続できません。サーバーが動いているか、KATSUDO_DATABASE_URL のホスト名とポート番号を確かめてください。(${detail})`,
    error,
  );
}
