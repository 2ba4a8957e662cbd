import assert from 'node:assert/strict';
import { test } from 'node:test';
import { throttleAddress } from '../../src/domain/throttle-address.js';

test('counts an IPv4 address as itself, also when written IPv4-mapped', () => {
  assert.equal(throttleAddress('203.0.113.5'), '203.0.113.5');
  assert.equal(throttleAddress('::ffff:203.0.113.5'), '203.0.113.5');
  assert.equal(throttleAddress('::FFFF:cb00:7105'), '203.0.113.5');
});

test('counts every IPv6 address of one /64 together, however it is written', () => {
  const expected = '2001:db8:1:2::/64';
  for (const ip of ['2001:db8:1:2::5', '2001:0db8:0001:0002:ffff:1:2:3', '2001:DB8:1:2::', '2001:db8:1:2:0:0:0:1%eth0']) {
    assert.equal(throttleAddress(ip), expected, ip);
  }
  assert.equal(throttleAddress('2001:db8::1'), '2001:db8:0:0::/64');
  assert.equal(throttleAddress('::1'), '0:0:0:0::/64');
  assert.notEqual(throttleAddress('2001:db8:1:3::5'), expected);
});

test('leaves what is not an address as it is', () => {
  for (const text of ['', 'unknown', '1::2::3', '2001:db8:1:2:3:4:5:6:7', 'gggg::1', '::ffff:1.2.3.256']) assert.equal(throttleAddress(text), text);
});
