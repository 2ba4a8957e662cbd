// A WordPress export (WXR 1.2) written piece by piece: the channel head, one <item> per
// post, page or attachment, and the tail, so an exporter can stream any number of items.
// Pure text building: callers pass every value, including the site's address.
// Element names and order follow WordPress's own export (wp-admin/includes/export.php).

export interface WxrHead {
  title: string;
  description: string;
  /** The site's root URL without a trailing slash, e.g. `https://example.jp`. */
  siteUrl: string;
  /** RFC 2822 time of the export. */
  pubDate: string;
  authors: { login: string; displayName: string }[];
  categories: { slug: string; name: string }[];
  tags: string[];
}

export interface WxrPost {
  postId: number;
  postType: 'post' | 'page' | 'attachment' | 'nav_menu_item';
  title: string;
  link: string;
  /** HTML. */
  content: string;
  excerpt: string;
  creator: string;
  /** `YYYY-MM-DD HH:MM:SS`, the site's local time. */
  postDate: string;
  /** `YYYY-MM-DD HH:MM:SS` UTC, or `0000-00-00 00:00:00` when never published. */
  postDateGmt: string;
  postName: string;
  /** publish | draft | future | trash | inherit. */
  status: string;
  postParent: number;
  menuOrder: number;
  attachmentUrl?: string;
  categories?: { slug: string; name: string }[];
  tags?: string[];
  /** For a nav_menu_item: the slug of the menu it belongs to. */
  menu?: string;
  meta?: [string, string][];
}

export const WXR_NO_DATE = '0000-00-00 00:00:00';
/** The postmeta key carrying a report's URL name (katsudo's own; import-wxr keeps it for the new report). */
export const WXR_SLUG_META = '_katsudo_slug';

/** Everything before the first item. */
export function wxrHead(head: WxrHead): string {
  const authors = head.authors
    .map(
      (a, i) =>
        `\t<wp:author><wp:author_id>${i + 1}</wp:author_id><wp:author_login>${cdata(a.login)}</wp:author_login><wp:author_display_name>${cdata(a.displayName)}</wp:author_display_name></wp:author>\n`,
    )
    .join('');
  const categories = head.categories
    .map(
      (c, i) =>
        `\t<wp:category><wp:term_id>${i + 1}</wp:term_id><wp:category_nicename>${cdata(nicename(c.slug))}</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>${cdata(c.name)}</wp:cat_name></wp:category>\n`,
    )
    .join('');
  const tags = head.tags
    .map(
      (t, i) =>
        `\t<wp:tag><wp:term_id>${head.categories.length + i + 1}</wp:term_id><wp:tag_slug>${cdata(nicename(t))}</wp:tag_slug><wp:tag_name>${cdata(t)}</wp:tag_name></wp:tag>\n`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" ?>\n' +
    '<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" ' +
    'xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n' +
    '<channel>\n' +
    `\t<title>${text(head.title)}</title>\n` +
    `\t<link>${text(head.siteUrl)}</link>\n` +
    `\t<description>${text(head.description)}</description>\n` +
    `\t<pubDate>${text(head.pubDate)}</pubDate>\n` +
    '\t<language>ja</language>\n' +
    '\t<wp:wxr_version>1.2</wp:wxr_version>\n' +
    `\t<wp:base_site_url>${text(head.siteUrl)}</wp:base_site_url>\n` +
    `\t<wp:base_blog_url>${text(head.siteUrl)}</wp:base_blog_url>\n` +
    authors +
    categories +
    tags +
    '\t<generator>katsudo export</generator>\n'
  );
}

/** One post, page or attachment. */
export function wxrItem(post: WxrPost): string {
  const terms = [
    ...(post.categories ?? []).map((c) => `\t\t<category domain="category" nicename="${attr(nicename(c.slug))}">${cdata(c.name)}</category>\n`),
    ...(post.tags ?? []).map((t) => `\t\t<category domain="post_tag" nicename="${attr(nicename(t))}">${cdata(t)}</category>\n`),
    ...(post.menu === undefined ? [] : [`\t\t<category domain="nav_menu" nicename="${attr(nicename(post.menu))}">${cdata(post.menu)}</category>\n`]),
  ].join('');
  const meta = (post.meta ?? [])
    .map(([key, value]) => `\t\t<wp:postmeta><wp:meta_key>${cdata(key)}</wp:meta_key><wp:meta_value>${cdata(value)}</wp:meta_value></wp:postmeta>\n`)
    .join('');
  return (
    '\t<item>\n' +
    `\t\t<title>${cdata(post.title)}</title>\n` +
    `\t\t<link>${text(post.link)}</link>\n` +
    `\t\t<dc:creator>${cdata(post.creator)}</dc:creator>\n` +
    `\t\t<guid isPermaLink="false">${text(post.link)}</guid>\n` +
    '\t\t<description></description>\n' +
    `\t\t<content:encoded>${cdata(post.content)}</content:encoded>\n` +
    `\t\t<excerpt:encoded>${cdata(post.excerpt)}</excerpt:encoded>\n` +
    `\t\t<wp:post_id>${post.postId}</wp:post_id>\n` +
    `\t\t<wp:post_date>${cdata(post.postDate)}</wp:post_date>\n` +
    `\t\t<wp:post_date_gmt>${cdata(post.postDateGmt)}</wp:post_date_gmt>\n` +
    '\t\t<wp:comment_status>closed</wp:comment_status>\n' +
    '\t\t<wp:ping_status>closed</wp:ping_status>\n' +
    `\t\t<wp:post_name>${cdata(nicename(post.postName))}</wp:post_name>\n` +
    `\t\t<wp:status>${text(post.status)}</wp:status>\n` +
    `\t\t<wp:post_parent>${post.postParent}</wp:post_parent>\n` +
    `\t\t<wp:menu_order>${post.menuOrder}</wp:menu_order>\n` +
    `\t\t<wp:post_type>${post.postType}</wp:post_type>\n` +
    '\t\t<wp:post_password></wp:post_password>\n' +
    '\t\t<wp:is_sticky>0</wp:is_sticky>\n' +
    (post.attachmentUrl === undefined ? '' : `\t\t<wp:attachment_url>${cdata(post.attachmentUrl)}</wp:attachment_url>\n`) +
    terms +
    meta +
    '\t</item>\n'
  );
}

export function wxrTail(): string {
  return '</channel>\n</rss>\n';
}

/** WordPress writes slugs percent-encoded (「政策」 → %e6%94%bf%e7%ad%96); the importer decodes them. */
function nicename(slug: string): string {
  return encodeURIComponent(slug);
}

/** Characters XML 1.0 forbids anywhere (a stray control character would break the whole file). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function cdata(value: string): string {
  return `<![CDATA[${value.replace(NOT_XML, '').replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

function text(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;');
}
