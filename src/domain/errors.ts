// Expected failures, independent of HTTP and the CLI. Each has a stable `code`
// (part of the API: never rename one, only add). web/errors.ts maps codes to HTTP
// statuses and cli/main.ts to exit codes; a test keeps the three lists in step.

export interface FieldMessages {
  [field: string]: string;
}

export class AppError extends Error {
  readonly code: string;
  readonly details: unknown;

  constructor(code: string, message: string, options: { details?: unknown; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.details = options.details;
  }
}

export class NotFoundError extends AppError {
  /** What was looked for (an id, slug or login), for messages written elsewhere (cli/main.ts). */
  readonly what: string;

  constructor(code: string, message: string, what: string) {
    super(code, message);
    this.what = what;
  }
}

export class ReportNotFoundError extends NotFoundError {
  constructor(what: string) {
    super('REPORT_NOT_FOUND', `report not found: ${what}`, what);
  }
}

/** A page beyond the last one, or an archive that has no reports. */
export class PageNotFoundError extends NotFoundError {
  constructor(what: string) {
    super('PAGE_NOT_FOUND', `page not found: ${what}`, what);
  }
}

export class MediaNotFoundError extends NotFoundError {
  constructor(what: string) {
    super('MEDIA_NOT_FOUND', `media not found: ${what}`, what);
  }
}

export class UserNotFoundError extends NotFoundError {
  constructor(what: string) {
    super('USER_NOT_FOUND', `user not found: ${what}`, what);
  }
}

/** Input that breaks a rule; `fields` holds one message per offending field (Japanese, shown to users). */
export class ValidationError extends AppError {
  readonly fields: FieldMessages;

  constructor(message: string, fields: FieldMessages = {}) {
    super('VALIDATION_FAILED', message, { details: fields });
    this.fields = fields;
  }
}

export class ConflictError extends AppError {}

export class SlugTakenError extends ConflictError {
  constructor(slug: string) {
    super('SLUG_TAKEN', `slug already used by another report: ${slug}`);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'forbidden') {
    super('FORBIDDEN', message);
  }
}

export class RevisionNotFoundError extends NotFoundError {
  constructor(what: string) {
    super('REVISION_NOT_FOUND', `revision not found: ${what}`, what);
  }
}

/** An act the report's current status does not allow (publish a trashed report, delete one not in the trash). */
export class ReportStateError extends ConflictError {
  constructor(message: string) {
    super('REPORT_STATE_CONFLICT', message);
  }
}

/**
 * A save based on a version the report has moved on from. Nothing was applied; `details`
 * carries what the page needs to show both texts (see actions/reports/save-report.ts).
 */
export class EditConflictError extends ConflictError {
  constructor(message: string, details: unknown) {
    super('EDIT_CONFLICT', message, { details });
  }
}

/** A report or a fixed page using a media file (actions/media/list-media-users.ts says how). */
export interface MediaUser {
  kind: 'report' | 'page';
  id: number;
  title: string;
  status: string;
}

/** Deleting media that reports or pages use; `reports` lists them all, pages included. */
export class MediaInUseError extends ConflictError {
  readonly reports: MediaUser[];

  constructor(mediaId: number, reports: MediaUser[]) {
    const names = reports.map((r) => `${r.kind} ${r.id}`).join(', ');
    super('MEDIA_IN_USE', `media ${mediaId} is used by ${names}`, { details: { reports } });
    this.reports = reports;
  }
}

/**
 * Work that cannot be done right now; the client may try again after `retryAfterSeconds`
 * (HTTP 503 with Retry-After). Thrown by the work pool (actions/runtime/work-pool.ts).
 */
export class UnavailableError extends AppError {
  readonly retryAfterSeconds: number;

