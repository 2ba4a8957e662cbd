// The content version: a counter bumped in every write transaction. Page caches of
// every process compare it with the version they rendered at.
import { CompiledQuery, type Kysely } from 'kysely';
import type { Database, Db } from './database.js';

export async function bumpContentVersion(trx: Kysely<Database>): Promise<void> {
  await trx
    .updateTable('site_state')
    .set((eb) => ({ content_version: eb('content_version', '+', 1) }))
    .where('id', '=', 1)
    .execute();
}

// Read on every public request: compiled once, executed without the builder.
const READ_VERSION = CompiledQuery.raw('select content_version from site_state where id = 1');

export async function getContentVersion(db: Db): Promise<number> {
  const result = await db.executeQuery<{ content_version: number }>(READ_VERSION);
  return result.rows[0]?.content_version ?? 0;
}
