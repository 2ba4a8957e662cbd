// Every old path that answers 301 (the redirects table), for the static export's
// redirect files. Read in keyset batches; a site imported from WordPress may have many.
import { listRedirectsForExport } from '../../store/site-export.js';
import type { ActionContext } from '../runtime/context.js';

export interface Redirect {
  fromPath: string;
  toPath: string;
}

export async function listRedirects(ctx: ActionContext): Promise<Redirect[]> {
  const out: Redirect[] = [];
  for (let after = ''; ;) {
    const rows = await listRedirectsForExport(ctx.db, after, 1000);
    if (rows.length === 0) return out;
    for (const r of rows) out.push({ fromPath: r.fromPath, toPath: r.toPath });
    after = rows[rows.length - 1]!.fromPath;
  }
}
