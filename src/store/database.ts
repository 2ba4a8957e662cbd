// The database handle and the shape of every table (the *Row types), one type for SQLite and
// PostgreSQL. Opening a database also migrates it, so no caller ever sees an old schema.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteAdapter, SqliteDialect, SqliteDriver, type DatabaseConnection, type DialectAdapter, type Driver, type Generated, type Selectable } from 'kysely';
import type { PostgresOptions } from './dialects/postgres.js';
import { migrateToLatest } from './migrate.js';
import { registerSqliteVersionReader } from './site-state.js';
import { SQLITE_CACHE_KIB } from './sqlite-cache-size.js';
import { withStatementCache } from './statement-cache.js';

export interface ReportsTable {
  id: Generated<number>;
  slug: string;
  title: string;
  activity_date: string;
  published_at: string | null;
  status: string;
  body_source: string;
  body_html: string;
  body_text: string;
  outline_json: string;
  summary: string;
  category_id: number | null;
  lang: string;
  version: number;
  created_at: string;
  updated_at: string;
  author_id: number | null;
  submitted_at: string | null;
  scheduled_at: string | null;
  trashed_at: string | null;
  /** The author as the imported site named them (WordPress display name); null otherwise. */
  author_name: Generated<string | null>;
  /** The renderer version body_html / body_text / outline_json came from (migration 0015; 1 = before versions). */
  render_version: Generated<number>;
}

export interface CategoriesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  position: number;
}

export interface TagsTable {
  id: Generated<number>;
  name: string;
}

export interface ReportTagsTable {
  report_id: number;
  tag_id: number;
  position: number;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface MediaTable {
  id: Generated<number>;
  sha256: string;
  original_name: string;
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
  pages: number | null;
  created_at: string;
  alt_text: Generated<string>;
  /** Text read from a PDF (migration 0009); null when none was read. */
  text: string | null;
  /** null (never read) | 'complete' | 'truncated' | 'failed'. */
  text_status: string | null;
}

/** A report's or a fixed page's attachment list (migration 0014): exactly one of the two ids is set. */
export interface AttachmentsTable {
  report_id: number | null;
  page_id: number | null;
  media_id: number;
  label: string;
  summary: string;
  position: number;
  /** This use's alt text (migration 0020); NULL until one is given, media.alt_text shown meanwhile. */
  alt_text: string | null;
}

/** The content hashes each report's rendered body links to (migration 0011), kept with the body. */
export interface ReportBodyMediaTable {
  report_id: number;
  sha256: string;
}

export interface RedirectsTable {
  from_path: string;
  to_path: string;
  created_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  login: string;
  display_name: string;
  password_hash: string;
  role: string;
  is_disabled: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: Generated<number>;
  /** SHA-256 (hex) of the cookie's random id. */
  token_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  /** Absolute expiry; idle expiry is computed from last_seen_at. */
  expires_at: string;
  ip: Generated<string>;
  user_agent: Generated<string>;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  last_failure_at: string;
  blocked_until: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  login: Generated<string>;
  action: string;
  target: Generated<string>;
  detail: Generated<string>;
  ip: Generated<string>;
  /** How many identical entries this row stands for (migration 0008). */
  count: Generated<number>;
  /** When the last of them happened. */
  last_at: Generated<string>;
  /** The fold window (domain/audit-policy.ts); NULL for rows from before folding. */
  fold_window: number | null;
}

/** A fixed page (migration 0012): the report's body columns, a parent and an order among siblings. */
export interface PagesTable {
  id: Generated<number>;
  slug: string;
  title: string;
  parent_id: number | null;
  position: number;
  status: string;
  body_source: string;
  body_html: string;
  body_text: string;
  outline_json: string;
  summary: string;
  author_id: number | null;
  version: number;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  trashed_at: string | null;
  /** As reports.render_version. */
  render_version: Generated<number>;
}

/** The refs a report's or page's body names after `media:` (report_media_refs, page_media_refs: migration 0015). */
export interface MediaRefsTable {
  item_id: number;
  ref: string;
}

/** The content hashes each page's rendered body links to, as report_body_media for reports. */
export interface PageBodyMediaTable {
  page_id: number;
  sha256: string;
}

/** One row per save of a report or (migration 0012) of a page: exactly one of the two ids is set. */
export interface RevisionsTable {
  id: Generated<number>;
  report_id: number | null;
  page_id: Generated<number | null>;
  version: number;
  title: string;
  slug: string;
  activity_date: string;
  category_id: number | null;
  tags_json: Generated<string>;
  summary: Generated<string>;
  body_source: string;
  status: string;
  author_id: number | null;
  note: Generated<string>;
  created_at: string;
}

/** A WebP copy of an image at one width, shared by every media record of the same bytes. */
export interface MediaVariantsTable {
  source_sha256: string;
  width: number;
  height: number;
  sha256: string;
  mime: string;
  bytes: number;
}

export interface ServerSecretsTable {
  name: string;
  value: string;
  created_at: string;
}

/** Which report an imported item became (see store/import-sources.ts). */
export interface ImportSourcesTable {
  id: Generated<number>;
  source_kind: string;
  source_key: string;
  report_id: number;
  content_hash: string;
  imported_at: string;
  /** The report's version and status right after the import wrote it (migration 0021; null before). */
  item_version: Generated<number | null>;
  item_status: Generated<string | null>;
}

/** Which page an imported item became (see store/import-sources.ts). */
export interface PageImportSourcesTable {
  id: Generated<number>;
  source_kind: string;
  source_key: string;
  page_id: number;
  content_hash: string;
  imported_at: string;
  /** As ImportSourcesTable.item_version / item_status, for the page. */
  item_version: Generated<number | null>;
  item_status: Generated<string | null>;
}

/** One row: the content version, bumped by every write so caches know when to refresh. */
export interface SiteStateTable {
  id: number;
  content_version: number;
}

/** An authenticator-app secret (two-factor sign-in); enabled once a first code was right. */
export interface TotpFactorsTable {
  user_id: number;
  secret_box: string;
  enabled_at: string | null;
  last_step: Generated<number>;
  created_at: string;
}

export interface RecoveryCodesTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  used_at: string | null;
  created_at: string;
}

