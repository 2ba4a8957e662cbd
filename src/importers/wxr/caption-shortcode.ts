// WordPress's classic editor writes a captioned image as a shortcode,
// `[caption id="attachment_12" align="alignnone" width="300"]<img …> 説明文[/caption]`,
// which WordPress itself turns into a <figure> when the post is shown. The same is done
// here, before wpautop, so the image and its caption stay together (html-to-text.ts reads
// <figure>/<figcaption>). A `caption="…"` attribute (older WordPress) is the caption too.
const CAPTION = /\[caption\b([^\]]*)\]([^]*?)\[\/caption\]/gi;
const IMAGE = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([^]*)$/i;

export function captionShortcodes(content: string): string {
  if (!content.includes('[caption')) return content;
  return content.replace(CAPTION, (_whole, attributes: string, inner: string) => {
    const image = IMAGE.exec(inner);
    if (!image) return inner;
    const fromAttribute = /\bcaption\s*=\s*"([^"]*)"/i.exec(attributes)?.[1] ?? '';
    const caption = image[2]!.trim() || fromAttribute.trim();
    return `<figure>${image[1]}${caption === '' ? '' : `<figcaption>${caption}</figcaption>`}</figure>`;
  });
}
