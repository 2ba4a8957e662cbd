import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mayOpenReport } from '../../src/domain/report-access.js';
import type { Actor } from '../../src/domain/user.js';

const as = (role: Actor['role'], userId = 7): Actor => ({ userId, login: `u${userId}`, role });

test('lets editors and the owner open any report, writers only their own', () => {
  const othersReport = { authorId: 8 };
  assert.equal(mayOpenReport(as('owner'), othersReport), true);
  assert.equal(mayOpenReport(as('editor'), othersReport), true);
  assert.equal(mayOpenReport(as('writer'), othersReport), false);
  assert.equal(mayOpenReport(as('writer'), { authorId: 7 }), true);
  assert.equal(mayOpenReport(as('writer'), { authorId: null }), false);
});
