// Where a public URL path lives in the export folder. A path ending in '/' is a folder's
// index.html; a last segment without an extension gets `.html` (`/search` → search.html,
// which Netlify, Cloudflare Pages and the shipped nginx config serve at `/search`); any
// other path is the file itself (`/feed.xml`). Segments are percent-decoded, so
// `/tag/%E5%A4%96%E4%BA%A4/` becomes `tag/外交/index.html`, the name a static server looks for.

/** The relative file (with '/' separators), or undefined when the path cannot be a file here. */
export function outputFile(urlPath: string): string | undefined {
  if (!urlPath.startsWith('/') || urlPath.includes('?') || urlPath.includes('#')) return undefined;
  const raw = urlPath.slice(1).split('/');
  const isFolder = raw[raw.length - 1] === '';
  if (isFolder) raw.pop();
  const segments: string[] = [];
  for (const segment of raw) {
    let name: string;
    try {
      name = decodeURIComponent(segment);
    } catch {
      return undefined;
    }
    // Dot-names are the exporter's own (.katsudo/) and '..' would leave the folder.
    if (name === '' || name.startsWith('.') || /[/\\\u0000]/.test(name)) return undefined;
    segments.push(name);
  }
  if (isFolder) return [...segments, 'index.html'].join('/');
  const last = segments[segments.length - 1];
  if (last === undefined) return undefined;
  return last.includes('.') ? segments.join('/') : `${segments.join('/')}.html`;
}
