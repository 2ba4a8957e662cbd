// /admin/settings (owner): the site settings form, its profile preview and saving.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { readSiteSettings } from '../../../actions/site/read-site-settings.js';
import { saveSiteSettings } from '../../../actions/site/save-settings.js';
import { publishedPageTargets } from '../../../domain/navigation.js';
import { navigationToRows, type SettingsInput, type SiteSettings } from '../../../domain/settings.js';
import { render } from '../../../domain/text-format/render.js';
import type { TrustedHtml } from '../../../domain/trusted-html.js';
import { listPages } from '../../../actions/pages/list-pages.js';
import { formField, formPairs } from '../../admin/form-body.js';
import { withNotice } from '../../admin/notices.js';
import { adminPageContext, sendAdminPage } from '../../admin/page.js';
import type { WebDeps } from '../../deps.js';
import { formRefusalOf } from '../../errors.js';
import type { FieldErrors } from '../../views/admin/form.js';
import { SettingsPage } from '../../views/admin/settings-page.js';

const OWNER = { access: 'owner' } as const;

const TEXT_FIELDS = [
  'legislatorName',
  'legislatorNameKana',
  'chamber',
  'constituency',
  'party',
  'profileSource',
  'contact',
  'contactPhone',
  'contactEmail',
  'contactFormUrl',
  'siteDescription',
] as const satisfies readonly Exclude<keyof SiteSettings, 'navigation'>[];

/** The form as typed: navigation rows pair the n-th `navLabel`, `navUrl`, `navPage` and `navParent`. */
function settingsForm(request: FastifyRequest): SettingsInput {
  const pairs = formPairs(request);
  const labels = pairs.filter(([name]) => name === 'navLabel').map(([, value]) => value);
  const urls = pairs.filter(([name]) => name === 'navUrl').map(([, value]) => value);
  const pages = pairs.filter(([name]) => name === 'navPage').map(([, value]) => value);
  const parents = pairs.filter(([name]) => name === 'navParent').map(([, value]) => value);
  const navigation = Array.from({ length: Math.max(labels.length, urls.length, pages.length, parents.length) }, (_, i) => ({
    label: labels[i] ?? '',
    url: urls[i] ?? '',
    page: pages[i] ?? '',
    parent: parents[i] ?? '',
  }));
  const text = Object.fromEntries(TEXT_FIELDS.map((name) => [name, formField(request, name)])) as Omit<SettingsInput, 'navigation'>;
  return { ...text, navigation };
}

export const settingsRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  async function sendSettings(request: FastifyRequest, reply: FastifyReply, form: SettingsInput, errors: FieldErrors = {}, status = 200, previewHtml?: TrustedHtml) {
    const [page, published] = await Promise.all([adminPageContext(deps, request, reply), listPages(deps.ctx, 'published')]);
    const targets = publishedPageTargets(published);
    const pageChoices = published.filter((p) => targets.has(p.id)).map((p) => ({ id: p.id, title: p.title, path: targets.get(p.id)!.path }));
    return sendAdminPage(reply, <SettingsPage page={page} form={form} errors={errors} previewHtml={previewHtml} pageChoices={pageChoices} />, status);
  }

  app.get('/settings', { config: OWNER }, async (request, reply) => {
    const settings = await readSiteSettings(deps.ctx);
    return sendSettings(request, reply, { ...settings, navigation: navigationToRows(settings.navigation) });
  });

  app.post('/settings', { config: OWNER }, async (request, reply) => {
    const form = settingsForm(request);
    let changed: unknown[];
    try {
      ({ changed } = await saveSiteSettings(deps.ctx, form, request.admin!.actor));
    } catch (error) {
      const refused = formRefusalOf(error);
      if (!refused) throw error;
      return sendSettings(request, reply, form, refused.fields, refused.status);
    }
    return reply.redirect(withNotice('/admin/settings', changed.length > 0 ? 'settings-saved' : 'settings-unchanged'), 303);
  });

  // Saves nothing: the typed profile rendered exactly as /profile/ renders it.
  app.post('/settings/preview', { config: OWNER }, async (request, reply) => {
    const form = settingsForm(request);
    return sendSettings(request, reply, form, {}, 200, render(form.profileSource).html);
  });
};
