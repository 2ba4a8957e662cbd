// Reading a WordPress export (WXR 1.1 and 1.2) as a stream: the file is fed to saxes (a
// strict XML parser) chunk by chunk and each <item> is handed out as soon as it closes,
// so memory holds one chunk and the items of that chunk, whatever the file's size.
// Elements are matched by their prefixed names (wp:post_id…), which WordPress writes the
// same way in both versions; only the namespace URI's version number differs.
import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';

export interface WxrChannel {
  /** wp:base_site_url, e.g. `https://example.jp` (the old site's root). */
  baseSiteUrl: string;
  /** wp:base_blog_url (differs from the site URL when the blog lives in a subfolder). */
  baseBlogUrl: string;
  /** wp:wxr_version: '1.1' or '1.2'. */
  wxrVersion: string;
  /** Author login → display name. */
  authors: Map<string, string>;
  /** The blog name (the channel's <title>), when read. */
  title?: string;
  /** The tagline (the channel's <description>), when read. */
  description?: string;
}

export interface WxrTerm {
  /** 'category' or 'post_tag' (or a custom taxonomy). */
  domain: string;
  nicename: string;
  name: string;
}

export interface WxrItem {
  title: string;
  link: string;
  guid: string;
  /** dc:creator: the author's login. */
  creator: string;
  content: string;
  excerpt: string;
  postId: string;
  /** `YYYY-MM-DD HH:MM:SS` in the site's time zone. */
  postDate: string;
  /** `YYYY-MM-DD HH:MM:SS` UTC, or `0000-00-00 00:00:00` for drafts. */
  postDateGmt: string;
  postName: string;
  status: string;
  postParent: string;
  postType: string;
  attachmentUrl: string;
  /** wp:post_password: non-empty for a password-protected post or page. */
  postPassword: string;
  /** wp:menu_order: a page's or a menu entry's place among its siblings. */
  menuOrder: string;
  terms: WxrTerm[];
  meta: Map<string, string>;
  comments: number;
  /** Line of the <item> tag in the file, for messages. */
  line: number;
}

/** The file is not well-formed XML or not a WordPress export; the message names line and column. */
export class WxrReadError extends Error {}

const ITEM_FIELDS: Record<string, keyof WxrItem> = {
  title: 'title',
  link: 'link',
  guid: 'guid',
  'dc:creator': 'creator',
  'content:encoded': 'content',
  'excerpt:encoded': 'excerpt',
  'wp:post_id': 'postId',
  'wp:post_date': 'postDate',
  'wp:post_date_gmt': 'postDateGmt',
  'wp:post_name': 'postName',
  'wp:status': 'status',
  'wp:post_parent': 'postParent',
  'wp:post_type': 'postType',
  'wp:attachment_url': 'attachmentUrl',
  'wp:post_password': 'postPassword',
  'wp:menu_order': 'menuOrder',
};

function emptyItem(line: number): WxrItem {
  return {
    title: '',
    link: '',
    guid: '',
    creator: '',
    content: '',
    excerpt: '',
    postId: '',
    postDate: '',
    postDateGmt: '',
    postName: '',
    status: '',
    postParent: '',
    postType: '',
    attachmentUrl: '',
    postPassword: '',
    menuOrder: '',
    terms: [],
    meta: new Map(),
    comments: 0,
    line,
  };
}

export interface ReadWxrOptions {
  /** Called with the bytes read so far, after every chunk (for a progress bar). */
  onBytes?: (bytesRead: number) => void;
  /** Bytes per chunk; 256 KiB by default. */
  chunkBytes?: number;
}

/**
 * Yields the items of the export in file order and fills `channel` from the header (which
 * WordPress writes before the first item).
 * @throws WxrReadError for malformed or truncated XML (with file, line and column) and for
 *   a file that is not a WordPress export.
 */
