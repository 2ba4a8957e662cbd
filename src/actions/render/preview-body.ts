// Previewing a report body: refused exactly as saving would refuse it (domain/report-rules.ts),
// then rendered by the public renderer. Nothing is written.
import { checkBodyLength } from '../../domain/report-rules.js';
import type { TrustedHtml } from '../../domain/trusted-html.js';
import type { Db } from '../../store/database.js';
import { renderBody } from './report-body.js';

/** Throws ValidationError (field `bodySource`) for a body longer than save accepts. */
export async function previewBody(db: Db, bodySource: string): Promise<{ html: TrustedHtml }> {
  const source = bodySource.replace(/\r\n?/g, '\n');
  checkBodyLength(source);
  // Staff read the preview: linked files open through /admin/media/file/, as a draft's files are not public.
  const { rendered } = await renderBody(db, source, { isPreview: true });
  return { html: rendered.html };
}
