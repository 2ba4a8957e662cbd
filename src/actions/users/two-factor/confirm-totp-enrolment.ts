// Setting up an authenticator app, second half: the first right code enables it (and is
// spent, like every later one). A user without recovery codes gets ten, shown once. When it
// is the user's first second factor, their other sessions end: one opened with a stolen
// password before must not outlive the protection.
import { ValidationError } from '../../../domain/errors.js';
import { isTotpCodeShape, normalizeTotpCode } from '../../../domain/two-factor.js';
import type { Actor } from '../../../domain/user.js';
import { recordAudit } from '../../../store/audit-log.js';
import { claimTotpStep, countUnusedRecoveryCodes, findTotpFactor, replaceRecoveryCodes } from '../../../store/second-factors.js';
import { deleteSessionsOfUser } from '../../../store/sessions.js';
import type { ActionContext } from '../../runtime/context.js';
import { auditActor } from '../user-checks.js';
import { hasSecondFactor } from './has-second-factor.js';
import { newRecoveryCodes } from './recovery-codes.js';
import { openSecret } from './secret-box.js';
import { matchingTotpStep } from './totp-code.js';

const WRONG = '確認コードが正しくありません。認証アプリに表示されている6桁の数字を、表示が変わる前に入力してください(端末の時刻がずれていないかも確認してください)。';

/**
 * @returns the new recovery codes when the user had none left (to show once), else [].
 * @throws ValidationError (field `code`) when the code is not right or no enrolment was started.
 */
export async function confirmTotpEnrolment(ctx: ActionContext, actor: Actor, input: { code: string; keepSessionId?: number }): Promise<{ recoveryCodes: string[] }> {
  const now = ctx.now();
  const nowIso = now.toISOString();
  const code = normalizeTotpCode(input.code);
  if (!isTotpCodeShape(code)) throw new ValidationError('the code must be 6 digits', { code: '確認コードは6桁の数字で入力してください。' });
  const factor = await findTotpFactor(ctx.db, actor.userId);
  if (!factor || factor.enabledAt !== undefined) {
    throw new ValidationError('no authenticator app set-up is in progress', {
      code: '認証アプリの設定が始まっていないか、既に完了しています。もう一度やり直してください。',
    });
  }
  const step = matchingTotpStep(await openSecret(ctx.db, actor.userId, factor.secretBox, nowIso), code, now);
  const isFirstFactor = !(await hasSecondFactor(ctx.db, actor.userId));
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      if (step === undefined || !(await claimTotpStep(trx, actor.userId, step, { enableAt: nowIso }))) {
        await recordAudit(trx, { ...auditActor(actor), action: 'two-factor.totp.enable-fail', target: `user:${actor.userId}` }, nowIso);
        return { isWrong: true, recoveryCodes: [] };
      }
      let recoveryCodes: string[] = [];
      if ((await countUnusedRecoveryCodes(trx, actor.userId)) === 0) {
        const fresh = newRecoveryCodes();
        await replaceRecoveryCodes(trx, actor.userId, fresh.hashes, nowIso);
        recoveryCodes = fresh.codes;
      }
      const endedSessions = isFirstFactor && input.keepSessionId !== undefined ? await deleteSessionsOfUser(trx, actor.userId, input.keepSessionId) : 0;
      const detail = { recoveryCodes: recoveryCodes.length, endedSessions };
      await recordAudit(trx, { ...auditActor(actor), action: 'two-factor.totp.enable', target: `user:${actor.userId}`, detail }, nowIso);
      return { isWrong: false, recoveryCodes };
    })
    .then(({ isWrong, recoveryCodes }) => {
      if (isWrong) throw new ValidationError('the code is not right', { code: WRONG });
      return { recoveryCodes };
    });
}
