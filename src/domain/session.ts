// A login session as stored: the cookie's token is known only by its hash, which never
// leaves the store.

export interface Session {
  id: number;
  userId: number;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string;
  userAgent: string;
}
