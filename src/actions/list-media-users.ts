// What "a report uses a media record" means (issue 10), the one rule behind refusing a
// deletion and the library's "used by" list: the report lists it under its attachments, its
// rendered body holds the record's /media/ URL or a variant's (from a `media:` link, or a URL
// written in the text, full or percent-encoded or not), or its body has a `media:` link that
// resolves to it now (saved before the file was uploaded, linked at the next save). Any status
// counts, trash included: a trashed report can be restored, and its link must still work.
// Readers are served a file while a published report uses it this way (store/media.ts
// isMediaPublic reads the same stored uses).
import type { MediaUser } from '../domain/errors.js';
import { isMediaUrlOf, mediaUrlsInHtml, type MediaUrl } from '../domain/media-path.js';
import { mediaRefs } from '../domain/text-format/media-refs.js';
import type { Db } from '../store/database.js';
import { findMediaUses } from '../store/media-uses.js';
import { findMediaByRefs, reportsWithMediaLinks, type Media } from '../store/media.js';

/** The reports using each of `media`, by media id, in report id order. Each body is parsed once. */
export async function listMediaUsers(db: Db, media: Media[]): Promise<Map<number, MediaUser[]>> {
  if (media.length === 0) return new Map();
  const byId = new Map(media.map((m) => [m.id, m]));
  const users = new Map(media.map((m) => [m.id, new Map<number, MediaUser>()]));
  const use = (mediaId: number, report: MediaUser) => users.get(mediaId)!.set(report.id, { id: report.id, title: report.title, status: report.status });

  const urlsByReport = new Map<number, MediaUrl[]>();
  for (const found of await findMediaUses(db, [...byId.keys()])) {
    if (found.kind === 'attachment') {
      use(found.mediaId, found.report);
      continue;
    }
    let urls = urlsByReport.get(found.report.id);
    if (!urls) urlsByReport.set(found.report.id, (urls = mediaUrlsInHtml(found.bodyHtml)));
    if (urls.some((url) => isMediaUrlOf(url, byId.get(found.mediaId)!))) use(found.mediaId, found.report);
  }

  const resolved = new Map<string, number | undefined>();
  for (const report of await reportsWithMediaLinks(db)) {
    const refs = mediaRefs(report.bodySource);
    const unknown = refs.filter((ref) => !resolved.has(ref));
    const found = await findMediaByRefs(db, unknown);
    for (const ref of unknown) resolved.set(ref, found.get(ref)?.id);
    for (const ref of refs) {
      const id = resolved.get(ref);
      if (id !== undefined && byId.has(id)) use(id, report);
    }
  }
  return new Map([...users].map(([id, byReport]) => [id, [...byReport.values()].sort((a, b) => a.id - b.id)]));
}
