// Public URL paths, in one place so pages, feeds, sitemaps, the API and the static
// export always agree. All paths end in "/" except files.

export const paths = {
  home: () => '/',
  activity: () => '/activity/',
  report: (slug: string) => `/activity/${slug}/`,
  year: (year: number) => `/activity/${year}/`,
  month: (year: number, month: number) => `/activity/${year}/${String(month).padStart(2, '0')}/`,
  category: (slug: string) => `/category/${slug}/`,
  tag: (name: string) => `/tag/${encodeURIComponent(name)}/`,
  profile: () => '/profile/',
  rss: () => '/feed.xml',
  atom: () => '/atom.xml',
  jsonFeed: () => '/feed.json',
  sitemap: () => '/sitemap.xml',
  apiReport: (id: number) => `/api/v1/reports/${id}`,
} as const;

/** `?page=N` appended when N > 1, so page 1 has one canonical URL. */
export function withPage(path: string, page: number): string {
  return page > 1 ? `${path}?page=${page}` : path;
}

export function absoluteUrl(baseUrl: string, path: string): string {
  return `${baseUrl}${path}`;
}
