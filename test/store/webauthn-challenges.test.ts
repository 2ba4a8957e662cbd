// WebAuthn challenges are taken once, only by what they are bound to, only before they
// expire; a passkey's signature counter only moves forward.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { insertPasskey, recordPasskeyUse } from '../../src/store/passkeys.js';
import { insertChallenge, takeChallenge } from '../../src/store/webauthn-challenges.js';
import { addTestUser } from '../support/admin.js';
import { createTestSite, type TestSite } from '../support/db.js';

let site: TestSite;
const NOW = '2026-11-20T03:00:00.000Z';
const LATER = '2026-11-20T03:10:00.000Z';

before(async () => {
  site = await createTestSite();
});
after(async () => site.cleanup());

test('takes a challenge once, for its purpose and binding, before it expires', async () => {
  const stored = { purpose: 'second-factor' as const, binding: 'pending-hash', expiresAt: '2026-11-20T03:05:00.000Z' };
  await insertChallenge(site.db, { challenge: 'c'.repeat(43), ...stored }, NOW);
  assert.equal(await takeChallenge(site.db, 'c'.repeat(43), 'second-factor', 'another-binding', NOW), undefined);
  assert.equal(await takeChallenge(site.db, 'c'.repeat(43), 'passwordless', 'pending-hash', NOW), undefined);
  const taken = await Promise.all([1, 2, 3].map(() => takeChallenge(site.db, 'c'.repeat(43), 'second-factor', 'pending-hash', NOW)));
  assert.equal(taken.filter(Boolean).length, 1);

  await insertChallenge(site.db, { challenge: 'd'.repeat(43), ...stored }, NOW);
  assert.equal(await takeChallenge(site.db, 'd'.repeat(43), 'second-factor', 'pending-hash', LATER), undefined, 'expired');
});

test('records a passkey use only with a counter above the stored one (0: no counter kept)', async () => {
  const user = await addTestUser(site, { login: 'counter', role: 'writer' });
  const id = (await insertPasskey(site.db, { userId: user.id, credentialId: 'cred-1', publicKey: 'pk', counter: 5, transports: ['internal'], name: 'PC' }, NOW))!;
  assert.equal(await insertPasskey(site.db, { userId: user.id, credentialId: 'cred-1', publicKey: 'pk', counter: 0, transports: [], name: 'again' }, NOW), undefined);
  assert.equal(await recordPasskeyUse(site.db, id, 5, NOW), false, 'a replayed counter');
  assert.equal(await recordPasskeyUse(site.db, id, 6, NOW), true);
  const racing = await Promise.all([7, 7].map((counter) => recordPasskeyUse(site.db, id, counter, NOW)));
  assert.equal(racing.filter(Boolean).length, 1);
});
