// Random secrets generated once per site and shared by every server process through the
// database (a secret per process would make one process refuse another's tokens).
import type { Db } from './database.js';

/** The secret called `name`, created with `generate()` by whichever process asks first. */
export async function getOrCreateSecret(db: Db, name: string, generate: () => string, nowIso: string): Promise<string> {
  // Two processes starting together may both insert: the first wins, the second's is ignored.
  await db
    .insertInto('server_secrets')
    .values({ name, value: generate(), created_at: nowIso })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('server_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}
