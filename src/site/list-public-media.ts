// Every stored file a reader may fetch now (one that a published report or page uses, the
// rule of store/media.ts isMediaPublic, which the server applies per request), with each
// image's WebP variants: the URL path, the stored file and its type.
import { mediaPath, mediaVariantPath } from '../domain/media-path.js';
import { isMediaPublic, listMediaPage, listVariants } from '../store/media.js';
import { mediaFilePath } from '../store/media-files.js';
import type { SiteDeps } from './site-deps.js';

export interface PublicMedia {
  /** Percent-encoded, as pages link it: /media/<sha256>/<name> or /media/<sha256>/w640/<stem>-640w.webp */
  path: string;
  /** Where the bytes are: <media dir>/<first two hex digits>/<sha256> (store/media-files.ts). */
  file: string;
  contentType: string;
}

const BATCH = 500;

type Media = Awaited<ReturnType<typeof listMediaPage>>['items'][number];

export async function listPublicMedia(deps: SiteDeps): Promise<PublicMedia[]> {
  const records = await allMedia(deps);
  const publicShas = new Set<string>();
  for (const sha of new Set(records.map((m) => m.sha256))) {
    if (await isMediaPublic(deps.ctx.db, sha)) publicShas.add(sha);
  }
  const shown = records.filter((m) => publicShas.has(m.sha256));
  const variants = await listVariants(deps.ctx.db, [...publicShas]);
  const fileOf = (sha256: string) => mediaFilePath(deps.ctx, sha256);
  const out = new Map<string, PublicMedia>();
  for (const media of shown) {
    const path = mediaPath(media.sha256, media.originalName);
    out.set(path, { path, file: fileOf(media.sha256), contentType: media.mime });
    for (const variant of variants.get(media.sha256) ?? []) {
      const variantPath = mediaVariantPath(media.sha256, media.originalName, variant.width);
      out.set(variantPath, { path: variantPath, file: fileOf(variant.sha256), contentType: variant.mime });
    }
  }
  return [...out.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function allMedia(deps: SiteDeps): Promise<Media[]> {
  const all: Media[] = [];
  for (let offset = 0; ; offset += BATCH) {
    const page = await listMediaPage(deps.ctx.db, { limit: BATCH, offset });
    all.push(...page.items);
    if (page.items.length < BATCH) return all;
  }
}
