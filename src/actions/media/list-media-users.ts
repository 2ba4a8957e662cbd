// What "a report or page uses a media record" means (issue 10), the one rule behind refusing
// a deletion and the library's "used by" list: a report lists it under its attachments, the
// rendered body of a report or page holds the record's /media/ URL or a variant's (from a `media:` link, or a URL
// written in the text, full or percent-encoded or not), or its body has a `media:` link that
// resolves to it now (saved before the file was uploaded, linked at the next save). Any status
// counts, trash included: a trashed report can be restored, and its link must still work.
// Readers are served a file while a published report or page uses it this way (store/media.ts
// isMediaPublic reads the same stored uses, store/media-uses.ts).
import type { MediaUser } from '../../domain/errors.js';
import { isMediaUrlOf, mediaUrlsInHtml, type MediaUrl } from '../../domain/media-path.js';
import { mediaRefs } from '../../domain/text-format/media-refs.js';
import type { Db } from '../../store/database.js';
import { findMediaUses } from '../../store/media-uses.js';
import type { Media } from '../../domain/media.js';
import { findMediaByRefs, reportsWithMediaLinks } from '../../store/media.js';

/** The reports, then the pages, using each of `media`, by media id, in id order. Each body is parsed once. */
export async function listMediaUsers(db: Db, media: Media[]): Promise<Map<number, MediaUser[]>> {
  if (media.length === 0) return new Map();
  const byId = new Map(media.map((m) => [m.id, m]));
  const users = new Map(media.map((m) => [m.id, new Map<string, MediaUser>()]));
  const use = (mediaId: number, user: MediaUser) => users.get(mediaId)!.set(`${user.kind}:${user.id}`, user);

  const urlsByUser = new Map<string, MediaUrl[]>();
  for (const found of await findMediaUses(db, [...byId.keys()])) {
    if (found.kind === 'attachment') {
      use(found.mediaId, found.user);
      continue;
    }
    const key = `${found.user.kind}:${found.user.id}`;
    let urls = urlsByUser.get(key);
    if (!urls) urlsByUser.set(key, (urls = mediaUrlsInHtml(found.bodyHtml)));
    if (urls.some((url) => isMediaUrlOf(url, byId.get(found.mediaId)!))) use(found.mediaId, found.user);
  }

  const resolved = new Map<string, number | undefined>();
  for (const report of await reportsWithMediaLinks(db)) {
    const refs = mediaRefs(report.bodySource);
    const unknown = refs.filter((ref) => !resolved.has(ref));
    const found = await findMediaByRefs(db, unknown);
    for (const ref of unknown) resolved.set(ref, found.get(ref)?.id);
    for (const ref of refs) {
      const id = resolved.get(ref);
      if (id !== undefined && byId.has(id)) use(id, { kind: 'report', id: report.id, title: report.title, status: report.status });
    }
  }
  const order = (a: MediaUser, b: MediaUser) => (a.kind === b.kind ? a.id - b.id : a.kind === 'report' ? -1 : 1);
  return new Map([...users].map(([id, byUser]) => [id, [...byUser.values()].sort(order)]));
}