export interface PasskeysTable {
  id: Generated<number>;
  user_id: number;
  credential_id: string;
  public_key: string;
  counter: Generated<number>;
  transports: Generated<string>;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

/** Password accepted, second factor awaited: a few minutes, then gone. */
export interface PendingLoginsTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  expires_at: string;
  ip: Generated<string>;
  user_agent: Generated<string>;
  created_at: string;
}

export interface WebauthnChallengesTable {
  challenge: string;
  purpose: string;
  binding: string;
  user_id: number | null;
  expires_at: string;
}

/** One-time keys of rendered create/publish forms (migration 0016). */
export interface SubmissionKeysTable {
  user_id: number;
  submission_key: string;
  result_path: string | null;
  created_at: string;
  expires_at: string;
}

/** What the first-start demo wrote (migration 0016). */
export interface DemoItemsTable {
  item_kind: string;
  item_id: number;
}

export interface AutosavesTable {
  user_id: number;
  item_kind: string;
  item_id: number;
  fields: string;
  saved_at: string;
}

/** One activity record per report (issue 16); its lists live in the activity_* tables below. */
export interface ActivityRecordsTable {
  report_id: number;
  kind: string;
  activity_date: string | null;
  place: string | null;
  is_confirmed: Generated<number>;
  updated_at: string;
}

export interface ActivitySpansTable {
  report_id: number;
  position: number;
  label: string | null;
  start_time: string;
  end_time: string | null;
}

export interface ActivityParticipantsTable {
  report_id: number;
  position: number;
  name: string;
  title: string | null;
  side: string | null;
  organisation: string | null;
  country: string | null;
  is_legislator: Generated<number>;
}

export interface ActivityOutcomesTable {
  report_id: number;
  position: number;
  sentence: string;
}

export interface ActivityAffiliationsTable {
  report_id: number;
  position: number;
  /** 'organisation' | 'country' */
  kind: string;
  name: string;
}

export interface ActivityDocumentsTable {
  report_id: number;
  position: number;
  title: string;
  url: string;
}