  constructor(code: string, message: string, retryAfterSeconds: number) {
    super(code, message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Every worker is busy and the queue of waiting tasks is full: refused at once rather than queued for seconds. */
export class ServerBusyError extends UnavailableError {
  constructor(retryAfterSeconds = 5) {
    super('SERVER_BUSY', 'the server is busy: too many requests are waiting for a worker', retryAfterSeconds);
  }
}

/** A task ran past its time limit; its worker thread was stopped and replaced. */
export class WorkTimeoutError extends UnavailableError {
  constructor(task: string, timeoutMs: number, retryAfterSeconds = 5) {
    super('WORK_TIMEOUT', `the ${task} task took longer than ${timeoutMs} ms and was stopped`, retryAfterSeconds);
  }
}

/**
 * A native module (argon2, sharp) could not be loaded: the installation is broken, not the
 * input. Never reported to users as their mistake (a wrong password, a broken image).
 */
export class NativeModuleError extends AppError {
  readonly moduleName: string;

  constructor(moduleName: string, cause: unknown) {
    super('NATIVE_MODULE_UNAVAILABLE', `the native module ${moduleName} could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.moduleName = moduleName;
  }
}

/** A backup archive that is damaged, incomplete or not katsudo's (actions/site/backup/). */
export class BackupInvalidError extends AppError {
  constructor(message: string) {
    super('BACKUP_INVALID', message);
  }
}

/** A restore that would overwrite data or that this katsudo cannot read (a newer schema). */
export class RestoreRefusedError extends AppError {
  constructor(message: string) {
    super('RESTORE_REFUSED', message);
  }
}

/**
 * The disk (or the database's size limit) is full: SQLITE_FULL from SQLite, 53100 from PostgreSQL, ENOSPC from a
 * file write. The original error is the cause, so the log names it; nothing was saved.
 */
export class DiskFullError extends AppError {
  constructor(cause: unknown) {
    super('DISK_FULL', '保存先のディスクに空きがありません。この操作は完了していません。管理者に連絡して空き容量を増やしてから、もう一度お試しください。', { cause });
  }
}

/**
 * The database server cannot be used: unreachable, the login refused, or the database missing
 * (PostgreSQL, store/dialects/postgres.ts). The message says which, in Japanese, without the password.
 */
export class DatabaseUnavailableError extends AppError {
  constructor(message: string, cause: unknown) {
    super('DATABASE_UNAVAILABLE', message, { cause });
  }
}

/** Another `katsudo build` is writing into the same output folder (exporter/build-lock.ts). */
export class BuildInProgressError extends ConflictError {
  constructor(outDir: string, holderPid: number | undefined) {
    const who = holderPid === undefined ? '別の katsudo build' : `別の katsudo build(プロセス ${holderPid})`;
    super('BUILD_IN_PROGRESS', `書き出し先 ${outDir} には${who}が書き出し中です。終わってからもう一度実行してください。`);
  }
}

/** `katsudo copy-db` into a database that already holds a site (actions/site/copy-database.ts): nothing was written. */
export class CopyRefusedError extends AppError {
  constructor(message: string) {
    super('COPY_REFUSED', message);
  }
}

/** `katsudo copy-db` found the copy's counts or checksums different from the source's. */
export class CopyMismatchError extends AppError {
  constructor(message: string) {
    super('COPY_MISMATCH', message);
  }
}

// SQLSTATE 53100 disk_full: PostgreSQL's server could not extend a file. DISK_FULL: a
// DiskFullError revived from a worker thread (work-pool.ts keeps an AppError's code, not its class).
const DISK_FULL_CODES = new Set(['SQLITE_FULL', 'ENOSPC', '53100', 'DISK_FULL']);

/** The error as a DiskFullError when it, or one of its causes, is a full disk; else undefined. */
export function diskFullFrom(error: unknown): DiskFullError | undefined {
  if (error instanceof DiskFullError) return error;
  for (let e = error, depth = 0; e instanceof Error && depth < 6; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && DISK_FULL_CODES.has(code)) return new DiskFullError(error);
  }
  return undefined;
}

/** Every code an AppError can carry; web/errors.ts and cli/main.ts must map each one. */
export const ERROR_CODES = [
  'REPORT_NOT_FOUND',
  'MEDIA_NOT_FOUND',
  'PAGE_NOT_FOUND',
  'VALIDATION_FAILED',
  'SLUG_TAKEN',
  'FORBIDDEN',
  'REVISION_NOT_FOUND',
  'REPORT_STATE_CONFLICT',
  'EDIT_CONFLICT',
  'MEDIA_IN_USE',
  'USER_NOT_FOUND',
  'SERVER_BUSY',
  'WORK_TIMEOUT',
  'NATIVE_MODULE_UNAVAILABLE',
  'BACKUP_INVALID',
  'RESTORE_REFUSED',
  'DISK_FULL',
  'DATABASE_UNAVAILABLE',
  'BUILD_IN_PROGRESS',
  'COPY_REFUSED',
  'COPY_MISMATCH',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
