import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ADMIN_STATUSES, adminStatusOf } from '../../src/domain/editable-report.js';

test('puts a submitted draft under review and every other report under its status', () => {
  assert.equal(adminStatusOf({ status: 'draft', submittedAt: '2026-11-20T01:00:00.000Z' }), 'review');
  assert.equal(adminStatusOf({ status: 'draft', submittedAt: null }), 'draft');
  assert.equal(adminStatusOf({ status: 'published', submittedAt: null }), 'published');
});

test('lists every tab once, review beside draft', () => {
  assert.deepEqual([...ADMIN_STATUSES], ['draft', 'review', 'scheduled', 'published', 'trashed']);
});