export async function* readWxr(path: string, channel: WxrChannel, options: ReadWxrOptions = {}): AsyncGenerator<WxrItem> {
  const parser = new SaxesParser({ fileName: path, position: true });
  const ready: WxrItem[] = [];
  const stack: string[] = [];
  let text = '';
  let item: WxrItem | undefined;
  let term: WxrTerm | undefined;
  let metaKey = '';
  let author: { login: string; name: string } | undefined;
  let isRss = false;

  parser.on('opentag', (tag) => {
    const name = tag.name;
    if (stack.length === 0 && name !== 'rss')
      throw new WxrReadError(`${where(parser, path)}: WordPress のエクスポートファイルではありません(最上位の要素が <rss> ではなく <${name}> です)`);
    if (stack.length === 0) isRss = true;
    stack.push(name);
    text = '';
    if (name === 'item') item = emptyItem(parser.line);
    else if (name === 'category' && item) {
      term = { domain: String(tag.attributes.domain ?? 'category'), nicename: String(tag.attributes.nicename ?? ''), name: '' };
    } else if (name === 'wp:author' && !item) author = { login: '', name: '' };
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('cdata', (t) => {
    text += t;
  });
  parser.on('closetag', (tag) => {
    const name = tag.name;
    stack.pop();
    const value = text;
    text = '';
    if (item) {
      if (name === 'item') {
        ready.push(item);
        item = undefined;
      } else if (name === 'category' && term) {
        term.name = value.trim();
        item.terms.push(term);
        term = undefined;
      } else if (name === 'wp:meta_key') metaKey = value;
      else if (name === 'wp:meta_value') item.meta.set(metaKey, value);
      else if (name === 'wp:comment') item.comments++;
      else if (stack[stack.length - 1] === 'item') {
        const field = ITEM_FIELDS[name];
        if (field) (item as unknown as Record<string, string>)[field] = value;
      }
      return;
    }
    if (author) {
      if (name === 'wp:author_login') author.login = value.trim();
      else if (name === 'wp:author_display_name') author.name = value.trim();
      else if (name === 'wp:author') {
        channel.authors.set(author.login, author.name || author.login);
        author = undefined;
      }
      return;
    }
    if (stack[stack.length - 1] === 'channel' && name === 'title') channel.title = value.trim();
    else if (stack[stack.length - 1] === 'channel' && name === 'description') channel.description = value.trim();
    else if (name === 'wp:base_site_url') channel.baseSiteUrl = value.trim();
    else if (name === 'wp:base_blog_url') channel.baseBlogUrl = value.trim();
    else if (name === 'wp:wxr_version') channel.wxrVersion = value.trim();
  });

  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: options.chunkBytes ?? 256 * 1024 });
  try {
    for await (const chunk of stream) {
      // Items completed before an error in the same chunk are still handed out first.
      let failure: WxrReadError | undefined;
      try {
        write(parser, chunk as string);
      } catch (error) {
        failure = asReadError(error);
      }
      options.onBytes?.(stream.bytesRead);
      while (ready.length > 0) {
        checkHeader(channel, path, ready[0]!);
        yield ready.shift()!;
      }
      if (failure) throw failure;
    }
    close(parser);
  } finally {
    stream.destroy();
  }
  if (!isRss) throw new WxrReadError(`${path}: ファイルが空です`);
  for (const rest of ready) yield rest;
  if (channel.wxrVersion === '') throw new WxrReadError(`${path}: WordPress のエクスポートファイルではありません(channel に wp:wxr_version がありません)`);
}

function where(parser: SaxesParser, path: string): string {
  return `${path}:${parser.line}:${parser.column}`;
}

function write(parser: SaxesParser, chunk: string): void {
  try {
    parser.write(chunk);
  } catch (error) {
    throw asReadError(error);
  }
}

function close(parser: SaxesParser): void {
  try {
    parser.close();
  } catch (error) {
    throw asReadError(error);
  }
}

function asReadError(error: unknown): WxrReadError {
  if (error instanceof WxrReadError) return error;
  // saxes messages read `file:line:column: what`, e.g. `export.xml:120:7: unclosed tag: item`.
  const message = error instanceof Error ? error.message : String(error);
  return new WxrReadError(`XML の形式が正しくありません: ${message}`, { cause: error });
}

function checkHeader(channel: WxrChannel, path: string, first: WxrItem): void {
  if (channel.wxrVersion === '') {
    throw new WxrReadError(`${path}:${first.line}: WordPress のエクスポートファイルではありません(最初の item より前に wp:wxr_version がありません)`);
  }
}
