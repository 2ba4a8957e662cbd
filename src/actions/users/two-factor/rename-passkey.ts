// Naming one of one's passkeys ("事務所のPC", "iPhone"), so the list says which is which.
import { ValidationError } from '../../../domain/errors.js';
import { normalizePasskeyName, PASSKEY_NAME_MAX_LENGTH } from '../../../domain/two-factor.js';
import type { Actor } from '../../../domain/user.js';
import { recordAudit } from '../../../store/audit-log.js';
import { renamePasskey as renameStored } from '../../../store/passkeys.js';
import type { ActionContext } from '../../runtime/context.js';
import { auditActor } from '../user-checks.js';

/** @throws ValidationError (field `name`) for an empty or too long name. */
export async function renamePasskey(ctx: ActionContext, actor: Actor, input: { id: number; name: string }): Promise<void> {
  const name = normalizePasskeyName(input.name);
  if (name === '') throw new ValidationError('the name is empty', { name: 'パスキーの名前を入力してください。' });
  if ([...name].length > PASSKEY_NAME_MAX_LENGTH) {
    throw new ValidationError('the name is too long', { name: `パスキーの名前は${PASSKEY_NAME_MAX_LENGTH}文字以内にしてください。` });
  }
  const nowIso = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (await renameStored(trx, actor.userId, input.id, name)) {
      await recordAudit(trx, { ...auditActor(actor), action: 'two-factor.passkey.rename', target: `passkey:${input.id}`, detail: { name } }, nowIso);
    }
  });
}
