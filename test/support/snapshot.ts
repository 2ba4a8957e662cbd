// Every stored row an editing action may touch, to prove a refused action wrote nothing.
import { sql } from 'kysely';
import type { Db } from '../../src/store/database.js';

const TABLES = ['reports', 'revisions', 'report_tags', 'tags', 'attachments', 'redirects', 'audit_log', 'site_state', 'pages', 'page_body_media'] as const;

export async function snapshot(db: Db): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const table of TABLES) result[table] = await db.selectFrom(table).selectAll().execute();
  const index = await sql<{ rowid: number }>`select rowid from report_search order by rowid`.execute(db);
  result.report_search = index.rows;
  result.page_search = (await sql<{ rowid: number }>`select rowid from page_search order by rowid`.execute(db)).rows;
  return result;
}