export interface Database {
  reports: ReportsTable;
  categories: CategoriesTable;
  tags: TagsTable;
  report_tags: ReportTagsTable;
  settings: SettingsTable;
  media: MediaTable;
  attachments: AttachmentsTable;
  report_body_media: ReportBodyMediaTable;
  redirects: RedirectsTable;
  site_state: SiteStateTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  revisions: RevisionsTable;
  pages: PagesTable;
  page_body_media: PageBodyMediaTable;
  report_media_refs: MediaRefsTable;
  page_media_refs: MediaRefsTable;
  server_secrets: ServerSecretsTable;
  media_variants: MediaVariantsTable;
  import_sources: ImportSourcesTable;
  page_import_sources: PageImportSourcesTable;
  totp_factors: TotpFactorsTable;
  recovery_codes: RecoveryCodesTable;
  passkeys: PasskeysTable;
  pending_logins: PendingLoginsTable;
  webauthn_challenges: WebauthnChallengesTable;
  submission_keys: SubmissionKeysTable;
  demo_items: DemoItemsTable;
  autosaves: AutosavesTable;
  activity_records: ActivityRecordsTable;
  activity_spans: ActivitySpansTable;
  activity_participants: ActivityParticipantsTable;
  activity_outcomes: ActivityOutcomesTable;
  activity_affiliations: ActivityAffiliationsTable;
  activity_documents: ActivityDocumentsTable;
}

export type ReportRow = Selectable<ReportsTable>;
export type CategoryRow = Selectable<CategoriesTable>;
export type MediaRow = Selectable<MediaTable>;
export type PageRow = Selectable<PagesTable>;

export type Db = Kysely<Database>;

/**
 * SQLite runs DDL inside transactions, but Kysely's adapter says it cannot, so its Migrator
 * would apply a migration statement by statement: a process stopped in the middle (Ctrl-C
 * during the first start after an upgrade, while 0002 indexes every report) left a table
 * created and the migration unrecorded, and every later start failed. Saying yes makes each
 * run of migrations one transaction, recorded with its changes or not at all.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/**
 * SQLite ends the transaction itself on some errors (SQLITE_FULL, SQLITE_IOERR): Kysely's
 * ROLLBACK then fails with "cannot rollback - no transaction is active", and that error
 * replaced the one that mattered (a full disk logged as a rollback bug). When no transaction
 * is open any more there is nothing to roll back, so the original error goes on as it is.
 */
class OriginalErrorSqliteDriver extends SqliteDriver {
  readonly #sqlite: SqliteDatabase.Database;

  constructor(sqlite: SqliteDatabase.Database) {
    super({ database: sqlite });
    this.#sqlite = sqlite;
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.#sqlite.inTransaction) await super.rollbackTransaction(connection);
  }

  override async rollbackToSavepoint(...args: Parameters<SqliteDriver['rollbackToSavepoint']>): Promise<void> {
    if (this.#sqlite.inTransaction) await super.rollbackToSavepoint(...args);
  }
}

class KatsudoSqliteDialect extends SqliteDialect {
  readonly #sqlite: SqliteDatabase.Database;

  constructor(sqlite: SqliteDatabase.Database) {
    super({ database: sqlite });
    this.#sqlite = sqlite;
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }

  override createDriver(): Driver {
    return new OriginalErrorSqliteDriver(this.#sqlite);
  }
}

/**
 * Which database: a SQLite file (':memory:' is refused because tests must use real files), or a
 * PostgreSQL server (config.ts reads KATSUDO_DATABASE_URL into one or the other).
 */
export type OpenOptions = { file: string } | { postgres: PostgresOptions };

/**
 * Opens (creating the SQLite file if needed) the database and migrates it to the latest schema.
 * @throws DatabaseUnavailableError when the PostgreSQL server cannot be reached or refuses the login.
 */
export async function openDatabase(options: OpenOptions): Promise<Db> {
  if ('postgres' in options) {
    // The dialect and its driver (`pg`) are loaded for a PostgreSQL database only: on SQLite a
    // command, the server and each worker thread start without them (read-only-database.ts too).
    const { openPostgres } = await import('./dialects/postgres.js');
    return migrated(await openPostgres(options.postgres));
  }
  return openSqlite(options.file);
}

async function migrated(db: Db): Promise<Db> {
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

async function openSqlite(file: string): Promise<Db> {
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  // WAL lets several server processes read while one writes; NORMAL sync is safe in WAL
  // (a power cut may lose the last commits, never corrupt the file).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
  const db = await migrated(new Kysely<Database>({ dialect: new KatsudoSqliteDialect(withStatementCache(sqlite)) }));
  // A second, read-only connection: Kysely's connection may be inside a write transaction
  // between awaits, and the version must only ever show committed writes.
  const reader = new SqliteDatabase(file, { readonly: true });
  registerSqliteVersionReader(db, reader);
  const destroy = db.destroy.bind(db);
  db.destroy = async () => {
    reader.close();
    await destroy();
  };
  return db;
}
