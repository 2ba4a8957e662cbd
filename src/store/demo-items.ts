// Demo items (migration 0016): the files the first-start demo stored, so that removing the
// demo removes them too (the demo's reports and pages are recognised by their content).
import type { Kysely } from 'kysely';
import type { Database } from './database.js';

export type DemoItemKind = 'media';

export async function markDemoItems(trx: Kysely<Database>, kind: DemoItemKind, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .insertInto('demo_items')
    .values(ids.map((id) => ({ item_kind: kind, item_id: id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function listDemoItems(db: Kysely<Database>, kind: DemoItemKind): Promise<number[]> {
  const rows = await db.selectFrom('demo_items').select('item_id').where('item_kind', '=', kind).execute();
  return rows.map((r) => r.item_id);
}

export async function forgetDemoItems(trx: Kysely<Database>, kind: DemoItemKind, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await trx.deleteFrom('demo_items').where('item_kind', '=', kind).where('item_id', 'in', ids).execute();
}
