import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../src/config.js';

test('runs with zero configuration on port 3000 and ./data', () => {
  const config = loadConfig({}, {});
  assert.equal(config.port, 3000);
  assert.match(config.dataDir, /\/data$/);
  assert.equal(config.baseUrl, 'http://localhost:3000');
});

test('limits uploads to 20 MB unless KATSUDO_MAX_UPLOAD_MB says otherwise', () => {
  assert.equal(loadConfig({}, {}).maxUploadBytes, 20 * 1024 * 1024);
  assert.equal(loadConfig({}, { KATSUDO_MAX_UPLOAD_MB: '50' }).maxUploadBytes, 50 * 1024 * 1024);
});

test('ends admin sessions after 2 idle hours and 12 hours at most unless configured', () => {
  assert.equal(loadConfig({}, {}).sessionIdleMs, 120 * 60_000);
  assert.equal(loadConfig({}, {}).sessionMaxMs, 12 * 3_600_000);
  const custom = loadConfig({}, { KATSUDO_SESSION_IDLE_MINUTES: '30', KATSUDO_SESSION_MAX_HOURS: '8' });
  assert.equal(custom.sessionIdleMs, 30 * 60_000);
  assert.equal(custom.sessionMaxMs, 8 * 3_600_000);
});

test('keeps katsudo.db in the data directory unless KATSUDO_DATABASE_URL or DATABASE_URL names a database', () => {
  assert.deepEqual(loadConfig({}, { KATSUDO_DATA_DIR: '/srv/site' }).database, { file: '/srv/site/katsudo.db' });
  assert.deepEqual(loadConfig({}, { DATABASE_URL: 'sqlite:/srv/other.db' }).database, { file: '/srv/other.db' });
  assert.deepEqual(loadConfig({}, { DATABASE_URL: 'sqlite:///srv/other.db' }).database, { file: '/srv/other.db' });
  assert.deepEqual(loadConfig({}, { KATSUDO_DATABASE_URL: 'postgresql://u:p@db.internal:5433/site1' }).database, {
    postgres: { url: 'postgresql://u:p@db.internal:5433/site1', poolSize: 10 },
  });
  // KATSUDO_DATABASE_URL wins over the platform's DATABASE_URL; the pool size is configurable.
  assert.deepEqual(loadConfig({}, { KATSUDO_DATABASE_URL: 'postgres://u@db/a', DATABASE_URL: 'sqlite:/x.db', KATSUDO_DATABASE_POOL: '25' }).database, {
    postgres: { url: 'postgres://u@db/a', poolSize: 25 },
  });
});

test('does not repeat a database URL in its message, since it may hold a password', () => {
  assert.throws(
    () => loadConfig({}, { KATSUDO_DATABASE_URL: 'postgres://u:hunter2@db' }),
    (error: Error) => !error.message.includes('hunter2'),
  );
});

test('lets flags win over the environment', () => {
  const config = loadConfig({ port: '4000', dataDir: '/srv/katsudo' }, { PORT: '5000', KATSUDO_DATA_DIR: '/elsewhere' });
  assert.equal(config.port, 4000);
  assert.equal(config.dataDir, '/srv/katsudo');
});

test('drops the trailing slash of the base URL', () => {
  assert.equal(loadConfig({}, { KATSUDO_BASE_URL: 'https://www.example.jp/' }).baseUrl, 'https://www.example.jp');
});

test('keeps audit entries for 365 days unless KATSUDO_AUDIT_RETENTION_DAYS says otherwise', () => {
  assert.equal(loadConfig({}, {}).auditRetentionDays, 365);
  assert.equal(loadConfig({}, { KATSUDO_AUDIT_RETENTION_DAYS: '730' }).auditRetentionDays, 730);
});

