// The native module check runs in a child process (actions/runtime/native-modules.ts): the
// server learns at start whether argon2 and sharp load without holding them until a login
// or an upload needs them. A broken installation is test/web/native-module-failure.test.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkNativeModules } from '../../src/actions/runtime/native-modules.js';

/** The shared objects this process has mapped. */
const mappedFiles = () => readFileSync('/proc/self/maps', 'utf8');

test('finds both native modules loadable without loading either into this process', async () => {
  assert.deepEqual(await checkNativeModules(), []);
  assert.doesNotMatch(mappedFiles(), /sharp|vips|argon2/);
});
