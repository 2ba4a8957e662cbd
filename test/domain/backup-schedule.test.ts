import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextBackupAt } from '../../src/domain/backup-schedule.js';

test('the next backup is at the time of day in Japan time, today if still ahead, else tomorrow', () => {
  const at3 = { hour: 3, minute: 0 };
  // 2026-12-06 01:00 JST: 03:00 JST the same day.
  assert.equal(nextBackupAt(new Date('2026-12-05T16:00:00Z'), at3).toISOString(), '2026-12-05T18:00:00.000Z');
  // 2026-12-06 03:00 JST exactly: the next day's.
  assert.equal(nextBackupAt(new Date('2026-12-05T18:00:00Z'), at3).toISOString(), '2026-12-06T18:00:00.000Z');
  // 2026-12-06 10:00 JST (01:00 UTC): the next day in Japan.
  assert.equal(nextBackupAt(new Date('2026-12-06T01:00:00Z'), at3).toISOString(), '2026-12-06T18:00:00.000Z');
  assert.equal(nextBackupAt(new Date('2026-12-06T01:00:00Z'), { hour: 23, minute: 30 }).toISOString(), '2026-12-06T14:30:00.000Z');
});
