// What a public path answers, the same for the server and the static export.
export type SiteResult =
  /** 200 with exactly the bytes the server sends (before compression). */
  | { kind: 'page'; contentType: string; body: string | Uint8Array }
  /** 301: an old slug, the redirects table, a path without its trailing slash, a page-1 link. */
  | { kind: 'redirect'; location: string }
  | { kind: 'not-found' };