test('warns below 200 MB of free space unless KATSUDO_MIN_FREE_MB says otherwise', () => {
  assert.equal(loadConfig({}, {}).minFreeBytes, 200 * 1024 * 1024);
  assert.equal(loadConfig({}, { KATSUDO_MIN_FREE_MB: '1024' }).minFreeBytes, 1024 * 1024 * 1024);
  assert.equal(loadConfig({}, { KATSUDO_MIN_FREE_MB: '0' }).minFreeBytes, 0);
  assert.throws(
    () => loadConfig({}, { KATSUDO_MIN_FREE_MB: '200MB' }),
    (e: unknown) => e instanceof ConfigError && /KATSUDO_MIN_FREE_MB=200/.test(e.message),
  );
});

test('trusts no proxy unless KATSUDO_TRUST_PROXY names addresses, CIDRs or a hop count', () => {
  assert.deepEqual(loadConfig({}, {}).trustProxy, { kind: 'none' });
  assert.deepEqual(loadConfig({}, { KATSUDO_TRUST_PROXY: 'false' }).trustProxy, { kind: 'none' });
  assert.deepEqual(loadConfig({}, { KATSUDO_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,2001:db8::/32' }).trustProxy, {
    kind: 'addresses',
    addresses: ['127.0.0.1', '10.0.0.0/8', '::1', '2001:db8::/32'],
  });
  assert.deepEqual(loadConfig({}, { KATSUDO_TRUST_PROXY: '2' }).trustProxy, { kind: 'hops', hops: 2 });
});

test('names the variable and a valid example when a value is wrong', () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ PORT: '70000' }, /PORT.*PORT=3000/],
    [{ KATSUDO_BASE_URL: 'ftp://x' }, /KATSUDO_BASE_URL.*https:\/\/www\.example\.jp/],
    [{ KATSUDO_BASE_URL: 'https://x/?a=1' }, /KATSUDO_BASE_URL/],
    [{ KATSUDO_BASE_URL: 'https://www.example.jp/members/yamada/' }, /KATSUDO_BASE_URL にはパスを含まない URL.*KATSUDO_BASE_URL=https:\/\/www\.example\.jp/],
    [{ KATSUDO_TRUST_PROXY: 'yes' }, /KATSUDO_TRUST_PROXY.*KATSUDO_TRUST_PROXY=127\.0\.0\.1/],
    [{ KATSUDO_TRUST_PROXY: 'true' }, /KATSUDO_TRUST_PROXY=true は使えなくなりました.*どのクライアントも.*KATSUDO_TRUST_PROXY=10\.0\.0\.0\/8/],
    [{ KATSUDO_TRUST_PROXY: '10.0.0.0/33' }, /KATSUDO_TRUST_PROXY: "10\.0\.0\.0\/33".*KATSUDO_TRUST_PROXY=127\.0\.0\.1/],
    [{ KATSUDO_TRUST_PROXY: '10.0.0.256' }, /KATSUDO_TRUST_PROXY/],
    [{ KATSUDO_TRUST_PROXY: '127.0.0.1,' }, /KATSUDO_TRUST_PROXY/],
    [{ KATSUDO_TRUST_PROXY: '2001:db8::/129' }, /KATSUDO_TRUST_PROXY/],
    [{ KATSUDO_TRUST_PROXY: '11' }, /プロキシの数は1〜10.*KATSUDO_TRUST_PROXY=1/],
    [{ KATSUDO_LOG_LEVEL: 'loud' }, /KATSUDO_LOG_LEVEL=warn/],
    [{ DATABASE_URL: 'mysql://localhost/katsudo' }, /DATABASE_URL: 使えるのは postgres:\/\/.*KATSUDO_DATABASE_URL=postgres:\/\/katsudo:/],
    [{ KATSUDO_DATABASE_URL: 'postgres://localhost' }, /KATSUDO_DATABASE_URL: データベース名がありません/],
    [{ KATSUDO_DATABASE_URL: 'postgres:not a url' }, /KATSUDO_DATABASE_URL: (URL として読めません|PostgreSQL サーバーのホスト名がありません)/],
    [{ KATSUDO_DATABASE_URL: 'sqlite:' }, /KATSUDO_DATABASE_URL: sqlite: の後に/],
    [{ KATSUDO_DATABASE_URL: 'postgres://db/katsudo', KATSUDO_DATABASE_POOL: '0' }, /KATSUDO_DATABASE_POOL=10/],
    [{ KATSUDO_PAGE_CACHE_MB: '0' }, /KATSUDO_PAGE_CACHE_MB=8/],
    [{ KATSUDO_PAGE_CACHE_MB: '1.5' }, /KATSUDO_PAGE_CACHE_MB/],
    [{ KATSUDO_MAX_UPLOAD_MB: '0' }, /KATSUDO_MAX_UPLOAD_MB=20/],
    [{ KATSUDO_MAX_UPLOAD_MB: '2.5' }, /KATSUDO_MAX_UPLOAD_MB/],
    [{ KATSUDO_MAX_UPLOAD_MB: '2048' }, /KATSUDO_MAX_UPLOAD_MB/],
    [{ KATSUDO_SESSION_IDLE_MINUTES: 'two hours' }, /KATSUDO_SESSION_IDLE_MINUTES=120/],
    [{ KATSUDO_SESSION_IDLE_MINUTES: '0' }, /KATSUDO_SESSION_IDLE_MINUTES/],
    [{ KATSUDO_SESSION_MAX_HOURS: '0' }, /KATSUDO_SESSION_MAX_HOURS=12/],
    [{ KATSUDO_SESSION_IDLE_MINUTES: '600', KATSUDO_SESSION_MAX_HOURS: '2' }, /より長くできません/],
    [{ KATSUDO_AUDIT_RETENTION_DAYS: '0' }, /KATSUDO_AUDIT_RETENTION_DAYS=365/],
    [{ KATSUDO_AUDIT_RETENTION_DAYS: 'forever' }, /KATSUDO_AUDIT_RETENTION_DAYS=365/],
  ];
  for (const [env, message] of cases)
    assert.throws(
      () => loadConfig({}, env),
      (e: unknown) => e instanceof ConfigError && message.test(e.message),
    );
});

