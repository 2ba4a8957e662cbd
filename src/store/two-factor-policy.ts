// The owner's two-factor policy, one row of the settings table (key 'twoFactorPolicy'),
// apart from the public site settings that getSettings returns.
import type { Kysely } from 'kysely';
import { isTwoFactorPolicy, type TwoFactorPolicy } from '../domain/two-factor.js';
import type { Database } from './database.js';
import { findSettingValue, saveSettingValue } from './settings.js';

type Q = Kysely<Database>;

const KEY = 'twoFactorPolicy';

/** 'none' until the owner chooses otherwise. */
export async function getTwoFactorPolicy(db: Q): Promise<TwoFactorPolicy> {
  const value = await findSettingValue(db, KEY);
  return isTwoFactorPolicy(value) ? value : 'none';
}

export async function saveTwoFactorPolicy(trx: Q, policy: TwoFactorPolicy): Promise<void> {
  await saveSettingValue(trx, KEY, policy);
}
