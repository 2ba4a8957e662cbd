/** Report HTML uses site-relative links; feed readers and API clients need absolute ones (every srcset candidate too). */
export function absolutizeLinks(html: string, baseUrl: string): string {
  const absolute = (url: string) => (/^\/(?!\/)/.test(url) ? `${baseUrl}${url}` : url);
  return html
    .replace(/(\s(?:href|src)=")\/(?!\/)/g, `$1${baseUrl}/`)
    .replace(
      /(\ssrcset=")([^"]*)"/g,
      (_m, open: string, candidates: string) => `${open}${candidates.replace(/(^|,\s*)(\S+)/g, (_c, lead: string, url: string) => lead + absolute(url))}"`,
    );
}
