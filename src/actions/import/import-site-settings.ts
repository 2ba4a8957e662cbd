// Site settings an import brings (a WordPress blog's name, tagline, menu and profile page): each one is
// written only where the site has none yet, so an import never overwrites what the owner
// set. Inside the import runner's transaction; audit entries carry the login 'import'.
import type { Kysely } from 'kysely';
import type { NavigationLink, SiteSettings } from '../../domain/settings.js';
import { recordAudit } from '../../store/audit-log.js';
import type { Database } from '../../store/database.js';
import { getSettings, saveSettings } from '../../store/settings.js';
import { bumpContentVersion } from '../../store/site-state.js';

export interface ImportedSiteSettings {
  legislatorName?: string;
  siteDescription?: string;
  navigation?: NavigationLink[];
  /** A profile page's text (report text format). */
  profileSource?: string;
}

/** The keys written (those that were empty and are given non-empty). */
export async function fillEmptySettingsIn(trx: Kysely<Database>, input: ImportedSiteSettings, nowIso: string): Promise<(keyof SiteSettings)[]> {
  const current = await getSettings(trx);
  const fill: Partial<SiteSettings> = {};
  if (input.legislatorName && current.legislatorName.trim() === '') fill.legislatorName = input.legislatorName;
  if (input.siteDescription && current.siteDescription.trim() === '') fill.siteDescription = input.siteDescription;
  if (input.navigation && input.navigation.length > 0 && current.navigation.length === 0) fill.navigation = input.navigation;
  if (input.profileSource && current.profileSource.trim() === '') fill.profileSource = input.profileSource;
  const keys = Object.keys(fill) as (keyof SiteSettings)[];
  if (keys.length === 0) return [];
  await saveSettings(trx, fill);
  await recordAudit(trx, { login: 'import', action: 'settings.import', target: 'settings', detail: { changed: keys } }, nowIso);
  await bumpContentVersion(trx);
  return keys;
}
