// Old paths that answer with a 301 to their new place (changed slugs, imported sites).
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';
import { DeferredRows } from './deferred-rows.js';

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
  const call = { froms, toPath, nowIso };
  if (!heldCalls.note(trx, call)) await writeRedirects(trx, [call]);
}

interface RedirectCall {
  froms: string[];
  toPath: string;
  nowIso: string;
}

/**
 * Calls held back in an import's batch (store/deferred-rows.ts). Written together when they
 * commute (no old path twice, no new path among the old ones: the usual import, one new
 * address per post), else one call after the other.
 */
const heldCalls = new DeferredRows<RedirectCall>(async (trx, calls) => {
  const froms = calls.flatMap((c) => c.froms);
  const isCommuting = new Set(froms).size === froms.length && !calls.some((c) => froms.includes(c.toPath));
  if (isCommuting) return writeRedirects(trx, calls);
  for (const call of calls) await writeRedirects(trx, [call]);
});

/** Commuting calls in three statements. */
async function writeRedirects(trx: Q, calls: RedirectCall[]): Promise<void> {
  const toOf = new Map(calls.flatMap((c) => c.froms.map((from) => [from, c.toPath] as const)));
  // A path that becomes a live page again must stop redirecting; a chain a→b, b→c is
  // collapsed so readers never take two hops.
  await trx
    .deleteFrom('redirects')
    .where('from_path', 'in', [...new Set(calls.map((c) => c.toPath))])
    .execute();
  await trx
    .updateTable('redirects')
    .set({
      to_path: sql<string>`case to_path ${sql.join(
        [...toOf].map(([from, to]) => sql`when ${from} then ${to}`),
        sql` `,
      )} end`,
    })
    .where('to_path', 'in', [...toOf.keys()])
    .execute();
  await trx
    .insertInto('redirects')
    .values(calls.flatMap((c) => c.froms.map((from) => ({ from_path: from, to_path: c.toPath, created_at: c.nowIso }))))
    .onConflict((oc) => oc.column('from_path').doUpdateSet((eb) => ({ to_path: eb.ref('excluded.to_path') })))
    .execute();
}

/** Drops the redirects leading to `toPath` (its report is gone for good). */
export async function deleteRedirectsTo(trx: Q, toPath: string): Promise<void> {
  await trx.deleteFrom('redirects').where('to_path', '=', toPath).execute();
}
