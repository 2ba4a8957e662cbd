// Categories of reports (国会活動, 地元活動 …): a slug for URLs and a display name.
import type { Kysely } from 'kysely';
import type { Category } from '../domain/report.js';
import type { CategoryRow, Database } from './database.js';

function rowToCategory(row: CategoryRow): Category {
  return { id: row.id, slug: row.slug, name: row.name };
}

export async function listCategories(db: Kysely<Database>): Promise<Category[]> {
  const rows = await db.selectFrom('categories').selectAll().orderBy('position').orderBy('id').execute();
  return rows.map(rowToCategory);
}

export async function findCategoryBySlug(db: Kysely<Database>, slug: string): Promise<Category | undefined> {
  const row = await db.selectFrom('categories').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row && rowToCategory(row);
}

export async function findCategoryById(db: Kysely<Database>, id: number): Promise<Category | undefined> {
  return db.selectFrom('categories').select(['id', 'slug', 'name']).where('id', '=', id).executeTakeFirst();
}

export async function findCategoryByName(db: Kysely<Database>, name: string): Promise<Category | undefined> {
  const row = await db.selectFrom('categories').selectAll().where('name', '=', name).executeTakeFirst();
  return row && rowToCategory(row);
}

/** Creates the category, or renames the one with that slug. */
export async function upsertCategory(trx: Kysely<Database>, input: { slug: string; name: string; position?: number }): Promise<Category> {
  const row = await trx
    .insertInto('categories')
    .values({ slug: input.slug, name: input.name, position: input.position ?? 0 })
    .onConflict((oc) => oc.column('slug').doUpdateSet({ name: input.name }))
    .returningAll()
    .executeTakeFirstOrThrow();
  return rowToCategory(row);
}

/** Deletes the category with this slug when no report is in it; whether it did. */
export async function deleteCategoryIfUnused(trx: Kysely<Database>, slug: string): Promise<boolean> {
  const result = await trx
    .deleteFrom('categories')
    .where('slug', '=', slug)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('reports').select('reports.id').whereRef('reports.category_id', '=', 'categories.id'))))
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
