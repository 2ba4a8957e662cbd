// /admin/autosave: the editor script (assets/editor-draft.js) posts the form here every few
// seconds while typing, to the user's autosave slot for that report or page (or a new one's
// form); /admin/autosave/discard empties the slot when the user declines to restore it.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { discardAutosave } from '../../../actions/items/discard-autosave.js';
import { keepAutosave } from '../../../actions/items/keep-autosave.js';
import type { ItemKind } from '../../../domain/item-ref.js';
import { editorPath } from '../../admin/autosave-slot.js';
import { formField, formPairs } from '../../admin/form-body.js';
import { withNotice } from '../../admin/notices.js';
import type { WebDeps } from '../../deps.js';
import { formRefusalOf } from '../../errors.js';
import { FORM_BODY_LIMIT } from './form-limits.js';
import { parseId } from './reports-shared.js';

const WRITER = { access: 'writer' } as const;
/** Not the form's own fields: what addresses the slot and what only a submission carries. */
const NOT_KEPT = new Set(['_csrf', 'kind', 'itemId', 'submissionKey', 'intent']);
const MAX_FIELDS = 20;

function slotOf(request: FastifyRequest): { kind: ItemKind; itemId: number } | undefined {
  const kind = formField(request, 'kind');
  if (kind !== 'report' && kind !== 'page') return undefined;
  const raw = formField(request, 'itemId');
  const itemId = raw === 'new' ? 0 : parseId(raw);
  return itemId === undefined ? undefined : { kind, itemId };
}

export const autosaveRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  app.post('/autosave', { config: WRITER, bodyLimit: FORM_BODY_LIMIT }, async (request, reply) => {
    const slot = slotOf(request);
    if (!slot) return reply.code(400).type('application/json').send({ error: '保存先が正しくありません。' });
    const fields: Record<string, string> = {};
    for (const [name, value] of formPairs(request)) {
      if (NOT_KEPT.has(name) || name.length > 40 || name in fields) continue;
      if (Object.keys(fields).length >= MAX_FIELDS) break;
      fields[name] = value;
    }
    try {
      const { savedAt } = await keepAutosave(deps.ctx, request.admin!.actor, { ...slot, fields });
      return reply.type('application/json').send({ savedAt });
    } catch (error) {
      const refused = formRefusalOf(error);
      if (!refused) throw error;
      return reply.code(refused.status).type('application/json').send({ error: refused.message });
    }
  });

  app.post('/autosave/discard', { config: WRITER }, async (request, reply) => {
    const slot = slotOf(request);
    if (!slot) return reply.redirect('/admin/', 303);
    await discardAutosave(deps.ctx, request.admin!.actor, slot);
    return reply.redirect(withNotice(editorPath(slot.kind, slot.itemId === 0 ? undefined : slot.itemId), 'autosave-discarded'), 303);
  });
};
