// The body of a report as it is saved: rendered once with the facts of the files it
// links to, and those files listed under the report. Shared by creating and editing.
import type { Kysely } from 'kysely';
import { mediaPath } from '../domain/media-path.js';
import { mediaRefs } from '../domain/text-format/media-refs.js';
import { render, type MediaInfo, type Rendered } from '../domain/text-format/render.js';
import type { Database } from '../store/database.js';
import { attachMedia, findMediaByRefs, type Media } from '../store/media.js';

export interface RenderedBody {
  rendered: Rendered;
  /** The media records the body links to, by the ref written after `media:`. */
  media: Map<string, Media>;
}

/**
 * `mediaUrl` gives the address linked files get: the public /media/ path for what is saved,
 * the staff path for a preview (the file may not be public yet: store/media.ts isMediaPublic).
 */
export async function renderBody(
  trx: Kysely<Database>,
  bodySource: string,
  options: { mediaUrl?: (sha256: string, fileName: string) => string } = {},
): Promise<RenderedBody> {
  const mediaUrl = options.mediaUrl ?? mediaPath;
  const media = await findMediaByRefs(trx, mediaRefs(bodySource));
  const mediaInfo = new Map<string, MediaInfo>();
  for (const [ref, m] of media) {
    mediaInfo.set(ref, { url: mediaUrl(m.sha256, m.originalName), mime: m.mime, bytes: m.bytes, pages: m.pages });
  }
  return { rendered: render(bodySource, { media: mediaInfo }), media };
}

/**
 * Lists the files the body links to under the report, labelled with the link text, after
 * position `firstPosition`; files in `alreadyAttached` keep their label and place.
 */
export async function attachLinkedMedia(
  trx: Kysely<Database>,
  reportId: number,
  body: { source: string; media: Map<string, Media> },
  alreadyAttached: ReadonlySet<number>,
  firstPosition: number,
): Promise<void> {
  let position = firstPosition;
  const done = new Set(alreadyAttached);
  for (const [ref, m] of body.media) {
    if (done.has(m.id)) continue;
    done.add(m.id);
    await attachMedia(trx, { reportId, mediaId: m.id, label: linkLabel(body.source, ref), summary: '', position: position++ });
  }
}

function linkLabel(source: string, ref: string): string {
  const escaped = ref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`\\[([^\\]]+)\\]\\(media:${escaped}\\)`).exec(source);
  return m?.[1] ?? ref;
}
