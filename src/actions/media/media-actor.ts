// Who is acting on media, as the audit log records it. Structurally the same fields as the
// session's acting user (domain/user.ts Actor), so the admin routes pass that object as is.
export interface MediaActor {
  /** Absent: the system itself, e.g. an import run from the CLI, where no account acts. */
  userId?: number;
  login: string;
  /** The client's address for the audit log; absent from the CLI. */
  ip?: string;
}

/** The audit log fields for an act by `user`. */
export function auditBy(user: MediaActor): { userId?: number; login: string; ip?: string } {
  return {
    ...(user.userId === undefined ? {} : { userId: user.userId }),
    login: user.login,
    ...(user.ip === undefined ? {} : { ip: user.ip }),
  };
}
