import { absoluteUrl, paths } from '../../domain/paths.js';

export const ROBOTS_PATH = '/robots.txt';
export const ROBOTS_CONTENT_TYPE = 'text/plain; charset=utf-8';

/** /robots.txt: everything but the admin, and where the sitemap is. */
export function renderRobots(baseUrl: string): string {
  return `User-agent: *\nAllow: /\nDisallow: /admin/\n\nSitemap: ${absoluteUrl(baseUrl, paths.sitemap())}\n`;
}