test('runs slow work on up to 4 threads with 32 waiting, unless KATSUDO_WORK_THREADS and KATSUDO_WORK_QUEUE say otherwise', () => {
  const defaults = loadConfig({}, {});
  assert.ok(defaults.workThreads >= 1 && defaults.workThreads <= 4);
  assert.equal(defaults.workQueueLimit, 32);
  const set = loadConfig({}, { KATSUDO_WORK_THREADS: '8', KATSUDO_WORK_QUEUE: '0' });
  assert.equal(set.workThreads, 8);
  assert.equal(set.workQueueLimit, 0);
});

test('stops a worker thread idle for 30 s unless KATSUDO_WORK_IDLE_SECONDS says otherwise; 0 keeps them', () => {
  assert.equal(loadConfig({}, {}).workIdleMs, 30_000);
  assert.equal(loadConfig({}, { KATSUDO_WORK_IDLE_SECONDS: '600' }).workIdleMs, 600_000);
  assert.equal(loadConfig({}, { KATSUDO_WORK_IDLE_SECONDS: '0' }).workIdleMs, 0);
});

test('limits each client to 60 searches, 300 API requests and 60 feed requests a minute unless configured; 0 lifts a limit', () => {
  assert.deepEqual(loadConfig({}, {}).rateLimits, { searchPerMinute: 60, apiPerMinute: 300, feedsPerMinute: 60 });
  const set = loadConfig({}, { KATSUDO_RATE_LIMIT_SEARCH: '1000000', KATSUDO_RATE_LIMIT_API: '0', KATSUDO_RATE_LIMIT_FEEDS: '5' });
  assert.deepEqual(set.rateLimits, { searchPerMinute: 1_000_000, apiPerMinute: 0, feedsPerMinute: 5 });
});

