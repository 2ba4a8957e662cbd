// The one place where driver errors become domain errors: no raw SQLite or PostgreSQL
// error about a rule the user can break leaves store/.
import { MediaInUseError, MediaNotFoundError, SlugTakenError } from '../domain/errors.js';

interface DriverError {
  code?: string;
  message?: string;
  constraint?: string;
}

/**
 * Re-throws `error` as a domain error when it is a known constraint violation, else as is.
 * `mediaId`: a write that names a media record. Its foreign key fails only when a deletion of
 * that record ran at the same time (PostgreSQL runs them side by side; the checks before the
 * write passed): an attachment written then finds the record gone, and a deletion finds it
 * used after all.
 */
export function translateDbError(error: unknown, context: { slug?: string; mediaId?: number; isMediaDelete?: boolean } = {}): never {
  const e = error as DriverError;
  const isUnique = e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === '23505';
  const mentionsSlug = /reports\.slug|reports_slug|pages_sibling_slug/.test(`${e?.message ?? ''} ${e?.constraint ?? ''}`);
  if (isUnique && mentionsSlug) throw new SlugTakenError(context.slug ?? '');
  const isForeignKey = e?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || e?.code === '23503';
  if (isForeignKey && context.mediaId !== undefined) {
    throw context.isMediaDelete ? new MediaInUseError(context.mediaId, []) : new MediaNotFoundError(String(context.mediaId));
  }
  throw error;
}
