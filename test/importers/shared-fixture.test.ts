// The rule for tests that need ../shared: skip with the reason in a fresh clone, fail under CI.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { skipUnlessShared } from '../support/shared-fixture.js';

const MISSING = new URL('../../../shared/fixtures/no-such-export.xml', import.meta.url);

test('a missing shared file is a skip with its reason outside CI and a failure naming it under CI=true', (t) => {
  const before = process.env.CI;
  t.after(() => {
    if (before === undefined) delete process.env.CI;
    else process.env.CI = before;
  });
  delete process.env.CI;
  assert.match(String(skipUnlessShared(MISSING, 'the test export')), /^the test export is not available \(.*no-such-export\.xml\)$/);
  process.env.CI = 'true';
  assert.throws(() => skipUnlessShared(MISSING, 'the test export'), /the test export is missing \(.*no-such-export\.xml\): CI=true requires the \.\.\/shared folder/);
  assert.equal(skipUnlessShared(new URL(import.meta.url), 'this file'), false);
});