test('names the work pool and rate-limit variables and a valid example when a value is wrong', () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ KATSUDO_WORK_THREADS: '0' }, /KATSUDO_WORK_THREADS=2/],
    [{ KATSUDO_WORK_THREADS: 'many' }, /KATSUDO_WORK_THREADS=2/],
    [{ KATSUDO_WORK_QUEUE: '-1' }, /KATSUDO_WORK_QUEUE=32/],
    [{ KATSUDO_WORK_IDLE_SECONDS: '30s' }, /KATSUDO_WORK_IDLE_SECONDS=30/],
    [{ KATSUDO_WORK_IDLE_SECONDS: '86401' }, /KATSUDO_WORK_IDLE_SECONDS=30/],
    [{ KATSUDO_RATE_LIMIT_SEARCH: '60/min' }, /KATSUDO_RATE_LIMIT_SEARCH=60/],
    [{ KATSUDO_RATE_LIMIT_API: '1.5' }, /KATSUDO_RATE_LIMIT_API=300/],
    [{ KATSUDO_RATE_LIMIT_FEEDS: '2000000' }, /KATSUDO_RATE_LIMIT_FEEDS=60/],
  ];
  for (const [env, message] of cases)
    assert.throws(
      () => loadConfig({}, env),
      (e: unknown) => e instanceof ConfigError && message.test(e.message),
    );
});

test("scheduled backups are refused with a database URL: the archive holds the data directory's katsudo.db only", () => {
  assert.throws(
    () => loadConfig({}, { KATSUDO_BACKUP_DIR: '/srv/backup', KATSUDO_DATABASE_URL: 'postgres://katsudo:pw@127.0.0.1/katsudo' }),
    /KATSUDO_BACKUP_DIR: サーバーによる定時バックアップはデータディレクトリの katsudo\.db だけを扱います。KATSUDO_DATABASE_URL を使うときは.*pg_dump/,
  );
});

test('scheduled backups are on only with KATSUDO_BACKUP_DIR, at 03:00 Japan time keeping 7 by default', () => {
  assert.equal(loadConfig({}, {}).backup, undefined);
  assert.deepEqual(loadConfig({}, { KATSUDO_BACKUP_DIR: '/srv/backup' }).backup, { dir: '/srv/backup', time: { hour: 3, minute: 0 }, keep: 7 });
  assert.deepEqual(loadConfig({}, { KATSUDO_BACKUP_DIR: '/srv/backup', KATSUDO_BACKUP_TIME: '23:45', KATSUDO_BACKUP_KEEP: '30' }).backup?.time, { hour: 23, minute: 45 });
  assert.throws(
    () => loadConfig({}, { KATSUDO_BACKUP_DIR: '/srv/backup', KATSUDO_BACKUP_TIME: '24:00' }),
    /KATSUDO_BACKUP_TIME は日本時間の時刻を HH:MM で.*指定された値: "24:00"/,
  );
  assert.throws(() => loadConfig({}, { KATSUDO_BACKUP_DIR: '/srv/backup', KATSUDO_BACKUP_KEEP: '0' }), /KATSUDO_BACKUP_KEEP は1〜1000の整数/);
});

test('keeps the static export up to date only with KATSUDO_EXPORT_DIR, outside the data directory and not on a file', () => {
  assert.equal(loadConfig({}, {}).exportDir, undefined);
  const dir = mkdtempSync(join(tmpdir(), 'katsudo-config-export-'));
  try {
    assert.equal(loadConfig({ dataDir: join(dir, 'data') }, { KATSUDO_EXPORT_DIR: join(dir, 'public') }).exportDir, join(dir, 'public'));
    assert.throws(
      () => loadConfig({ dataDir: join(dir, 'data') }, { KATSUDO_EXPORT_DIR: join(dir, 'data', 'public') }),
      /KATSUDO_EXPORT_DIR: .*データディレクトリ.*と重なっています/,
    );
    writeFileSync(join(dir, 'a-file'), 'x');
    assert.throws(() => loadConfig({ dataDir: join(dir, 'data') }, { KATSUDO_EXPORT_DIR: join(dir, 'a-file') }), /KATSUDO_EXPORT_DIR: .*ファイルです/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
