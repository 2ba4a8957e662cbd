// Two-factor sign-in rules: the owner's policy (who must have a second factor), the
// authenticator-app parameters, and the form of recovery codes. Pure: callers pass the
// clock and the random bytes.
import type { Role } from './user.js';

export const TWO_FACTOR_POLICIES = ['none', 'editors', 'everyone'] as const;
export type TwoFactorPolicy = (typeof TWO_FACTOR_POLICIES)[number];

export const TWO_FACTOR_POLICY_LABELS: Record<TwoFactorPolicy, string> = {
  none: '必須にしない(各自の判断に任せる)',
  editors: 'オーナーと編集者に必須にする',
  everyone: '全員に必須にする',
};

export function isTwoFactorPolicy(value: unknown): value is TwoFactorPolicy {
  return typeof value === 'string' && (TWO_FACTOR_POLICIES as readonly string[]).includes(value);
}

/** Whether the policy makes a user of `role` sign in with a second factor. */
export function isSecondFactorRequired(policy: TwoFactorPolicy, role: Role): boolean {
  if (policy === 'everyone') return true;
  return policy === 'editors' && (role === 'owner' || role === 'editor');
}

/** What authenticator apps expect (RFC 6238 defaults): SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted on either side of the current one, for clocks a little off. */
export const TOTP_WINDOW = 1;

export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** A code as typed: full-width digits and spaces folded away. */
export function normalizeTotpCode(input: string): string {
  return input.normalize('NFKC').replace(/[\s-]/g, '');
}

export function isTotpCodeShape(code: string): boolean {
  return new RegExp(`^[0-9]{${TOTP_DIGITS}}$`).test(code);
}

export const RECOVERY_CODE_COUNT = 10;
/** Crockford-like alphabet without letters that read alike (0/o, 1/l/i). */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
/** 10 characters of a 31-letter alphabet: about 49 bits each. */
const RECOVERY_CODE_LENGTH = 10;

/** One code from random bytes (at least RECOVERY_CODE_LENGTH of them), shown as "abcde-fghjk". */
export function recoveryCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < RECOVERY_CODE_LENGTH) throw new Error('not enough random bytes for a recovery code');
  let code = '';
  // 256 is not a multiple of 31; the slight bias (under 1 %) costs a fraction of a bit.
  for (let i = 0; i < RECOVERY_CODE_LENGTH; i++) code += RECOVERY_ALPHABET[bytes[i]! % RECOVERY_ALPHABET.length];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** A code as typed, compared in this form: NFKC, lower case, no hyphens or spaces. */
export function normalizeRecoveryCode(input: string): string {
  return input.normalize('NFKC').toLowerCase().replace(/[\s-]/g, '');
}

export function isRecoveryCodeShape(code: string): boolean {
  return code.length === RECOVERY_CODE_LENGTH && [...code].every((c) => RECOVERY_ALPHABET.includes(c));
}

/** A passkey's name as the user gives it: one line, at most 50 characters. */
export const PASSKEY_NAME_MAX_LENGTH = 50;

export function normalizePasskeyName(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Second-factor attempts per user: the password is already known to whoever is guessing,
 * so blocking the account hurts nobody but them. Five free tries, then 30 s doubling to
 * 15 min: about a hundred guesses a day against one-in-a-million codes.
 */
export const SECOND_FACTOR_BACKOFF = { freeFailures: 5, baseMs: 30_000, capMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 } as const;

export const secondFactorThrottleKey = (userId: number) => `2fa:${userId}`;

/** How long the step between password and second factor lasts. */
export const PENDING_LOGIN_MS = 5 * 60_000;
/** How long a WebAuthn challenge may be answered. */
export const WEBAUTHN_CHALLENGE_MS = 5 * 60_000;
