// Checking an authenticator-app code (otpauth: SHA-1, 6 digits, 30-second steps) and the
// otpauth:// URI the QR code carries.
import { Secret, TOTP } from 'otpauth';
import { randomBytes } from 'node:crypto';
import { TOTP_DIGITS, TOTP_PERIOD_SECONDS, TOTP_WINDOW, totpStep } from '../../../domain/two-factor.js';

function totp(secretBase32: string, label = '', issuer = ''): TOTP {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });
}

/** 20 random bytes (160 bits, RFC 4226's recommendation) as base32. */
export function newTotpSecret(): string {
  // Copied into an ArrayBuffer of its own: a Buffer may be a view into a larger shared pool.
  return new Secret({ buffer: new Uint8Array(randomBytes(20)).buffer }).base32;
}

/** The 30-second step whose code `code` is (within ±1 step of `now`), or undefined. */
export function matchingTotpStep(secretBase32: string, code: string, now: Date): number | undefined {
  const delta = totp(secretBase32).validate({ token: code, timestamp: now.getTime(), window: TOTP_WINDOW });
  return delta === null ? undefined : totpStep(now) + delta;
}

export function totpUri(secretBase32: string, label: string, issuer: string): string {
  return totp(secretBase32, label, issuer).toString();
}
