// Opens (and so migrates) the SQLite file given as the first argument, then exits; the
// migration test stops it part-way with SIGKILL.
import { openDatabase } from '../../src/store/database.js';

const file = process.argv[2]!;
process.stdout.write('opening\n');
const db = await openDatabase({ file });
await db.destroy();
process.stdout.write('opened\n');
