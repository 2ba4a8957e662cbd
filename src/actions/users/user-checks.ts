// Checks shared by the account actions: the acting user's permission, and a ValidationError
// whose message is plain English (the CLI shows it) and whose fields are Japanese (pages show them).
import { ForbiddenError, ValidationError } from '../../domain/errors.js';
import { hasRole, type Actor, type Problem, type Role } from '../../domain/user.js';

/** `actor` undefined means the command line, run by whoever holds the server. */
export function requireRole(actor: Actor | undefined, role: Role): void {
  if (actor && !hasRole(actor.role, role)) throw new ForbiddenError(`${role} role required`);
}

/** Throws when any field has a problem; does nothing otherwise. */
export function throwProblems(problems: Record<string, Problem | undefined>): void {
  const found = Object.entries(problems).filter((entry): entry is [string, Problem] => entry[1] !== undefined);
  if (found.length === 0) return;
  throw new ValidationError(found.map(([, p]) => p.english).join('; '), Object.fromEntries(found.map(([field, p]) => [field, p.message])));
}

export function auditActor(actor: Actor | undefined): { userId?: number; login: string; ip: string } {
  return actor ? { userId: actor.userId, login: actor.login, ip: actor.ip ?? '' } : { login: '', ip: '' };
}

export const VIA_CLI = { via: 'cli' } as const;
