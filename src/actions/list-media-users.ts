// Which reports use media records: those listing one under their attachments, those whose
// body links to it (`[label](media:<ref>)` resolving to it now), and those whose rendered
// body already holds its URL. Any status counts, trash included: a trashed report can be
// restored, and its link must still work.
import type { MediaUser } from '../domain/errors.js';
import { mediaPath } from '../domain/media-path.js';
import { mediaRefs } from '../domain/text-format/media-refs.js';
import { escapeHtml } from '../domain/trusted-html.js';
import type { Db } from '../store/database.js';
import { findMediaByRefs, reportsAttaching, reportsWithMediaLinks, type Media } from '../store/media.js';

/** The reports using each of `media`, by media id, in report id order. Each body is parsed once. */
export async function listMediaUsers(db: Db, media: Media[]): Promise<Map<number, MediaUser[]>> {
  const users = new Map<number, Map<number, MediaUser>>();
  for (const m of media) {
    users.set(m.id, new Map((await reportsAttaching(db, m.id)).map((r) => [r.id, r])));
  }
  if (media.length === 0) return new Map();
  const urls = media.map((m) => ({ id: m.id, url: escapeHtml(mediaPath(m.sha256, m.originalName)) }));
  const resolved = new Map<string, number | undefined>();
  for (const report of await reportsWithMediaLinks(db)) {
    const refs = mediaRefs(report.bodySource);
    const unknown = refs.filter((ref) => !resolved.has(ref));
    const found = await findMediaByRefs(db, unknown);
    for (const ref of unknown) resolved.set(ref, found.get(ref)?.id);
    const linkedIds = new Set(refs.map((ref) => resolved.get(ref)));
    for (const { id, url } of urls) {
      if (linkedIds.has(id) || report.bodyHtml.includes(url)) {
        users.get(id)!.set(report.id, { id: report.id, title: report.title, status: report.status });
      }
    }
  }
  return new Map([...users].map(([id, byReport]) => [id, [...byReport.values()].sort((a, b) => a.id - b.id)]));
}
