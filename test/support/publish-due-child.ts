// A separate process running the scheduler's step on a shared database file, to test that
// two processes publish each report once. argv: file, now (ISO), start time (ms since epoch).
import { dirname } from 'node:path';
import { publishDueReports } from '../../src/actions/reports/publish-due-reports.js';
import { inlinePool } from '../../src/actions/runtime/work-pool.js';
import { openDatabase } from '../../src/store/database.js';

const [file, nowIso, startAtMs] = process.argv.slice(2) as [string, string, string];
const db = await openDatabase({ file });
// Both processes wait for the same moment, after their slow start-up, to collide.
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAtMs) - Date.now())));
const ids = await publishDueReports({ db, dataDir: dirname(file), now: () => new Date(nowIso), work: inlinePool(db) });
process.stdout.write(JSON.stringify(ids));
await db.destroy();
