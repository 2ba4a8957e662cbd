import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { withStatementCache } from '../../src/store/statement-cache.js';

test('prepares each SQL text once, gives a fresh statement while the cached one is iterating, and stays bounded', () => {
  const dir = mkdtempSync(join(tmpdir(), 'katsudo-stmt-'));
  const raw = new SqliteDatabase(join(dir, 'x.db'));
  try {
    const db = withStatementCache(raw);
    db.exec('create table t (n integer)');
    const insert = db.prepare('insert into t (n) values (?)');
    assert.equal(db.prepare('insert into t (n) values (?)'), insert);
    for (let n = 0; n < 3; n++) insert.run(n);
    const select = db.prepare('select n from t order by n');
    const rows = select.iterate();
    rows.next();
    const second = db.prepare('select n from t order by n');
    assert.notEqual(second, select);
    assert.deepEqual(second.all(), [{ n: 0 }, { n: 1 }, { n: 2 }]);
    rows.return?.();
    assert.equal(db.prepare('select n from t order by n'), select);
    for (let i = 0; i < 600; i++) db.prepare(`select ${i}`);
    assert.notEqual(db.prepare('insert into t (n) values (?)'), insert, 'the oldest statements leave a full cache');
  } finally {
    raw.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
