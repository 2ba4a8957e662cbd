// Saving the site settings (owner only): checked by domain/settings.ts, written with an
// audit entry and a content-version bump in one transaction, so every cached public page
// (home, profile, feeds, the header and footer of all others) is rebuilt after the commit.
import { ForbiddenError } from '../../domain/errors.js';
import { publishedPageTargets } from '../../domain/navigation.js';
import { checkSettings, type SettingsInput, type SiteSettings } from '../../domain/settings.js';
import { hasRole, type Actor } from '../../domain/user.js';
import { recordAudit } from '../../store/audit-log.js';
import { listPages } from '../../store/pages.js';
import { getSettings, saveSettings } from '../../store/settings.js';
import { bumpContentVersion } from '../../store/site-state.js';
import type { ActionContext } from '../runtime/context.js';

export interface SavedSettings {
  settings: SiteSettings;
  /** The keys whose value changed; empty when the form was saved as it was (nothing written). */
  changed: (keyof SiteSettings)[];
}

/**
 * @throws ForbiddenError when the actor is not the owner.
 * @throws ValidationError with a message per field (see checkSettings); nothing is written.
 */
export async function saveSiteSettings(ctx: ActionContext, input: SettingsInput, actor: Actor): Promise<SavedSettings> {
  if (!hasRole(actor.role, 'owner')) throw new ForbiddenError('サイト設定を変更できるのはオーナーだけです。');
  const pagePaths = new Map([...publishedPageTargets(await listPages(ctx.db, 'published'))].map(([id, target]) => [id, target.path]));
  const settings = checkSettings(input, pagePaths);
  const nowIso = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getSettings(trx);
    const changed = (Object.keys(settings) as (keyof SiteSettings)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(settings[key]));
    if (changed.length === 0) return { settings, changed };
    await saveSettings(trx, settings);
    await recordAudit(trx, { userId: actor.userId, login: actor.login, ip: actor.ip, action: 'settings.update', target: 'settings', detail: { changed } }, nowIso);
    await bumpContentVersion(trx);
    return { settings, changed };
  });
}
