// Autosave slots (migration 0019): the unsaved form of one user for one item (item id 0 = a
// new item's form), written over every few seconds while typing and removed when the item is
// saved. Fields are kept as a JSON object of strings, exactly as typed.
import type { ItemKind } from '../domain/item-ref.js';
import type { Db } from './database.js';

export interface Autosave {
  fields: Record<string, string>;
  savedAt: string;
}

/** The slot of a new item's form. */
export const NEW_ITEM_ID = 0;

export async function putAutosave(db: Db, userId: number, kind: ItemKind, itemId: number, fields: Record<string, string>, nowIso: string): Promise<void> {
  const json = JSON.stringify(fields);
  await db
    .insertInto('autosaves')
    .values({ user_id: userId, item_kind: kind, item_id: itemId, fields: json, saved_at: nowIso })
    .onConflict((oc) => oc.columns(['user_id', 'item_kind', 'item_id']).doUpdateSet({ fields: json, saved_at: nowIso }))
    .execute();
}

export async function findAutosave(db: Db, userId: number, kind: ItemKind, itemId: number): Promise<Autosave | undefined> {
  const row = await db
    .selectFrom('autosaves')
    .select(['fields', 'saved_at'])
    .where('user_id', '=', userId)
    .where('item_kind', '=', kind)
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  if (!row) return undefined;
  const parsed: unknown = JSON.parse(row.fields);
  const fields: Record<string, string> = {};
  if (parsed !== null && typeof parsed === 'object') {
    for (const [name, value] of Object.entries(parsed)) if (typeof value === 'string') fields[name] = value;
  }
  return { fields, savedAt: row.saved_at };
}

export async function deleteAutosave(db: Db, userId: number, kind: ItemKind, itemId: number): Promise<void> {
  await db.deleteFrom('autosaves').where('user_id', '=', userId).where('item_kind', '=', kind).where('item_id', '=', itemId).execute();
}
