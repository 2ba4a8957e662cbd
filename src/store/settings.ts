// Site settings: one row per key, values stored as JSON text.
import type { Kysely } from 'kysely';
import { EMPTY_SETTINGS, type SiteSettings } from '../domain/settings.js';
import type { Database, Db } from './database.js';

type SettingKey = keyof SiteSettings;

export async function getSettings(db: Db): Promise<SiteSettings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const settings: SiteSettings = { ...EMPTY_SETTINGS };
  for (const row of rows) {
    if (!(row.key in EMPTY_SETTINGS)) continue;
    (settings as unknown as Record<string, unknown>)[row.key] = JSON.parse(row.value);
  }
  return settings;
}

export async function hasSettings(db: Db): Promise<boolean> {
  const row = await db.selectFrom('settings').select('key').limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function saveSettings(trx: Kysely<Database>, settings: Partial<SiteSettings>): Promise<void> {
  for (const key of Object.keys(settings) as SettingKey[]) {
    if (key in EMPTY_SETTINGS) await saveSettingValue(trx, key, settings[key]);
  }
}

/** One settings row's value, parsed (undefined when there is no row): for settings kept apart from SiteSettings. */
export async function findSettingValue(db: Kysely<Database>, key: string): Promise<unknown> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row && (JSON.parse(row.value) as unknown);
}

/** Writes one settings row, as JSON. */
export async function saveSettingValue(trx: Kysely<Database>, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await trx
    .insertInto('settings')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
    .execute();
}
