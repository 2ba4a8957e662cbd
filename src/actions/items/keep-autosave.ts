// Keeps what an editor typed in their autosave slot (store/autosaves.ts), every few seconds
// while typing. Not a revision and not checked against the item's rules: saving does that.
// Only a size cap applies, the same the form's text limits imply, so a slot stays small.
import { ValidationError } from '../../domain/errors.js';
import type { ItemKind } from '../../domain/item-ref.js';
import { LIMITS } from '../../domain/report-rules.js';
import type { Actor } from '../../domain/user.js';
import { putAutosave } from '../../store/autosaves.js';
import type { ActionContext } from '../runtime/context.js';

/** The body's limit plus room for the short fields: a longer form would be refused by saving anyway. */
const MAX_AUTOSAVE_CHARS = LIMITS.bodyChars + 10_000;

export interface AutosaveInput {
  kind: ItemKind;
  /** 0 for a new item's form. */
  itemId: number;
  fields: Record<string, string>;
}

/** Throws ValidationError when the form is longer than saving could accept. */
export async function keepAutosave(ctx: ActionContext, actor: Actor, input: AutosaveInput): Promise<{ savedAt: string }> {
  const chars = Object.values(input.fields).reduce((sum, value) => sum + value.length, 0);
  if (chars > MAX_AUTOSAVE_CHARS) throw new ValidationError('入力が長すぎるため、自動保存しませんでした。', {});
  const savedAt = ctx.now().toISOString();
  await putAutosave(ctx.db, actor.userId, input.kind, input.itemId, input.fields, savedAt);
  return { savedAt };
}
