// What an editor page needs from the user's autosave slot (actions/items/keep-autosave.ts): the offer to
// restore it when the form is opened fresh, or (with ?draft=restore) its fields to fill the
// form. Report and page editors both call this; a form re-rendered after a post (errors,
// conflict, preview) shows what was posted and no offer.
import type { FastifyRequest } from 'fastify';
import type { ItemKind } from '../../domain/item-ref.js';
import { findOwnAutosave } from '../../actions/items/find-own-autosave.js';
import type { WebDeps } from '../deps.js';
import type { AutosaveOfferProps } from '../views/admin/autosave-offer.js';

export interface AutosaveState {
  offer?: AutosaveOfferProps;
  /** The slot's fields, when the user asked to restore them. */
  restored?: Record<string, string>;
}

/** The editor's address; no `itemId` for a new item's form. */
export function editorPath(kind: ItemKind, itemId: number | undefined): string {
  const base = kind === 'report' ? '/admin/reports' : '/admin/pages';
  return itemId === undefined ? `${base}/new` : `${base}/${itemId}/edit`;
}

export async function loadAutosaveState(deps: WebDeps, request: FastifyRequest, kind: ItemKind, itemId: number | undefined, csrfToken: string): Promise<AutosaveState> {
  if (request.method !== 'GET') return {};
  const slot = await findOwnAutosave(deps.ctx, request.admin!.user.id, kind, itemId);
  if (!slot) return {};
  const query = request.query as Record<string, unknown> | undefined;
  if (query?.draft === 'restore') return { restored: slot.fields };
  const restoreHref = `${editorPath(kind, itemId)}?draft=restore`;
  return { offer: { savedAt: slot.savedAt, restoreHref, kind, itemId: itemId === undefined ? 'new' : String(itemId), csrfToken } };
}

/** The form as stored, overlaid with the restored fields it knows (others are ignored). */
export function withRestored<F extends object>(form: F, restored: Record<string, string> | undefined): F {
  if (!restored) return form;
  const out = { ...form } as Record<string, unknown>;
  for (const name of Object.keys(out)) if (typeof restored[name] === 'string') out[name] = restored[name];
  return out as F;
}
