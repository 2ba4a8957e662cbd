// A body in the report text format as the HTML of a WordPress export: each paragraph a <p>
// with its lines kept by <br>, a photo line a <figure>, a link to a stored file an <a> to
// its copy in the export. The text itself stays as written (numbers, 【見出し】, tables,
// inline Markdown), so katsudo's import-wxr (importers/html-to-text.ts) reads the same
// source back, and WordPress shows every word.
import { figureLine } from './text-format/figure-line.js';
import { escapeHtml } from './trusted-html.js';

const MEDIA_LINK = /\[([^\]\n]*)\]\(media:([^)\s]+)\)/g;

/** @param fileUrl the address of a stored file by its `media:` ref, or undefined when there is none */
export function wxrBodyHtml(source: string, fileUrl: (ref: string) => string | undefined): string {
  const out: string[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (lines.length > 0) out.push(`<p>${lines.join('<br>\n')}</p>`);
    lines = [];
  };
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    const figure = figureLine(line);
    const url = figure === undefined ? undefined : fileUrl(figure.ref);
    if (figure && url !== undefined) {
      flush();
      const caption = figure.caption === undefined ? '' : `<figcaption>${escapeHtml(figure.caption)}</figcaption>`;
      out.push(`<figure><img src="${escapeHtml(url)}" alt="${escapeHtml(figure.alt)}">${caption}</figure>`);
    } else if (line.trim() === '') {
      flush();
    } else {
      lines.push(inlineHtml(line, fileUrl));
    }
  }
  flush();
  return out.join('\n');
}

function inlineHtml(line: string, fileUrl: (ref: string) => string | undefined): string {
  let html = '';
  let at = 0;
  for (const m of line.matchAll(MEDIA_LINK)) {
    const url = fileUrl(m[2]!);
    if (url === undefined) continue;
    html += `${escapeHtml(line.slice(at, m.index))}<a href="${escapeHtml(url)}">${escapeHtml(m[1]!)}</a>`;
    at = m.index + m[0].length;
  }
  return html + escapeHtml(line.slice(at));
}
