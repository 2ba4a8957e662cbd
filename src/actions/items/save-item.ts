// The shape of saving a report or a fixed page from its form, shared by saveReport and
// savePage: without an id a new draft is created (if the actor may create), with one the item
// is updated from the version the form was loaded at; a refused update (someone saved first)
// is thrown only after its transaction committed the refused text as a revision.
import type { Kysely } from 'kysely';
import { EditConflictError, SlugTakenError, ValidationError } from '../../domain/errors.js';
import type { ItemKind } from '../../domain/item-ref.js';
import { assertCanCreate, WORKFLOW_MESSAGES } from '../../domain/report-workflow.js';
import type { Actor } from '../../domain/user.js';
import { deleteAutosave, NEW_ITEM_ID } from '../../store/autosaves.js';
import type { Database } from '../../store/database.js';
import type { ActionContext } from '../runtime/context.js';

type Q = Kysely<Database>;

export interface SaveSteps<S> {
  create: (trx: Q, nowIso: string) => Promise<S>;
  /** Loads, checks and writes in the transaction; a conflict is returned, not thrown. */
  update: (trx: Q, id: number, expectedVersion: number, nowIso: string) => Promise<{ saved: S } | { conflict: unknown }>;
}

export async function saveItem<S>(ctx: ActionContext, actor: Actor, kind: ItemKind, target: { id?: number; expectedVersion?: number }, steps: SaveSteps<S>): Promise<S> {
  const nowIso = ctx.now().toISOString();
  if (target.id === undefined) {
    assertCanCreate(actor, kind);
    // A saved form needs its autosave slot no more (store/autosaves.ts): same transaction.
    return ctx.db.transaction().execute(async (trx) => {
      const created = await steps.create(trx, nowIso);
      await deleteAutosave(trx, actor.userId, kind, NEW_ITEM_ID);
      return created;
    });
  }
  const { id, expectedVersion } = target;
  if (expectedVersion === undefined) throw new Error(`saving a ${kind}: expectedVersion is required to update one`);
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const result = await steps.update(trx, id, expectedVersion, nowIso);
    if ('saved' in result) await deleteAutosave(trx, actor.userId, kind, id);
    return result;
  });
  return settleSave(kind, outcome);
}

/** The saved item, or the conflict thrown as EditConflictError once the transaction has committed. */
export function settleSave<S>(kind: ItemKind, outcome: { saved: S } | { conflict: unknown }): S {
  if ('saved' in outcome) return outcome.saved;
  throw new EditConflictError(WORKFLOW_MESSAGES.editConflict(kind), outcome.conflict);
}

/** A slug taken between the check and the write (another process) is still a field error. */
export async function withSlugField<T>(write: () => Promise<T>, message: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof SlugTakenError) throw new ValidationError('入力内容に誤りがあります。', { slug: message });
    throw error;
  }
}
