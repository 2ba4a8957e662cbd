// The owner's two-factor policy, one row of the settings table (key 'twoFactorPolicy'),
// apart from the public site settings that getSettings returns.
import type { Kysely } from 'kysely';
import { isTwoFactorPolicy, type TwoFactorPolicy } from '../domain/two-factor.js';
import type { Database } from './database.js';

type Q = Kysely<Database>;

const KEY = 'twoFactorPolicy';

/** 'none' until the owner chooses otherwise. */
export async function getTwoFactorPolicy(db: Q): Promise<TwoFactorPolicy> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  const value = row && (JSON.parse(row.value) as unknown);
  return isTwoFactorPolicy(value) ? value : 'none';
}

export async function saveTwoFactorPolicy(trx: Q, policy: TwoFactorPolicy): Promise<void> {
  const value = JSON.stringify(policy);
  await trx
    .insertInto('settings')
    .values({ key: KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
