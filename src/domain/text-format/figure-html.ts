// An inline photo as HTML: a <figure> with a responsive <img> when the file is a stored
// image with its size known and the author gave a description; otherwise a visible text
// placeholder in its place, never an <img> without alt or pointing at nothing.
import { IMAGE_SIZES } from '../image-sizes.js';
import { escapeHtml } from '../trusted-html.js';
import type { MediaInfo } from './render.js';
import type { Figure } from './tree.js';

export interface FigureOutput {
  html: string;
  /** The description and the caption, for search and plain text. */
  text: string;
}

/** `isPreview` adds what staff must fix to the placeholder. */
export function figureHtml(figure: Figure, media: MediaInfo | undefined, isPreview: boolean): FigureOutput {
  const text = [figure.alt, figure.caption].filter((part) => part !== undefined && part !== '').join('\n');
  const problem = figureProblem(figure, media);
  if (problem !== undefined || !media) {
    // The placeholder already shows the description; only a quoted caption is added below it.
    const shown = `［画像：${figure.alt === '' ? figure.ref : figure.alt}］`;
    const note = isPreview && problem ? `<span class="figure-warning">${escapeHtml(problem)}</span>` : '';
    return { html: `<figure class="figure figure-missing"><p class="placeholder">${escapeHtml(shown)}${note}</p>${figcaptionOf(figure.caption)}</figure>`, text };
  }
  return { html: `<figure class="figure">${imgTag(media, figure.alt)}${figcaptionOf(figure.caption ?? figure.alt)}</figure>`, text };
}

/** Why the photo cannot be shown, in words for the editor, or undefined when it can. */
export function figureProblem(figure: Figure, media: MediaInfo | undefined): string | undefined {
  if (!media) return `「${figure.ref}」という名前のファイルが見つかりません。メディアにアップロードしたファイル名を書いてください。`;
  if (!media.mime.startsWith('image/') || !media.width || !media.height) return `「${figure.ref}」は画像ではないため表示できません。`;
  if (figure.alt === '') return '画像の説明(![説明] の部分)が空です。写真の内容を短く書いてください。';
  return undefined;
}

function figcaptionOf(caption: string | undefined): string {
  return caption === undefined || caption === '' ? '' : `<figcaption>${escapeHtml(caption)}</figcaption>`;
}

function imgTag(media: MediaInfo, alt: string): string {
  const variants = media.variants ?? [];
  const widest = variants.at(-1);
  const src = widest ? widest.url : media.url;
  const srcset = variants.map((v) => `${v.url} ${v.width}w`).join(', ');
  const responsive = srcset === '' ? '' : ` srcset="${escapeHtml(srcset)}" sizes="${escapeHtml(IMAGE_SIZES)}"`;
  return `<img src="${escapeHtml(src)}"${responsive} width="${media.width}" height="${media.height}"` + ` alt="${escapeHtml(alt)}" loading="lazy" decoding="async">`;
}
