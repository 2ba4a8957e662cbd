// The 添付資料 list under a report's or fixed page's body: each file's label with its type
// and size, its summary, and an attached image shown above its link.
import { attachmentMeta } from '../../domain/attachment.js';
import { IMAGE_SIZES } from '../../domain/image-sizes.js';
import { mediaPath, mediaVariantPath } from '../../domain/media-path.js';
import type { Attachment } from '../../domain/report.js';

/**
 * `address` turns a public /media/ path into the one the page links to (staff's preview:
 * staffMediaPath, as a draft's files are not public); `headingId` must be unique in the page.
 */
export function AttachmentList({
  attachments,
  address = (path) => path,
  headingId = 'attachments-title',
}: {
  attachments: Attachment[];
  address?: (path: string) => string;
  headingId?: string;
}) {
  if (attachments.length === 0) return null;
  return (
    <section class="attachments" aria-labelledby={headingId}>
      <h2 id={headingId}>添付資料</h2>
      <ul>
        {attachments.map((a) => (
          <li>
            <AttachmentImage attachment={a} address={address} />
            <a href={address(mediaPath(a.sha256, a.fileName))}>
              {a.label}
              <span class="meta">({attachmentMeta(a)})</span>
            </a>
            {a.summary && <p class="attachment-summary">{a.summary}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** An attached image shown above its link: the WebP variants for the browser to choose from, its size reserved. */
function AttachmentImage({ attachment: a, address }: { attachment: Attachment; address: (path: string) => string }) {
  if (!a.mime.startsWith('image/') || a.width === null || a.height === null) return null;
  const widest = a.variants.at(-1);
  const src = address(widest ? mediaVariantPath(a.sha256, a.fileName, widest.width) : mediaPath(a.sha256, a.fileName));
  const srcset = a.variants.map((v) => `${address(mediaVariantPath(a.sha256, a.fileName, v.width))} ${v.width}w`).join(', ');
  return (
    <img
      class="attachment-image"
      src={src}
      {...(srcset ? { srcset, sizes: IMAGE_SIZES } : {})}
      width={a.width}
      height={a.height}
      alt={a.altText || a.label}
      loading="lazy"
      decoding="async"
    />
  );
}
