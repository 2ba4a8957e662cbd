// A separate process running the scheduler's step on a shared database (SQLite file or
// PostgreSQL), to test that two processes publish each report once. argv: the database as
// JSON (OpenOptions), the data directory, now (ISO), start time (ms since epoch).
import { publishDueReports } from '../../src/actions/reports/publish-due-reports.js';
import { inlinePool } from '../../src/actions/runtime/work-pool.js';
import { openDatabase, type OpenOptions } from '../../src/store/database.js';

const [database, dataDir, nowIso, startAtMs] = process.argv.slice(2) as [string, string, string, string];
const db = await openDatabase(JSON.parse(database) as OpenOptions);
// Both processes wait for the same moment, after their slow start-up, to collide.
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAtMs) - Date.now())));
const ids = await publishDueReports({ db, dataDir, now: () => new Date(nowIso), work: inlinePool(db) });
process.stdout.write(JSON.stringify(ids));
await db.destroy();
