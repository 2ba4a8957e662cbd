// Two-factor sign-in (issue 9): authenticator-app secrets, recovery codes, passkeys, the
// short-lived step between password and second factor, and WebAuthn challenges. Users'
// second factors go with the user (on delete cascade).
import { type Kysely, type Migration } from 'kysely';
import { autoId } from '../dialects/auto-id.js';

export const migration0010: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('totp_factors')
      .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      // AES-256-GCM of the base32 secret under the site key 'totp-key' (store/server-secrets.ts).
      .addColumn('secret_box', 'text', (c) => c.notNull())
      // Null while enrolment waits for the first valid code.
      .addColumn('enabled_at', 'text')
      // The last 30-second step whose code was accepted: each code works once.
      .addColumn('last_step', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('recovery_codes')
      .addColumn('id', 'integer', autoId(db))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      // SHA-256 (hex) of the normalised code.
      .addColumn('code_hash', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('recovery_codes_user_hash', ['user_id', 'code_hash'])
      .execute();
    await db.schema
      .createTable('passkeys')
      .addColumn('id', 'integer', autoId(db))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      // base64url, as WebAuthn names the credential.
      .addColumn('credential_id', 'text', (c) => c.notNull().unique())
      // base64url of the COSE public key.
      .addColumn('public_key', 'text', (c) => c.notNull())
      .addColumn('counter', 'integer', (c) => c.notNull().defaultTo(0))
      // JSON array of transports ("internal", "usb", …).
      .addColumn('transports', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .execute();
    await db.schema.createIndex('passkeys_user').on('passkeys').column('user_id').execute();
    await db.schema
      .createTable('pending_logins')
      .addColumn('id', 'integer', autoId(db))
      // SHA-256 (hex) of the cookie's random token, as for sessions.
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('ip', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('user_agent', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('webauthn_challenges')
      .addColumn('challenge', 'text', (c) => c.primaryKey())
      // 'register' | 'second-factor' | 'passwordless'
      .addColumn('purpose', 'text', (c) => c.notNull())
      // What the ceremony belongs to: a session's or pending login's token hash, or the hash
      // of the passwordless ceremony's own cookie.
      .addColumn('binding', 'text', (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
  },
};
