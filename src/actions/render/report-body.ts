// The body of a report as it is saved: rendered once with the facts of the files it
// links to, and those files listed under the report. Shared by creating and editing.
import type { Kysely } from 'kysely';
import { mediaPath, mediaVariantPath, staffMediaPath } from '../../domain/media-path.js';
import { mediaRefs } from '../../domain/text-format/media-refs.js';
import { render, type MediaInfo, type Rendered } from '../../domain/text-format/render.js';
import type { Database } from '../../store/database.js';
import type { Media } from '../../domain/media.js';
import { attachMedia, findMediaByRefs, listVariants } from '../../store/media.js';

export interface RenderedBody {
  rendered: Rendered;
  /**
   * The media records the body links to, by the ref written after `media:`. Photos shown in
   * the body (`![説明](media:…)`) are not among them: they are not listed under the report.
   */
  media: Map<string, Media>;
}

/**
 * A body rendered ahead without media details (on a worker, by an import). renderBody uses
 * it only for the same source naming no stored file: then the media map it would render
 * with is empty, and the render is the same.
 */
export interface PrebuiltRender {
  bodySource: string;
  rendered: Rendered;
}

/**
 * `isPreview` is staff's preview: files are addressed through the staff path (the file may
 * not be public yet: store/media.ts isMediaPublic) and a photo that cannot be shown says why.
 */
export async function renderBody(
  trx: Kysely<Database>,
  bodySource: string,
  options: { isPreview?: boolean; prebuilt?: PrebuiltRender | undefined } = {},
): Promise<RenderedBody> {
  const isPreview = options.isPreview === true;
  const address = (path: string) => (isPreview ? staffMediaPath(path) : path);
  // A body naming no file is not parsed for refs (mediaRefs; a long preview is parsed once, by render).
  const named = await findMediaByRefs(trx, mediaRefs(bodySource));
  const { prebuilt } = options;
  if (named.size === 0 && !isPreview && prebuilt?.bodySource === bodySource) return { rendered: prebuilt.rendered, media: named };
  const images = [...named.values()].filter((m) => m.mime.startsWith('image/'));
  const variants = await listVariants(
    trx,
    images.map((m) => m.sha256),
  );
  const mediaInfo = new Map<string, MediaInfo>();
  for (const [ref, m] of named) {
    mediaInfo.set(ref, {
      url: address(mediaPath(m.sha256, m.originalName)),
      mime: m.mime,
      bytes: m.bytes,
      pages: m.pages,
      width: m.width,
      height: m.height,
      variants: (variants.get(m.sha256) ?? []).map((v) => ({ url: address(mediaVariantPath(m.sha256, m.originalName, v.width)), width: v.width })),
    });
  }
  // Without a photo line every ref is a link: the body is not parsed a third time.
  const linked = bodySource.includes('![') ? new Set(mediaRefs(bodySource, 'links')) : undefined;
  const media = linked ? new Map([...named].filter(([ref]) => linked.has(ref))) : named;
  return { rendered: render(bodySource, { media: mediaInfo, isPreview }), media };
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
  // `(?<!!)`: a photo line `![説明](media:…)` of the same file does not label its link.
  const m = new RegExp(`(?<!!)\\[([^\\]]+)\\]\\(media:${escaped}\\)`).exec(source);
  return m?.[1] ?? ref;
}
