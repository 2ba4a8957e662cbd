// Old paths that answer with a 301 to their new place (changed slugs, imported sites).
import type { Kysely } from 'kysely';
import type { Database } from './database.js';

type Q = Kysely<Database>;

export async function findRedirect(db: Q, fromPath: string): Promise<string | undefined> {
  const row = await db.selectFrom('redirects').select('to_path').where('from_path', '=', fromPath).executeTakeFirst();
  return row?.to_path;
}

export async function addRedirect(trx: Q, fromPath: string, toPath: string, nowIso: string): Promise<void> {
  await addRedirects(trx, [fromPath], toPath, nowIso);
}

/** Several old paths to one new path in three statements, whatever their number (an import writes a few per post). */
export async function addRedirects(trx: Q, fromPaths: readonly string[], toPath: string, nowIso: string): Promise<void> {
  const froms = [...new Set(fromPaths)].filter((from) => from !== toPath);
  if (froms.length === 0) return;
  // A path that becomes a live page again must stop redirecting; a chain a→b, b→c is
  // collapsed so readers never take two hops.
  await trx.deleteFrom('redirects').where('from_path', '=', toPath).execute();
  await trx.updateTable('redirects').set({ to_path: toPath }).where('to_path', 'in', froms).execute();
  await trx
    .insertInto('redirects')
    .values(froms.map((from) => ({ from_path: from, to_path: toPath, created_at: nowIso })))
    .onConflict((oc) => oc.column('from_path').doUpdateSet({ to_path: toPath }))
    .execute();
}

/** Drops the redirects leading to `toPath` (its report is gone for good). */
export async function deleteRedirectsTo(trx: Q, toPath: string): Promise<void> {
  await trx.deleteFrom('redirects').where('to_path', '=', toPath).execute();
}
