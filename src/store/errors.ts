// The one place where driver errors become domain errors: no raw SQLite or PostgreSQL
// error about a rule the user can break leaves store/.
import { SlugTakenError } from '../domain/errors.js';

interface DriverError {
  code?: string;
  message?: string;
  constraint?: string;
}

/** Re-throws `error` as a domain error when it is a known constraint violation, else as is. */
export function translateDbError(error: unknown, context: { slug?: string } = {}): never {
  const e = error as DriverError;
  const isUnique = e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === '23505';
  const mentionsSlug = /reports\.slug|reports_slug|pages_sibling_slug/.test(`${e?.message ?? ''} ${e?.constraint ?? ''}`);
  if (isUnique && mentionsSlug) throw new SlugTakenError(context.slug ?? '');
  throw error;
}
