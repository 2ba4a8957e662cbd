import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonForScript } from '../../src/domain/json-ld.js';

test('serialises JSON that cannot close its script element', () => {
  const json = jsonForScript({ headline: '</script><script>alert(1)</script> & <!--' });
  assert.doesNotMatch(json, /<|>|&/);
  assert.deepEqual(JSON.parse(json), { headline: '</script><script>alert(1)</script> & <!--' });
});
